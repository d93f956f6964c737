"""`coplan todos --format table`: columns that fit the terminal, plain when piped.

Hand-written ANSI instead of rich, because importing rich would eat a good part of the
listing's time budget; the same budget is why cells are formatted with one format string
per table and dates are formatted once per distinct day.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..domain.safe_text import has_controls, printable
from ..domain.todo_rows import TodoRow, deadline_day, short_day

BOLD, DIM, RED, RESET = "\x1b[1m", "\x1b[2m", "\x1b[31m", "\x1b[0m"
GAP = "  "
HEADER = ("ID", "TO-DO", "OWNER", "FEEDBACK BY", "DUE", "STATUS", "PARTNERSHIP")
TITLE, TEAM = 1, 6


def clip(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    return text[: max(0, width - 1)] + "…" if width > 0 else ""


def _fit(natural: dict[int, int], keep: list[int], width: int) -> dict[int, int]:
    """Column widths within ``width``: the title gives way first, then the partnership."""
    widths = dict(natural)
    gaps = len(keep) - 1 - (TEAM in keep)
    fixed = sum(w for i, w in natural.items() if i not in (TITLE, TEAM)) + len(GAP) * gaps
    room = max(10, width - fixed)
    if TEAM in keep and room - natural[TITLE] - len(GAP) >= natural[TEAM]:
        room -= natural[TEAM] + len(GAP)
    elif TEAM in keep and room >= 16 + 14 + len(GAP):
        widths[TEAM] = min(natural[TEAM], max(14, room - natural[TITLE] - len(GAP), room // 4))
        room -= widths[TEAM] + len(GAP)
    elif TEAM in keep:
        keep.remove(TEAM)
    widths[TITLE] = max(10, min(natural[TITLE], room))
    return widths


def render_table(rows: Sequence[TodoRow], today: date, *, width: int | None = None, color: bool = False) -> str:
    """The rows as an aligned table. ``width`` None means do not clip (output is piped)."""
    if not rows:
        return "No to-dos match.\n"
    days: dict[tuple[date | None, bool], str] = {}

    def deadline(day: date | None, late: bool) -> str:
        text = days.get((day, late))
        if text is None:
            text = days[(day, late)] = "—" if day is None else ("! " if late else "") + short_day(day)
        return text

    cells = []
    add = cells.append
    for r in rows:
        fb, due, title = r.feedback_by, r.due, r.title
        late = r.status == "open" and (d := deadline_day(fb, due, today)) is not None and d < today
        if "  " in title or "\n" in title or "\t" in title:
            title = " ".join(title.split())
        add((
            r.id[:8],
            title,
            r.owner,
            deadline(fb, late and fb is not None and fb < today),
            deadline(due, late and due is not None and due < today),
            r.status,
            r.partnership,
        ))
    if has_controls(" ".join(" ".join(c) for c in cells)):  # a hand-edited file: guard again, cell by cell
        cells = [tuple(" ".join(printable(x).split()) if i == TITLE else printable(x) for i, x in enumerate(c)) for c in cells]
    keep = [0, 1, 2, 3, 4]
    if any(not r.is_open for r in rows):
        keep.append(5)
    if len({r.partnership_id for r in rows}) > 1:
        keep.append(TEAM)
    columns = list(zip(*cells))
    natural = {i: max(len(HEADER[i]), max(map(len, columns[i]))) for i in keep}
    widths = natural if width is None else _fit(natural, keep, width)
    last = keep[-1]
    fmt = GAP.join(f"{{{i}:{widths[i]}}}" if i != last else f"{{{i}}}" for i in keep)
    clipped = [i for i in keep if widths[i] < natural[i]]

    def line(c: Sequence[str]) -> str:
        if clipped:
            c = list(c)
            for i in clipped:
                c[i] = clip(c[i], widths[i])
        text = fmt.format(*c)
        return text if width is None else text[:width]  # a very narrow terminal: cut, never wrap

    out = [(BOLD + line(HEADER) + RESET) if color else line(HEADER)]
    if not color:
        out.extend(line(c) for c in cells)
    else:
        for r, c in zip(rows, cells):
            style = DIM if not r.is_open else RED if r.is_overdue(today) else ""
            out.append(f"{style}{line(c)}{RESET}" if style else line(c))
    return "\n".join(out) + "\n"
