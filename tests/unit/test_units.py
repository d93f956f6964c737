"""Units of lessons: lessons with days, segments and lengths; alignment across the unit, minutes
per lesson; copying a lesson; the Markdown export shows the unit with its lessons."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from coplan_tui.domain.alignment import Gap, check, lesson_minutes
from coplan_tui.domain.catalogue import Role
from coplan_tui.domain.models import Assessment, Lesson, LessonPlan, Member, Objective, Partnership, Segment
from coplan_tui.domain.plan_edits import copy_lesson, lesson_segments, remove_item
from coplan_tui.export.plan_markdown import plan_to_markdown

P = Partnership(members=[Member(name="Ana", role=Role.LIBRARIAN), Member(name="Ben", role=Role.CLASSROOM_TEACHER)])


def unit() -> LessonPlan:
    o1, o2 = Objective(text="Find sources"), Objective(text="Judge a source [/]")
    a = Assessment(text="Annotated bibliography", objective_ids=[o1.id, o2.id])
    d1 = Lesson(title="Day 1: searching", day=date(2026, 12, 7), length_minutes=50)
    d2 = Lesson(title="Day 2: judging 🌍", day=date(2026, 12, 8), length_minutes=45)
    roles = {m.id: "leads" for m in P.members}
    segs = [
        Segment(title="Database demo", minutes=20, objective_ids=[o1.id], lesson_id=d1.id, roles=roles, approach="team"),
        Segment(title="Search in pairs", minutes=30, objective_ids=[o1.id], lesson_id=d1.id, roles=roles, approach="station"),
        Segment(title="CRAAP test", minutes=30, objective_ids=[o2.id], lesson_id=d2.id, roles=roles, approach="parallel"),
    ]
    return LessonPlan(partnership_id=P.id, title="Research unit", kind="unit", objectives=[o1, o2], assessments=[a], segments=segs, lessons=[d1, d2])


def test_alignment_runs_across_the_unit_and_minutes_per_lesson():
    plan = unit()
    warnings = check(plan, P)
    assert [(w.gap, w.item_id) for w in warnings] == [(Gap.MINUTES_UNDER, plan.lessons[1].id)]
    assert warnings[0].message == "L2 Day 2: judging 🌍: segments fill 30 of 45 min"
    day1_only = plan.model_copy(update={"segments": plan.segments[:2]})
    gaps = {(w.gap, w.item_id) for w in check(day1_only, P)}
    assert (Gap.UNTAUGHT, plan.objectives[1].id) in gaps and (Gap.EMPTY_LESSON, plan.lessons[1].id) in gaps
    over = plan.model_copy(update={"lessons": [plan.lessons[0].model_copy(update={"length_minutes": 40}), plan.lessons[1]]})
    assert any(w.gap == Gap.MINUTES_OVER and "10 over its 40 min" in w.message for w in check(over, P))


def test_copy_a_lesson_with_its_segments():
    plan = unit()
    copied, lesson = copy_lesson(plan, plan.lessons[0].id)
    assert [x.title for x in copied.lessons] == ["Day 1: searching", "Day 1: searching (copy)", "Day 2: judging 🌍"]
    assert lesson.day is None and lesson.length_minutes == 50
    mine = lesson_segments(copied, lesson.id)
    assert [s.title for s in mine] == ["Database demo", "Search in pairs"]
    assert {s.id for s in mine}.isdisjoint({s.id for s in plan.segments})
    assert [s.objective_ids for s in mine] == [s.objective_ids for s in plan.segments[:2]]
    assert [s.title for s in copied.segments][:4] == ["Database demo", "Search in pairs", "Database demo", "Search in pairs"]


def test_lessons_belong_to_units_and_removing_one_keeps_its_segments():
    plan = unit()
    with pytest.raises(ValidationError, match="only a unit has lessons"):
        LessonPlan.model_validate({**plan.model_dump(), "kind": "lesson"})
    with pytest.raises(ValidationError, match="lesson that does not exist"):
        LessonPlan.model_validate({**plan.model_dump(), "lessons": plan.model_dump()["lessons"][:1]})
    gone = remove_item(plan, plan.lessons[1].id)
    assert len(gone.lessons) == 1 and len(gone.segments) == 3 and gone.segments[2].lesson_id is None


def test_markdown_shows_the_unit_with_its_lessons():
    md = plan_to_markdown(unit(), P)
    assert "## Lessons" in md and "## Lesson segments" not in md
    one = md.index("### L1 Day 1: searching")
    two = md.index("### L2 Day 2: judging 🌍")
    assert one < md.index("Database demo") < md.index("Search in pairs") < two < md.index("CRAAP test")
    assert "Mon 07 Dec 2026 · 50 min (segments: 50 min)" in md and "45 min (segments: 30 min)" in md
    assert r"Judge a source \[/\]" in md  # escaped as Markdown, so it stays text


def test_a_units_minutes_are_held_against_its_lessons_lengths_not_one_lessons():
    """A unit made with the new-plan form keeps a plan length (50 by default), one lesson's worth:
    its header said "80/45 min", a 35-minute overrun that is not there. Each lesson has its own
    length, so the unit reads its lessons, the minutes against their lengths added up, and how
    many lessons run over; the editor header, the all-clear line and the Markdown agree."""
    from coplan_tui.domain.alignment import all_clear_text
    from coplan_tui.ui.widgets.plan_rows import header_line

    plan = unit().model_copy(update={"length_minutes": 45})
    header = header_line(plan).plain
    assert "80/45" not in header and header.endswith("unit · draft · 2 lessons · 80/95 min")
    over = plan.model_copy(update={"lessons": [plan.lessons[0].model_copy(update={"length_minutes": 40}), plan.lessons[1]]})
    assert header_line(over).plain.endswith("2 lessons · 80/85 min · 1 lesson over length")
    md = plan_to_markdown(over, P)
    assert "- **Length:** 2 lessons, 80/85 min, 1 lesson over length" in md
    no_length = plan.model_copy(update={"lessons": [plan.lessons[0].model_copy(update={"length_minutes": None}), plan.lessons[1]]})
    assert header_line(no_length).plain.endswith("2 lessons · 80 min")
    assert "- **Length:** 2 lessons, 80 min" in plan_to_markdown(no_length, P)
    exact = plan.model_copy(update={"segments": [*plan.segments[:2], plan.segments[2].model_copy(update={"minutes": 45})]})
    assert all_clear_text(exact).endswith("roles, 2 lessons, 95/95 min.")
    # A single lesson reads as before: its minutes against its length.
    lesson = LessonPlan(partnership_id=P.id, title="One lesson", length_minutes=45, segments=[s.model_copy(update={"lesson_id": None, "objective_ids": []}) for s in plan.segments[:2]])
    assert header_line(lesson).plain.endswith("lesson · draft · 50/45 min")
    assert "- **Length:** 45 min (segments: 50 min)" in plan_to_markdown(lesson, P)


def test_segments_across_the_whole_unit_are_counted_apart_from_the_lessons():
    """Review finding: two 45-minute lessons filled exactly, plus a 20-minute segment across the
    unit, read "110/90 min": whole-unit minutes were held against the lessons' lengths."""
    from coplan_tui.domain.alignment import all_clear_text, check
    from coplan_tui.ui.widgets.plan_rows import header_line

    plan = unit()
    filled = [plan.segments[0].model_copy(update={"minutes": 45}), plan.segments[1].model_copy(update={"minutes": 0}), plan.segments[2].model_copy(update={"minutes": 45})]
    filled = [s for s in filled if s.minutes]
    lessons = [plan.lessons[0].model_copy(update={"length_minutes": 45}), plan.lessons[1].model_copy(update={"length_minutes": 45})]
    launch = plan.segments[1].model_copy(update={"lesson_id": None, "minutes": 20, "title": "Unit launch"})
    whole = plan.model_copy(update={"lessons": lessons, "segments": [*filled, launch]})
    assert [lesson_minutes(whole, lesson.id) for lesson in lessons] == [45, 45]
    assert header_line(whole).plain.endswith("2 lessons · 90/90 min · 20 min for the whole unit")
    assert "- **Length:** 2 lessons, 90/90 min, 20 min for the whole unit" in plan_to_markdown(whole, P)
    assert not [w for w in check(whole) if "min" in w.message]
    assert "110" not in all_clear_text(whole)


def test_a_unit_with_no_lessons_yet_holds_its_minutes_against_nothing():
    """Review finding: a unit made with the new-plan form (Length 50 by default) and 80 minutes
    of segments read "80/50 min" and warned "30 over the 50-min lesson" before any lesson existed."""
    from coplan_tui.domain.alignment import check
    from coplan_tui.ui.widgets.plan_rows import header_line

    plan = unit().model_copy(update={"lessons": [], "length_minutes": 50})
    plan = plan.model_copy(update={"segments": [s.model_copy(update={"lesson_id": None}) for s in plan.segments]})
    assert header_line(plan).plain.endswith("unit · draft · 80 min")
    assert not [w for w in check(plan) if "min" in w.message]
    assert "- **Length:** segments: 80 min" in plan_to_markdown(plan, P)
