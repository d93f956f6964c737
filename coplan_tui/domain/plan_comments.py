"""Sharing drafts: comments on a plan or its items, and a draft sent to the partner for feedback.

Seed 000: "share drafts of plans for feedback". A comment names its author and time and is
resolved once acted on; a draft for feedback becomes the partner's to-do, linked to the item.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import ValidationError

from .errors import DomainError, describe
from .models import Comment, LessonPlan, Partnership, Todo
from .plan_edits import item_summary
from .todo_changes import new_todo


def _validated(plan: LessonPlan, comments: list[Comment]) -> LessonPlan:
    try:
        return LessonPlan.model_validate({**plan.model_dump(), "comments": [c.model_dump() for c in comments]})
    except ValidationError as e:
        raise DomainError(describe(e)) from None


def add_comment(plan: LessonPlan, partnership: Partnership, item_id: str | None, author: str, text: str, now: datetime) -> LessonPlan:
    if partnership.member(author) is None:
        raise DomainError("A comment's author is one of the partners.")
    try:
        comment = Comment(item_id=item_id, author=author, text=text, at=now)
    except ValidationError:
        raise DomainError("Write the comment first.") from None
    return _validated(plan, [*plan.comments, comment])


def set_resolved(plan: LessonPlan, resolved_ids: set[str], among: set[str]) -> LessonPlan:
    """Comments in ``among`` are resolved exactly when they are in ``resolved_ids``."""
    comments = [c.model_copy(update={"resolved": c.id in resolved_ids}) if c.id in among else c for c in plan.comments]
    return _validated(plan, comments)


def comments_on(plan: LessonPlan, item_id: str | None) -> list[Comment]:
    """The item's comments (the plan's own for None), open ones first, oldest first."""
    found = [c for c in plan.comments if c.item_id == item_id]
    return sorted(found, key=lambda c: (c.resolved, c.at))


def comment_line(comment: Comment, partnership: Partnership) -> str:
    """``[open] Jordan (TC), Mon 23 Nov 15:30: text``."""
    member = partnership.member(comment.author)
    who = f"{member.name} ({partnership.owner_label(member.id)})" if member else "?"
    state = "resolved" if comment.resolved else "open"
    return f"[{state}] {who}, {comment.at:%a %d %b %H:%M}: {' '.join(comment.text.split())}"


def for_feedback(plan: LessonPlan, partnership: Partnership, item_id: str | None, partner: str, by: date | None, now: datetime) -> Todo:
    """The partner's to-do to give feedback on the plan or one item by ``by``, linked to it."""
    if partnership.member(partner) is None:
        raise DomainError("Feedback goes to one of the partners.")
    if by is None:
        raise DomainError("Say by when the feedback is needed, for example friday or +3d.")
    what = item_summary(plan, item_id) if item_id else plan.title
    title = f"Feedback on the draft: {what}"[:500]
    where = f"In the plan {plan.title!r}" + (f", the item {what!r}" if item_id else "")
    todo = new_todo(partnership, title, now, owner=partner, feedback_by=by, notes=where + ".", plan_id=plan.id)
    return todo.model_copy(update={"item_id": item_id})
