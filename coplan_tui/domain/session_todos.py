"""Which to-dos a live session shows, and what the wrap-up warns about.

To-dos made in the session show with the open ones carried forward from the partnership's
earlier sessions, as meeting tools do. The wrap-up groups this session's to-dos by owner.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from .models import BOTH, Partnership, Session, Todo, TodoStatus


PANE_LIMIT = 100
"""Carried-forward to-dos the pane shows at most, the soonest first; its title counts the rest
("To-dos (100 of 2505 open)"). A pair with 2,500 open ones (a career's file) made the session
take 0.4 s to open and 60 ms a tick, laying out every line; the to-dos screen lists them all."""


def pane_todos(todos: Iterable[Todo], session: Session, today: date, keep: frozenset[str] = frozenset()) -> tuple[list[Todo], int]:
    """This session's to-dos (open and done) plus the partnership's other open ones, by deadline,
    and how many of those are left out (past ``PANE_LIMIT``).

    Done ones keep their place, struck through: ticking one must not move it from under the
    cursor, so a second ``x`` undoes a slip and ticking down a list goes row by row. For the
    same reason a carried-forward to-do ticked during the session (its id in ``keep``) stays.
    """
    shown = sorted(
        (
            t
            for t in todos
            if t.partnership_id == session.partnership_id and (t.session_id == session.id or t.is_open or t.id in keep)
        ),
        key=lambda t: t.sort_key(today),
    )
    kept = [t for n, t in enumerate(shown) if n < PANE_LIMIT or t.session_id == session.id or t.id in keep]
    return kept, len(shown) - len(kept)


def is_carried_forward(todo: Todo, session: Session) -> bool:
    return todo.session_id != session.id


def toggled(todo: Todo, now: datetime) -> Todo:
    done = todo.is_open
    return todo.model_copy(
        update={
            "status": TodoStatus.DONE if done else TodoStatus.OPEN,
            "done_at": now if done else None,
            "updated_at": now,
        }
    )


@dataclass(frozen=True)
class OwnerGroup:
    owner: str
    label: str
    todos: list[Todo]


@dataclass(frozen=True)
class WrapUp:
    groups: list[OwnerGroup]
    warnings: list[str]

    @property
    def count(self) -> int:
        return sum(len(g.todos) for g in self.groups)


def wrap_up(todos: Iterable[Todo], session: Session, partnership: Partnership, today: date) -> WrapUp:
    """This session's to-dos grouped by owner (members in order, then both), with warnings."""
    mine = sorted((t for t in todos if t.session_id == session.id), key=lambda t: t.sort_key(today))
    order = [m.id for m in partnership.members] + [BOTH]
    groups = []
    for owner in order:
        items = [t for t in mine if t.owner == owner]
        if items:
            member = partnership.member(owner)
            label = f"{member.name} ({partnership.owner_label(owner)})" if member else "Both"
            groups.append(OwnerGroup(owner, label, items))
    warnings = []
    for t in mine:
        if not t.is_open:
            continue
        if t.owner == BOTH:
            warnings.append(f"{t.title!r} is shared by both: say who owns it")
        if t.due is None and t.feedback_by is None:
            warnings.append(f"{t.title!r} has no deadline")
    if not mine:
        warnings.append("No to-dos yet: what does each of you need to do when you leave?")
    return WrapUp(groups, warnings)
