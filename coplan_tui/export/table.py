"""`coplan todos --format table`: columns that fit the terminal, plain when piped.

Hand-written ANSI instead of rich, because importing rich would eat a good part of the
listing's time budget.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..domain.todo_rows import TodoRow, short_day

BOLD, DIM, RED, RESET = "\x1b[1m", "\x1b[2m", "\x1b[31m", "\x1b[0m"
GAP = "  "


def clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    return text[: max(0, width - 1)] + "…" if width > 0 else ""


def _deadline(day: date | None, row: TodoRow, today: date) -> str:
    if day is None:
        return "—"
    late = row.is_open and day < today and row.is_overdue(today)
    return ("! " if late else "") + short_day(day)


def render_table(rows: Sequence[TodoRow], today: date, *, width: int | None = None, color: bool = False) -> str:
    """The rows as an aligned table. ``width`` None means do not clip (output is piped)."""
    if not rows:
        return "No to-dos match.\n"
    show_status = any(not r.is_open for r in rows)
    show_team = len({r.partnership_id for r in rows}) > 1
    cells = [
        [
            r.id[:8],
            r.title,
            r.owner,
            _deadline(r.feedback_by, r, today),
            _deadline(r.due, r, today),
            r.status,
            r.partnership,
        ]
        for r in rows
    ]
    header = ["ID", "TO-DO", "OWNER", "FEEDBACK BY", "DUE", "STATUS", "PARTNERSHIP"]
    keep = [0, 1, 2, 3, 4] + ([5] if show_status else []) + ([6] if show_team else [])
    natural = {i: max(len(header[i]), *(len(c[i]) for c in cells)) for i in keep}
    widths = dict(natural)
    if width is not None:
        gaps = len(keep) - 1 - (6 in keep)
        fixed = sum(w for i, w in natural.items() if i not in (1, 6)) + len(GAP) * gaps
        room = max(10, width - fixed)
        if 6 in keep and room - natural[1] - len(GAP) >= natural[6]:
            room -= natural[6] + len(GAP)
        elif 6 in keep and room >= 16 + 14 + len(GAP):
            widths[6] = min(natural[6], max(14, room - natural[1] - len(GAP), room // 4))
            room -= widths[6] + len(GAP)
        elif 6 in keep:
            keep.remove(6)
        widths[1] = max(10, min(natural[1], room))
    lines = [_line(header, keep, widths, BOLD if color else "")]
    for row, c in zip(rows, cells):
        style = ""
        if color and not row.is_open:
            style = DIM
        elif color and row.is_overdue(today):
            style = RED
        lines.append(_line(c, keep, widths, style))
    return "\n".join(lines) + "\n"


def _line(cells: list[str], keep: list[int], widths: dict[int, int], style: str) -> str:
    text = GAP.join(clip(cells[i], widths[i]).ljust(widths[i]) for i in keep).rstrip()
    return f"{style}{text}{RESET}" if style else text
