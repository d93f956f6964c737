"""A unit's lessons in the plan editor: add by keys, pick a segment's lesson (every option, by
keyboard and mouse), copy a lesson."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Select, Static
from textual.widgets._select import SelectCurrent, SelectOverlay

from coplan_tui.domain.models import Lesson, LessonPlan, Segment
from coplan_tui.store import Store

from .helpers import settle, type_text
from .plan_helpers import clear_and_type, cursor_to, editor, empty_plan, plan_app


async def add_lesson(pilot, title: str, day: str, length: str) -> None:
    await pilot.press("v")
    await settle(pilot)
    await type_text(pilot, title)
    await pilot.press("enter")
    await type_text(pilot, day)
    await pilot.press("enter")
    await type_text(pilot, length)
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_add_lessons_and_copy_one(demo_store, clock):
    plan = empty_plan(demo_store, clock(), kind="unit")
    app = plan_app(demo_store, clock, plan.id)
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(pilot)
        editor(app).query_one(".pe-outline").focus()
        await add_lesson(pilot, "Day 1: food chains", "2026-11-30", "50")
        await add_lesson(pilot, "Day 2: food webs [/]", "2026-12-01", "45")
        saved = Store(demo_store.path).get(LessonPlan, plan.id)
        assert [(x.title, x.day, x.length_minutes) for x in saved.lessons] == [
            ("Day 1: food chains", date(2026, 11, 30), 50),
            ("Day 2: food webs [/]", date(2026, 12, 1), 45),
        ]
        await cursor_to(pilot, saved.lessons[0].id)
        await pilot.press("y")
        await settle(pilot)
    copied = Store(demo_store.path).get(LessonPlan, plan.id)
    assert [x.title for x in copied.lessons] == ["Day 1: food chains", "Day 1: food chains (copy)", "Day 2: food webs [/]"]


async def test_a_single_lesson_has_no_lessons(demo_store, clock):
    plan = empty_plan(demo_store, clock())
    app = plan_app(demo_store, clock, plan.id)
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(pilot)
        editor(app).query_one(".pe-outline").focus()
        await pilot.press("v")
        await settle(pilot)
        assert any("Only a unit has lessons" in str(n.message) for n in app._notifications)
    assert Store(demo_store.path).get(LessonPlan, plan.id).lessons == []


@pytest.mark.parametrize("by_mouse", [False, True])
@pytest.mark.parametrize("index", [0, 1, 2])
async def test_every_lesson_choice_for_a_segment_is_saved(demo_store, clock, by_mouse, index):
    lessons = [Lesson(title="Day 1"), Lesson(title="Day 2")]
    plan = empty_plan(demo_store, clock(), kind="unit", lessons=lessons)
    expected = [None, lessons[0].id, lessons[1].id][index]
    app = plan_app(demo_store, clock, plan.id)
    async with app.run_test(size=(140, 60)) as pilot:
        await settle(pilot)
        editor(app).query_one(".pe-outline").focus()
        await pilot.press("s")
        await settle(pilot)
        app.screen.query_one("#field-title").focus()
        await type_text(pilot, "Card sort")
        select = app.screen.query_one("#field-lesson", Select)
        if by_mouse:
            await pilot.click(select.query_one(SelectCurrent), offset=(2, 0))
            await settle(pilot)
            overlay = select.query_one(SelectOverlay)
            await pilot.click(overlay, offset=(3, index + (1 if overlay.styles.border_top[0] else 0)))
        else:
            select.focus()
            await pilot.press("space")  # in a form, enter moves to the next field
            await settle(pilot)
            await pilot.press("home", *["down"] * index, "enter")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
    [seg] = Store(demo_store.path).get(LessonPlan, plan.id).segments
    assert (seg.title, seg.lesson_id) == ("Card sort", expected)


async def test_the_unit_header_counts_lessons_and_their_lengths(demo_store, clock):
    """The header held all the unit's minutes against the plan's one-lesson length ("70/50 min")."""
    day1, day2 = Lesson(title="Day 1", length_minutes=50), Lesson(title="Day 2", length_minutes=45)
    long = Segment(title="Search", minutes=60, lesson_id=day1.id)
    plan = empty_plan(demo_store, clock(), kind="unit", length_minutes=50, lessons=[day1, day2], segments=[long])
    app = plan_app(demo_store, clock, plan.id)
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(pilot)
        header = editor(app).query_one(".pe-header", Static)
        assert str(header.render()).endswith("unit · draft · 2 lessons · 60/95 min · 1 lesson over length")
        editor(app).query_one(".pe-outline").focus()
        await pilot.press("s")
        await settle(pilot)
        app.screen.query_one("#field-title").focus()
        await type_text(pilot, "Card sort")
        app.screen.query_one("#field-minutes").focus()
        await clear_and_type(pilot, "10")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert str(header.render()).endswith("unit · draft · 2 lessons · 60/95 min · 1 lesson over length · 10 min for the whole unit")


@pytest.mark.parametrize("on", ["lesson", "segment"])
async def test_a_new_segment_starts_in_the_lesson_under_the_cursor(demo_store, clock, on):
    """Tester: with the cursor on Day 2, a new segment's Lesson said "The whole unit"."""
    day1, day2 = Lesson(title="Day 1"), Lesson(title="Day 2")
    there = Segment(title="Warm-up", minutes=5, lesson_id=day2.id)
    plan = empty_plan(demo_store, clock(), kind="unit", lessons=[day1, day2], segments=[there])
    app = plan_app(demo_store, clock, plan.id)
    async with app.run_test(size=(140, 60)) as pilot:
        await settle(pilot)
        editor(app).query_one(".pe-outline").focus()
        await cursor_to(pilot, day2.id if on == "lesson" else there.id)
        await pilot.press("s")
        await settle(pilot)
        assert app.screen.query_one("#field-lesson", Select).value == day2.id
        app.screen.query_one("#field-title").focus()
        await type_text(pilot, "Card sort")
        await pilot.press("ctrl+s")
        await settle(pilot)
    new = next(s for s in Store(demo_store.path).get(LessonPlan, plan.id).segments if s.title == "Card sort")
    assert new.lesson_id == day2.id
