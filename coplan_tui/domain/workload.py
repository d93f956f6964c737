"""Who owes what: open, overdue and due-this-week to-do counts for each member."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .models import BOTH, Partnership, Todo
from .todo_rows import due_this_week


@dataclass(frozen=True)
class Load:
    open: int = 0
    overdue: int = 0
    this_week: int = 0
    """Open and due_this_week (todo_rows), as everywhere else."""


def _load(todos: list[Todo], today: date) -> Load:
    overdue = [t for t in todos if t.is_overdue(today)]
    week = [t for t in todos if due_this_week((t.next_deadline(today) or ("", None))[1], today)]
    return Load(open=len(todos), overdue=len(overdue), this_week=len(week))


def workload(partnership: Partnership, todos: Iterable[Todo], today: date) -> dict[str, Load]:
    """Member id (and BOTH, for shared to-dos) -> its load; members in partnership order."""
    mine = [t for t in todos if t.partnership_id == partnership.id and t.is_open]
    result = {m.id: _load([t for t in mine if t.owner == m.id], today) for m in partnership.members}
    result[BOTH] = _load([t for t in mine if t.owner == BOTH or partnership.member(t.owner) is None], today)
    return result


def total(loads: dict[str, Load]) -> Load:
    return Load(
        open=sum(x.open for x in loads.values()),
        overdue=sum(x.overdue for x in loads.values()),
        this_week=sum(x.this_week for x in loads.values()),
    )
