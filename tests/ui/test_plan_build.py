"""Build a plan by keys and watch the alignment check follow every link added and removed."""

from __future__ import annotations

from coplan_tui.domain.catalogue import Approach
from coplan_tui.domain.models import LessonPlan
from coplan_tui.ui.dialogs.choice import ChoiceDialog
from coplan_tui.ui.dialogs.plan_dialogs import ChecklistDialog, FormDialog

from .helpers import screen_text, settle
from .plan_helpers import clear_and_type, editor, empty_plan, gaps, plan_app, type_text


async def test_build_a_plan_backwards_by_keys(demo_store, clock):
    plan = empty_plan(demo_store, clock(), length_minutes=20)
    app = plan_app(demo_store, clock, plan.id)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert gaps(app) == [("no_objectives", None), ("minutes_under", None)]
        assert "No objectives yet" in screen_text(app)

        await pilot.press("o")
        assert isinstance(app.screen, FormDialog)
        await type_text(pilot, "Trace energy")
        await pilot.press("enter")
        await settle(pilot)
        o1 = demo_store.get(LessonPlan, plan.id).objectives[0]
        assert o1.text == "Trace energy"
        assert gaps(app) == [("unassessed", o1.id), ("untaught", o1.id), ("minutes_under", None)]

        await pilot.press("a")
        await type_text(pilot, "Exit ticket")
        await pilot.press("ctrl+s")
        await settle(pilot)
        a1 = demo_store.get(LessonPlan, plan.id).assessments[0]
        assert editor(app).highlighted_id() == a1.id
        await pilot.press("l")
        assert isinstance(app.screen, ChecklistDialog)
        await pilot.press("space", "enter")
        await settle(pilot)
        assert demo_store.get(LessonPlan, plan.id).assessments[0].objective_ids == [o1.id]
        assert gaps(app) == [("untaught", o1.id), ("minutes_under", None)]

        await pilot.press("s")
        await type_text(pilot, "We do")
        await pilot.press("enter")
        await type_text(pilot, "Card sort")
        await pilot.press("enter")
        await clear_and_type(pilot, "20")
        await pilot.press("ctrl+s")
        await settle(pilot)
        s1 = demo_store.get(LessonPlan, plan.id).segments[0]
        assert (s1.phase, s1.title, s1.minutes, s1.approach) == ("We do", "Card sort", 20, None)
        assert gaps(app) == [("untaught", o1.id), ("unlinked_task", s1.id), ("no_approach", s1.id), ("role_missing", s1.id)]

        await pilot.press("l", "space", "enter")
        await settle(pilot)
        assert gaps(app) == [("no_approach", s1.id), ("role_missing", s1.id)]

        await pilot.press("p")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("home", "down", "down", "enter")
        await settle(pilot)
        assert demo_store.get(LessonPlan, plan.id).segments[0].approach == Approach.STATION
        assert "Approach: Station teaching" in screen_text(app)
        assert gaps(app) == [("role_missing", s1.id)]

        await pilot.press("e")
        await pilot.press("tab", "tab", "tab", "tab")  # phase -> task -> minutes -> approach -> CT role
        await type_text(pilot, "Runs station 1")
        await pilot.press("enter")
        await type_text(pilot, "Runs station 2")
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = demo_store.get(LessonPlan, plan.id).segments[0]
        assert sorted(saved.roles.values()) == ["Runs station 1", "Runs station 2"]
        assert gaps(app) == []
        text = screen_text(app)
        assert "Alignment: no warnings" in text and "✓ Aligned" in text

        # Unlink the task again: both warnings come back at once.
        await pilot.press("l", "space", "enter")
        await settle(pilot)
        assert gaps(app) == [("untaught", o1.id), ("unlinked_task", s1.id)]
        assert demo_store.get(LessonPlan, plan.id).segments[0].objective_ids == []

        # Linking from the objective's side ticks the task back in.
        await pilot.press("home")
        await pilot.press("down")
        assert editor(app).highlighted_id() == o1.id
        await pilot.press("l")
        await pilot.press("down", "space", "enter")  # row 1 is A1 (already ticked), row 2 is S1
        await settle(pilot)
        assert gaps(app) == []
        assert demo_store.get(LessonPlan, plan.id).assessments[0].objective_ids == [o1.id]

        # A segment's checklist also records which assessment is given in it.
        await pilot.press("end", "l", "down", "space", "enter")
        await settle(pilot)
        saved = demo_store.get(LessonPlan, plan.id).segments[0]
        assert (saved.objective_ids, saved.assessment_ids) == ([o1.id], [a1.id])


async def test_warnings_jump_to_their_item(demo_store, clock):
    plan = next(iter(demo_store.all(LessonPlan)))
    o3 = plan.objectives[2]
    app = plan_app(demo_store, clock, plan.id)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert gaps(app) == [("untaught", o3.id), ("minutes_under", None)]
        assert editor(app).highlighted_id() == "section-objectives"
        await pilot.press("w")
        assert app.focused.has_class("pe-alignment")
        await pilot.press("enter")
        assert app.focused.has_class("pe-outline")
        assert editor(app).highlighted_id() == o3.id
        assert "Taught in: nothing yet" in screen_text(app)
        await pilot.press("w", "down", "enter")
        assert editor(app).highlighted_id() == "section-segments"


async def test_delete_and_move_items_by_keys(demo_store, clock):
    plan = next(iter(demo_store.all(LessonPlan)))
    o1, o2 = plan.objectives[0], plan.objectives[1]
    app = plan_app(demo_store, clock, plan.id)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        assert editor(app).highlighted_id() == o1.id
        await pilot.press("J")
        await settle(pilot)
        assert [o.id for o in demo_store.get(LessonPlan, plan.id).objectives][:2] == [o2.id, o1.id]
        await pilot.press("d", "n")
        await settle(pilot)
        assert len(demo_store.get(LessonPlan, plan.id).objectives) == 3
        await pilot.press("d", "y")
        await settle(pilot)
        saved = demo_store.get(LessonPlan, plan.id)
        assert [o.id for o in saved.objectives] == [o2.id, plan.objectives[2].id]
        assert all(o1.id not in s.objective_ids for s in saved.segments)
        assert all(o1.id not in a.objective_ids for a in saved.assessments)


async def test_bad_input_keeps_the_dialog_and_loses_nothing(demo_store, clock):
    plan = empty_plan(demo_store, clock())
    app = plan_app(demo_store, clock, plan.id)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("s", "enter")
        await type_text(pilot, "Lab")
        await pilot.press("enter")
        await clear_and_type(pilot, "abc")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        assert "Minutes: 'abc' is not a whole number of minutes" in screen_text(app)
        await clear_and_type(pilot, "500")
        await pilot.press("ctrl+s")
        assert "must be between 1 and 240 minutes" in screen_text(app)
        assert demo_store.get(LessonPlan, plan.id).segments == []
        await clear_and_type(pilot, "15")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [(s.title, s.minutes) for s in demo_store.get(LessonPlan, plan.id).segments] == [("Lab", 15)]


async def test_user_text_shows_literally(demo_store, clock):
    plan = empty_plan(demo_store, clock())
    app = plan_app(demo_store, clock, plan.id)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await type_text(pilot, "[bold]know[/bold]")
        await pilot.press("enter")
        await settle(pilot)
        assert "O1 [bold]know[/bold]" in screen_text(app)


async def test_plan_details_by_keys(demo_store, clock):
    plan = empty_plan(demo_store, clock())
    app = plan_app(demo_store, clock, plan.id)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        assert isinstance(app.screen, FormDialog)
        await pilot.press("tab", "tab", "tab")  # title -> kind -> status -> starts
        await type_text(pilot, "fri")
        await pilot.press("enter", "enter")  # ends stays empty
        await type_text(pilot, "45")
        await pilot.press("enter")
        await type_text(pilot, "MS-LS2-3; crosscutting: energy")
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = demo_store.get(LessonPlan, plan.id)
        assert (saved.start.isoformat(), saved.end, saved.length_minutes) == ("2026-11-27", None, 45)
        assert saved.standards == ["MS-LS2-3", "crosscutting: energy"]
        assert "Fri 27 Nov 2026 · 0/45 min" in screen_text(app)
        await pilot.press("i", "tab", "tab", "tab", "ctrl+u")
        await type_text(pilot, "2026-12-01")
        await pilot.press("enter")
        await type_text(pilot, "2026-11-30")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Ends: Mon 2026-11-30 is before the plan starts (Tue 2026-12-01)." in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert demo_store.get(LessonPlan, plan.id).start.isoformat() == "2026-11-27"
