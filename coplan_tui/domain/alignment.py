"""The live alignment check: is every objective assessed and taught, is every task purposeful?

Backward design (DOMAIN.md) starts from the objectives, then the assessment, then the tasks.
These rules name every gap between the three, plus coteaching gaps (no approach, a member
with no role) and a lesson whose minutes do not add up. Pure: the UI recomputes on each edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from .catalogue import Level
from .wording import counted
from .models import BOTH, LessonPlan, Partnership, PlanStatus

Section = Literal["plan", "objective", "assessment", "segment", "lesson"]


class Gap(StrEnum):
    NO_OBJECTIVES = "no_objectives"
    UNASSESSED = "unassessed"
    UNTAUGHT = "untaught"
    UNLINKED_TASK = "unlinked_task"
    NO_APPROACH = "no_approach"
    ROLE_MISSING = "role_missing"
    MINUTES_OVER = "minutes_over"
    MINUTES_UNDER = "minutes_under"
    NOT_CO_ASSESSED = "not_co_assessed"
    NO_OUTCOMES = "no_outcomes"
    EMPTY_LESSON = "empty_lesson"


@dataclass(frozen=True)
class AlignmentWarning:
    gap: Gap
    message: str
    section: Section
    item_id: str | None = None
    """The objective, assessment or segment to jump to; None for the plan itself."""


def objective_labels(plan: LessonPlan) -> dict[str, str]:
    """O1, O2 ... by position: short names for links in narrow panes and exports."""
    return {o.id: f"O{n}" for n, o in enumerate(plan.objectives, 1)}


def assessment_labels(plan: LessonPlan) -> dict[str, str]:
    return {a.id: f"A{n}" for n, a in enumerate(plan.assessments, 1)}


def segment_labels(plan: LessonPlan) -> dict[str, str]:
    return {s.id: f"S{n}" for n, s in enumerate(plan.segments, 1)}


def lesson_labels(plan: LessonPlan) -> dict[str, str]:
    return {lesson.id: f"L{n}" for n, lesson in enumerate(plan.lessons, 1)}


def total_minutes(plan: LessonPlan) -> int:
    return sum(s.minutes for s in plan.segments)


def lesson_minutes(plan: LessonPlan, lesson_id: str | None) -> int:
    """Minutes of one lesson's segments (None: the segments in no lesson)."""
    return sum(s.minutes for s in plan.segments if s.lesson_id == lesson_id)


def own_length(plan: LessonPlan) -> int | None:
    """The length the plan's segments are held against: a single lesson's. A unit's lessons
    each have their own, and a unit with no lessons yet has none to hold them against (the
    new-plan form fills in 50 whatever the kind)."""
    return plan.length_minutes if plan.kind == "lesson" and not plan.lessons else None


@dataclass(frozen=True)
class UnitMinutes:
    """How a unit's minutes add up: each lesson's segments against that lesson's length, so
    the unit's lesson minutes are held against the lengths added up, never one lesson's.
    Segments across the whole unit belong to no lesson and are counted apart."""

    lessons: int
    taken: int
    """Minutes of the segments in the lessons."""
    planned: int | None
    """The lessons' lengths added up; None when a lesson has no length set."""
    over: int
    """Lessons whose segments run past their length."""
    across: int
    """Minutes of the segments that belong to no lesson (across the whole unit)."""

    def facts(self) -> list[str]:
        """The phrases every view of a unit shows, in order: ``2 lessons``, ``80/95 min``,
        ``1 lesson over length``, ``20 min for the whole unit``."""
        out = [counted(self.lessons, "lesson"), f"{self.taken}/{self.planned} min" if self.planned else f"{self.taken} min"]
        if self.over:
            out.append(f"{counted(self.over, 'lesson')} over length")
        if self.across:
            out.append(f"{self.across} min for the whole unit")
        return out


def unit_minutes(plan: LessonPlan) -> UnitMinutes:
    """The minutes of a plan with lessons, lesson by lesson; see UnitMinutes."""
    lengths = [lesson.length_minutes for lesson in plan.lessons]
    over = sum(1 for lesson in plan.lessons if lesson.length_minutes and lesson_minutes(plan, lesson.id) > lesson.length_minutes)
    planned = None if None in lengths else sum(lengths)  # type: ignore[arg-type]
    across = lesson_minutes(plan, None)
    return UnitMinutes(len(plan.lessons), total_minutes(plan) - across, planned, over, across)


def minutes_fact(plan: LessonPlan) -> str:
    """The plan's minutes in one true phrase: ``45/50 min`` for a lesson; for a unit of lessons
    ``3 lessons · 95/135 min · 1 lesson over length`` (a lesson's length is not the unit's)."""
    if not plan.lessons:
        minutes, length = total_minutes(plan), own_length(plan)
        return f"{minutes}/{length} min" if length else f"{minutes} min"
    return " · ".join(unit_minutes(plan).facts())


def check(plan: LessonPlan, partnership: Partnership | None = None) -> list[AlignmentWarning]:
    """Every alignment warning for ``plan``, in the order of the plan's sections."""
    warnings: list[AlignmentWarning] = []
    o_names = objective_labels(plan)
    s_names = segment_labels(plan)
    if not plan.objectives:
        warnings.append(
            AlignmentWarning(Gap.NO_OBJECTIVES, "No objectives yet: what will students know and be able to do?", "plan")
        )
    measured = {oid for a in plan.assessments for oid in a.objective_ids}
    taught = {oid for s in plan.segments for oid in s.objective_ids}
    for o in plan.objectives:
        if o.id not in measured:
            warnings.append(AlignmentWarning(Gap.UNASSESSED, f"{o_names[o.id]} is measured by no assessment", "objective", o.id))
        if o.id not in taught:
            warnings.append(AlignmentWarning(Gap.UNTAUGHT, f"{o_names[o.id]} is taught by no task", "objective", o.id))
    # At cooperation the librarian provides resources and takes no part in teaching
    # (seed 002): no approach to choose, no role to give.
    teaching_together = partnership is None or partnership.level != Level.COOPERATION
    members = partnership.members if partnership and teaching_together else []
    for s in plan.segments:
        name = f"{s_names[s.id]} {s.title}"
        if not s.objective_ids:
            warnings.append(AlignmentWarning(Gap.UNLINKED_TASK, f"{name}: linked to no objective", "segment", s.id))
        if s.approach is None and teaching_together:
            warnings.append(AlignmentWarning(Gap.NO_APPROACH, f"{name}: no coteaching approach", "segment", s.id))
        missing = [m for m in members if not s.roles.get(m.id, "").strip()]
        if missing:
            who = " and ".join(partnership.owner_label(m.id) for m in missing)  # type: ignore[union-attr]
            warnings.append(AlignmentWarning(Gap.ROLE_MISSING, f"{name}: no role for {who}", "segment", s.id))
    # Alignment above runs across the whole unit; minutes add up per lesson.
    l_names = lesson_labels(plan)
    for lesson in plan.lessons:
        name = f"{l_names[lesson.id]} {lesson.title}"
        took = lesson_minutes(plan, lesson.id)
        if not any(s.lesson_id == lesson.id for s in plan.segments):
            warnings.append(AlignmentWarning(Gap.EMPTY_LESSON, f"{name}: no learning tasks yet", "lesson", lesson.id))
        elif lesson.length_minutes and took > lesson.length_minutes:
            warnings.append(AlignmentWarning(Gap.MINUTES_OVER, f"{name}: segments take {took} min, {took - lesson.length_minutes} over its {lesson.length_minutes} min", "lesson", lesson.id))
        elif lesson.length_minutes and took < lesson.length_minutes:
            warnings.append(AlignmentWarning(Gap.MINUTES_UNDER, f"{name}: segments fill {took} of {lesson.length_minutes} min", "lesson", lesson.id))
    length = own_length(plan)
    if length:
        total = total_minutes(plan)
        if total > length:
            warnings.append(
                AlignmentWarning(
                    Gap.MINUTES_OVER, f"Segments take {total} min, {total - length} over the {length}-min lesson", "plan"
                )
            )
        elif total < length:
            warnings.append(
                AlignmentWarning(
                    Gap.MINUTES_UNDER, f"Segments fill {total} of {length} min: {length - total} unplanned", "plan"
                )
            )
    if partnership is not None and partnership.level == Level.COLLABORATION:
        # Collaboration co-assesses (seed 002): both grade, and both look back on the outcomes.
        if plan.assessments and not any(a.graded_by == BOTH for a in plan.assessments):
            warnings.append(AlignmentWarning(Gap.NOT_CO_ASSESSED, "No assessment is graded by both of you", "plan"))
        if plan.status == PlanStatus.TAUGHT and not plan.outcomes.strip():
            warnings.append(AlignmentWarning(Gap.NO_OUTCOMES, "Taught: add a note on the outcomes and your analysis (i)", "plan"))
    return warnings


def all_clear_text(plan: LessonPlan) -> str:
    """The plain statement a plan with no warnings shows."""
    if plan.lessons:
        minutes = ", " + ", ".join(unit_minutes(plan).facts())
    else:
        length = own_length(plan)
        minutes = f", {total_minutes(plan)} of {length} min planned" if length else ""
    return f"Aligned: every objective is assessed and taught, every task has a purpose, an approach and roles{minutes}."
