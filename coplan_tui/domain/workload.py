"""Who owes what: open, overdue and due-this-week to-do counts for each member."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from .models import BOTH, Partnership, Todo


@dataclass(frozen=True)
class Load:
    open: int = 0
    overdue: int = 0
    this_week: int = 0
    """Open, not overdue, with its next deadline on or before this Sunday."""


def end_of_week(today: date) -> date:
    return today + timedelta(days=6 - today.weekday())


def _load(todos: list[Todo], today: date) -> Load:
    sunday = end_of_week(today)
    overdue = [t for t in todos if t.is_overdue(today)]
    week = [
        t
        for t in todos
        if not t.is_overdue(today) and (nxt := t.next_deadline(today)) is not None and nxt[1] <= sunday
    ]
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
