"""Corrections to a session record: who led it, the "TC included" mark, deleting it.

The release advice counts these records, so a pair must be able to put a wrong one right.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from .errors import DomainError
from .models import Partnership, Session, Todo
from .release import is_trivial


def with_leader(session: Session, partnership: Partnership, member_id: str) -> Session:
    """The session led by ``member_id`` instead; only a member of the pair can lead."""
    if partnership.member(member_id) is None:
        raise DomainError("Only a member of the partnership can lead its session.")
    return session.model_copy(update={"leader_id": member_id})


def with_tc_included(session: Session, included: bool) -> Session:
    return session.model_copy(update={"tc_included": included})


@dataclass(frozen=True)
class Deletion:
    """What deleting a session does: the session goes; what it made stays.

    Its to-dos are commitments the pair still owes, so they stay on the list, no longer
    linked to the deleted session. A lesson plan it worked on belongs to the partnership and
    is untouched.
    """

    session_id: str
    unlinked: list[Todo]

    def describe(self) -> str:
        n = len(self.unlinked)
        kept = f" Its {n} to-do{'s' if n != 1 else ''} stay on the list." if n else ""
        return f"It no longer counts for the release of responsibility.{kept} Backups from before this run of coplan keep a copy (coplan restore)."


def deletion(session: Session, todos: Iterable[Todo], now: datetime) -> Deletion:
    unlinked = [
        t.model_copy(update={"session_id": None, "updated_at": now}) for t in todos if t.session_id == session.id
    ]
    return Deletion(session.id, unlinked)


def discard_when_left(session: Session, todos: Iterable[Todo], now: datetime) -> bool:
    """Leaving a session started by accident (under two minutes, no notes, no to-dos) throws it away."""
    return is_trivial(session, now, made_todos=any(t.session_id == session.id for t in todos))
