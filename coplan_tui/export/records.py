"""To-dos as JSON, CSV and Markdown: the shapes `coplan import` reads back (JSON, CSV).

Each format's text passes through ``printable`` on the way out, whatever the file holds.
A CSV cell that a spreadsheet would run as a formula gets a leading apostrophe (the OWASP
rule), and `coplan import` takes it off again (``formula_cell`` / ``plain_cell``), so a round
trip loses nothing.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from datetime import date

from ..domain.safe_text import printable
from ..domain.todo_rows import BOTH, FIELDS, TodoRow, short_day

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md_escape(text: str) -> str:
    """User text inside Markdown: shown as typed, never as formatting."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(printable(str(text)).split()))


def md_block(text: str) -> str:
    """Multi-line user text: each line escaped, line breaks kept."""
    return "\n".join(md_escape(line) if line.strip() else "" for line in printable(str(text)).splitlines())


def to_json(rows: Sequence[TodoRow]) -> str:
    records = [{k: printable(v) if isinstance(v, str) else v for k, v in r.as_record().items()} for r in rows]
    return printable(json.dumps(records, indent=2, ensure_ascii=False)) + "\n"


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP, CSV injection)."""


def formula_cell(value: str) -> str:
    """``value`` safe in a spreadsheet: an apostrophe before a formula's first character.

    A value that already starts with apostrophes before such a character gets one more, so
    ``plain_cell`` can always take exactly one off: the pair is lossless.
    """
    if value.lstrip("'").startswith(FORMULA_START):
        return "'" + value
    return value


def plain_cell(value: str) -> str:
    """The value ``formula_cell`` was given."""
    if value.startswith("'") and value.lstrip("'").startswith(FORMULA_START):
        return value[1:]
    return value


def to_csv(rows: Sequence[TodoRow]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for r in rows:
        writer.writerow({k: ("" if v is None else formula_cell(printable(str(v)))) for k, v in r.as_record().items()})
    return out.getvalue()


def todo_line(row: TodoRow, today: date) -> str:
    """``- [ ] Title (feedback by Tue 24 Nov, due Fri 27 Nov, overdue) `1a2b3c4d` ``"""
    box = "[ ]" if row.is_open else "[x]"
    when = []
    if row.feedback_by:
        when.append(f"feedback by {short_day(row.feedback_by)}")
    if row.due:
        when.append(f"due {short_day(row.due)}")
    if row.is_overdue(today):
        when.append("**overdue**")
    tail = f" ({', '.join(when)})" if when else ""
    return f"- {box} {md_escape(row.title)}{tail} `{row.id[:8]}`"


def owner_heading(row: TodoRow) -> str:
    if row.owner_id == BOTH:
        return "Both of us"
    return f"{row.owner_name} ({row.owner})" if row.owner_name else row.owner


def to_markdown(rows: Sequence[TodoRow], today: date, title: str = "To-dos") -> str:
    """Grouped by partnership, then by owner; each group in the order given."""
    lines = [f"# {md_escape(title)}", "", f"As of {today.strftime('%A %d %B %Y')}. {len(rows)} to-do{'s' if len(rows) != 1 else ''}."]
    if not rows:
        lines += ["", "Nothing to do."]
    teams: dict[str, list[TodoRow]] = {}
    for r in rows:
        teams.setdefault(r.partnership_id, []).append(r)
    for team_rows in teams.values():
        lines += ["", f"## {md_escape(team_rows[0].partnership)}"]
        lines += by_owner(team_rows, today)
    return "\n".join(lines) + "\n"


def by_owner(rows: Sequence[TodoRow], today: date) -> list[str]:
    """A ``###`` section per owner (in order of first appearance), notes as sub-items."""
    owners: dict[str, list[TodoRow]] = {}
    for r in rows:
        owners.setdefault(r.owner_id, []).append(r)
    lines: list[str] = []
    for owner_rows in owners.values():
        lines += ["", f"### {md_escape(owner_heading(owner_rows[0]))}", ""]
        for r in owner_rows:
            lines.append(todo_line(r, today))
            if r.notes.strip():
                lines.append(f"  - {md_escape(r.notes)}")
    return lines


def render_records(rows: Sequence[TodoRow], fmt: str, today: date) -> str:
    """json, csv or md."""
    if fmt == "json":
        return to_json(rows)
    if fmt == "csv":
        return to_csv(rows)
    if fmt == "md":
        return to_markdown(rows, today)
    raise ValueError(f"unknown format {fmt!r}")
