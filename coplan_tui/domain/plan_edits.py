"""Edits to a lesson plan as pure functions: each returns a new, validated plan.

Removing an objective or assessment also removes every link to it, so a plan never points
at something that is gone. Copying a plan gives every item a new id and keeps the links.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from .models import Assessment, Lesson, LessonPlan, Objective, PlanStatus, Segment, new_id

ListName = Literal["objectives", "assessments", "segments", "lessons"]
Item = Objective | Assessment | Segment | Lesson

LIST_OF: dict[type, ListName] = {Objective: "objectives", Assessment: "assessments", Segment: "segments", Lesson: "lessons"}


def _with(plan: LessonPlan, now: datetime | None, **update) -> LessonPlan:
    if now is not None:
        update["updated_at"] = now
    return LessonPlan.model_validate({**plan.model_dump(), **{k: _dump(v) for k, v in update.items()}})


def _dump(value):
    if isinstance(value, list):
        return [v.model_dump() if hasattr(v, "model_dump") else v for v in value]
    return value


def find_item(plan: LessonPlan, item_id: str) -> tuple[ListName, int] | None:
    for name in ("objectives", "assessments", "segments", "lessons"):
        for index, item in enumerate(getattr(plan, name)):
            if item.id == item_id:
                return name, index  # type: ignore[return-value]
    return None


def get_item(plan: LessonPlan, item_id: str) -> Item | None:
    where = find_item(plan, item_id)
    return getattr(plan, where[0])[where[1]] if where else None


def put_item(plan: LessonPlan, item: Item, now: datetime | None = None, after: str | None = None, first: bool = False) -> LessonPlan:
    """Replace the item with the same id, or add it: first, after the item ``after``, or last."""
    name = LIST_OF[type(item)]
    items = list(getattr(plan, name))
    ids = [i.id for i in items]
    if item.id in ids:
        items[ids.index(item.id)] = item
    elif first:
        items.insert(0, item)
    elif after in ids:
        items.insert(ids.index(after) + 1, item)
    else:
        items.append(item)
    return _with(plan, now, **{name: items})


def remove_item(plan: LessonPlan, item_id: str, now: datetime | None = None) -> LessonPlan:
    """Remove an item and every link that pointed at it."""
    assessments = [
        a.model_copy(update={"objective_ids": [o for o in a.objective_ids if o != item_id]})
        for a in plan.assessments
        if a.id != item_id
    ]
    segments = [
        s.model_copy(
            update={
                "objective_ids": [o for o in s.objective_ids if o != item_id],
                "assessment_ids": [a for a in s.assessment_ids if a != item_id],
                # A removed lesson's segments stay in the unit, in no lesson.
                "lesson_id": None if s.lesson_id == item_id else s.lesson_id,
            }
        )
        for s in plan.segments
        if s.id != item_id
    ]
    objectives = [o for o in plan.objectives if o.id != item_id]
    lessons = [lesson for lesson in plan.lessons if lesson.id != item_id]
    comments = [c for c in plan.comments if c.item_id != item_id]  # a remark on a gone item goes with it
    return _with(plan, now, objectives=objectives, assessments=assessments, segments=segments, comments=comments, lessons=lessons)


def copy_lesson(plan: LessonPlan, lesson_id: str, now: datetime | None = None) -> tuple[LessonPlan, Lesson]:
    """A copy of the lesson and its segments (new ids, same links) right after it, undated."""
    index = next(i for i, lesson in enumerate(plan.lessons) if lesson.id == lesson_id)
    original = plan.lessons[index]
    copy = original.model_copy(update={"id": new_id(), "title": f"{original.title} (copy)"[:500], "day": None})
    segments = list(plan.segments)
    last = max((i for i, s in enumerate(segments) if s.lesson_id == lesson_id), default=len(segments) - 1)
    copies = [s.model_copy(update={"id": new_id(), "lesson_id": copy.id}) for s in segments if s.lesson_id == lesson_id]
    segments[last + 1 : last + 1] = copies
    lessons = list(plan.lessons)
    lessons.insert(index + 1, copy)
    return _with(plan, now, lessons=lessons, segments=segments), copy


def lesson_segments(plan: LessonPlan, lesson_id: str | None) -> list[Segment]:
    return [s for s in plan.segments if s.lesson_id == lesson_id]


def move_item(plan: LessonPlan, item_id: str, delta: int, now: datetime | None = None) -> LessonPlan:
    """Move an item up (-1) or down (+1) within its list; unchanged at either end."""
    where = find_item(plan, item_id)
    if where is None:
        return plan
    name, index = where
    items = list(getattr(plan, name))
    target = index + delta
    if not 0 <= target < len(items):
        return plan
    items[index], items[target] = items[target], items[index]
    return _with(plan, now, **{name: items})


def set_links(item: Assessment | Segment, objective_ids: list[str], plan: LessonPlan) -> Assessment | Segment:
    """The item linked to exactly ``objective_ids``, kept in the plan's objective order."""
    order = [o.id for o in plan.objectives if o.id in set(objective_ids)]
    return item.model_copy(update={"objective_ids": order})


def set_segment_links(segment: Segment, ids: list[str], plan: LessonPlan) -> Segment:
    """A segment linked to the objectives it teaches and the assessments given in it, from one list."""
    chosen = set(ids)
    return segment.model_copy(
        update={
            "objective_ids": [o.id for o in plan.objectives if o.id in chosen],
            "assessment_ids": [a.id for a in plan.assessments if a.id in chosen],
        }
    )


def copy_plan(plan: LessonPlan, now: datetime, title: str | None = None) -> LessonPlan:
    """The start of the next plan: same content, new ids, links kept, a draft without dates."""
    oid = {o.id: new_id() for o in plan.objectives}
    aid = {a.id: new_id() for a in plan.assessments}
    objectives = [o.model_copy(update={"id": oid[o.id]}) for o in plan.objectives]
    assessments = [
        a.model_copy(update={"id": aid[a.id], "objective_ids": [oid[x] for x in a.objective_ids]}) for a in plan.assessments
    ]
    segments = [
        s.model_copy(
            update={
                "id": new_id(),
                "objective_ids": [oid[x] for x in s.objective_ids],
                "assessment_ids": [aid[x] for x in s.assessment_ids],
            }
        )
        for s in plan.segments
    ]
    data = plan.model_dump()
    data.update(
        id=new_id(),
        title=title or f"{plan.title} (copy)",
        status=PlanStatus.DRAFT,
        start=None,
        end=None,
        objectives=_dump(objectives),
        assessments=_dump(assessments),
        segments=_dump(segments),
        created_at=now,
        updated_at=now,
    )
    return LessonPlan.model_validate(data)


def item_summary(plan: LessonPlan, item_id: str) -> str:
    """A one-line name for an item: the start of a to-do made from it."""
    item = get_item(plan, item_id)
    if item is None:
        return plan.title
    if isinstance(item, Lesson):
        return item.title
    if isinstance(item, Segment):
        return f"{item.phase}: {item.title}" if item.phase else item.title
    return item.text


def suggested_todo_title(plan: LessonPlan, item_id: str | None) -> str:
    """``Draft: exit ticket ...`` for an assessment, ``Prepare: ...`` for a segment."""
    item = get_item(plan, item_id) if item_id else None
    if isinstance(item, Assessment):
        verb = "Draft"
    elif isinstance(item, Segment):
        verb = "Prepare"
    elif isinstance(item, Objective):
        verb = "Unpack"
    elif isinstance(item, Lesson):
        verb = "Prepare the lesson"
    else:
        return f"Finish the plan: {plan.title}"[:500]
    return f"{verb}: {item_summary(plan, item.id)}"[:500]
