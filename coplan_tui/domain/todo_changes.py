"""The ways a to-do changes (add, done, reopen, reassign, edit), shared by CLI and UI.

Each returns a new validated Todo; the caller saves it. Time is passed in.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import ValidationError

from .errors import DomainError, describe
from .models import BOTH, Partnership, Todo, TodoStatus


def check_deadline_order(feedback_by: date | None, due: date | None) -> None:
    """Feedback on a draft comes before it must be ready."""
    if feedback_by and due and feedback_by > due:
        raise DomainError(
            f"the feedback deadline ({feedback_by.isoformat()}) is after the due date ({due.isoformat()}); "
            "feedback must come before the work is due"
        )


def new_todo(
    partnership: Partnership,
    title: str,
    now: datetime,
    *,
    owner: str = BOTH,
    feedback_by: date | None = None,
    due: date | None = None,
    notes: str = "",
    session_id: str | None = None,
    plan_id: str | None = None,
) -> Todo:
    check_deadline_order(feedback_by, due)
    try:
        partnership.check_owner(owner)
        return Todo(
            title=title,
            partnership_id=partnership.id,
            owner=owner,
            feedback_by=feedback_by,
            due=due,
            notes=notes,
            session_id=session_id,
            plan_id=plan_id,
            created_at=now,
            updated_at=now,
        )
    except ValidationError as e:
        raise DomainError(describe(e)) from None
    except ValueError as e:
        raise DomainError(str(e)) from None


def edited(todo: Todo, now: datetime, **changes: object) -> Todo:
    """``todo`` with ``changes`` applied and validated; raises DomainError with the reason."""
    if "feedback_by" in changes or "due" in changes:
        check_deadline_order(changes.get("feedback_by", todo.feedback_by), changes.get("due", todo.due))  # type: ignore[arg-type]
    if "status" in changes:
        done = changes["status"] == TodoStatus.DONE
        changes["done_at"] = (todo.done_at or now) if done else None
    data = todo.model_dump() | changes | {"updated_at": now}
    try:
        return Todo.model_validate(data)
    except ValidationError as e:
        raise DomainError(describe(e)) from None


def mark_done(todo: Todo, now: datetime) -> Todo:
    return edited(todo, now, status=TodoStatus.DONE)


def reopen(todo: Todo, now: datetime) -> Todo:
    return edited(todo, now, status=TodoStatus.OPEN)


def toggle_done(todo: Todo, now: datetime) -> Todo:
    return reopen(todo, now) if todo.status == TodoStatus.DONE else mark_done(todo, now)


def reassign(todo: Todo, partnership: Partnership, owner: str, now: datetime) -> Todo:
    try:
        partnership.check_owner(owner)
    except ValueError as e:
        raise DomainError(str(e)) from None
    return edited(todo, now, owner=owner)
