"""What the to-do review screen shows: its filters, search and sort, as pure functions.

The screen keeps one ReviewFilters and asks ``view_indices`` for the rows to show; the
rows themselves are never rebuilt by a filter change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from .todo_rows import BOTH, TodoRow, deadline_day, due_matches, status_matches

OWNER_MODES = ("all", "mine", "partner")
STATUS_MODES = ("open", "done", "all")
DUE_MODES = ("any", "overdue", "week", "none")
SORTABLE = ("deadline", "title", "owner", "feedback_by", "due", "status", "session", "partnership")


def cycle(options: Sequence[str], current: str, step: int = 1) -> str:
    return options[(options.index(current) + step) % len(options)]


@dataclass(frozen=True)
class ReviewFilters:
    owner: str = "all"
    status: str = "open"
    due: str = "any"
    partnership_id: str | None = None
    query: str = ""
    sort: str = "deadline"
    reverse: bool = False

    def with_(self, **changes: object) -> ReviewFilters:
        return replace(self, **changes)  # type: ignore[arg-type]

    def describe(self, me: str | None, partnership: str | None) -> str:
        owner = {"all": "everyone's", "mine": f"mine ({me})", "partner": f"my partner's (not {me})"}[self.owner]
        due = {"any": "any deadline", "overdue": "overdue", "week": "due this week", "none": "no deadline"}[self.due]
        where = partnership or "all partnerships"
        search = f", matching {self.query!r}" if self.query else ""
        return f"{self.status} · {owner} · {due} · {where}{search}"


def is_me(row: TodoRow, me: str) -> bool:
    return row.owner_name.lower() == me.lower()


def in_team(row: TodoRow, me: str) -> bool:
    return row.team is not None and any(m.name.lower() == me.lower() for m in row.team.members)


def owner_mode_matches(row: TodoRow, mode: str, me: str | None) -> bool:
    """mine: mine, or shared in a partnership I am in; partner's: my partners' own ones."""
    if mode == "all" or not me:
        return True
    if mode == "mine":
        return is_me(row, me) or (row.owner_id == BOTH and in_team(row, me))
    return in_team(row, me) and row.owner_id != BOTH and not is_me(row, me)


def sort_key(column: str, today: date):
    if column == "deadline":
        def key(r: TodoRow) -> tuple:
            day = deadline_day(r.feedback_by, r.due, today)
            return (day is None, day or date.max, r.title.lower())
        return key
    if column in ("feedback_by", "due"):
        return lambda r: (getattr(r, column) is None, getattr(r, column) or date.max, r.title.lower())
    return lambda r: (str(getattr(r, column)).lower(), r.title.lower())


def view_indices(rows: Sequence[TodoRow], f: ReviewFilters, today: date, me: str | None) -> list[int]:
    """Indices of the rows the filters let through, in the chosen order."""
    words = f.query.lower().split()
    keep = []
    for i, r in enumerate(rows):
        if f.partnership_id and r.partnership_id != f.partnership_id:
            continue
        if not status_matches(r, f.status):
            continue
        if f.due != "any" and not due_matches(r, f.due, today):
            continue
        if f.owner != "all" and not owner_mode_matches(r, f.owner, me):
            continue
        if words:
            text = r.search_text()
            if not all(w in text for w in words):
                continue
        keep.append(i)
    key = sort_key(f.sort, today)
    keep.sort(key=lambda i: key(rows[i]), reverse=f.reverse)
    return keep
