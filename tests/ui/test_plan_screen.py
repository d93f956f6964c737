"""The plan screen around the editor: approach chart, to-dos, export, copy, resources, plan list."""

from __future__ import annotations

import stat
from datetime import date

from coplan_tui.domain.catalogue import Approach
from coplan_tui.domain.models import LessonPlan, Partnership, Segment, Todo
from coplan_tui.export.plan_markdown import plan_to_markdown
from coplan_tui.store import Store
from coplan_tui.ui.screens.plan import PlanScreen
from coplan_tui.ui.dialogs.todo_dialog import TodoDialog
from coplan_tui.ui.screens.plans import PlanListScreen
from coplan_tui.ui.widgets.approach_chart import ApproachChart

from .helpers import screen_text, settle
from .plan_helpers import cursor_to, editor, empty_plan, plan_app, type_text


def demo_plan(store) -> LessonPlan:
    return next(iter(store.all(LessonPlan)))


async def test_approach_chart_counts_the_partnerships_segments_and_flags_assist(demo_store, clock):
    plan = demo_plan(demo_store)
    assist = [Segment(title=f"help {n}", approach=Approach.ONE_TEACH_ONE_ASSIST) for n in range(3)]
    empty_plan(demo_store, clock(), segments=assist)
    app = plan_app(demo_store, clock, plan.id)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        chart = app.screen.query_one(ApproachChart)
        assert chart.display
        text = screen_text(app)
        assert "Approach balance: 7 segments in 2 plans" in text
        assert "Teach+assist  ████████████████ 3" in text
        assert "Station       █████            1" in text
        assert "Parallel                       0" in text
        shown = str(chart.render())
        assert "One teach, one assist is 43% of segments (over a third)" in shown
        assert "Q3 of the release plan expects: Supplemental teaching, Station teaching; 29% of segments use them." in shown
        assert "◆Station" in text and "◆Supplemental" in text

        # Choosing an approach in the editor updates the chart at once.
        await cursor_to(pilot, plan.segments[0].id)
        await pilot.press("p", "home", "down", "down", "down", "enter")  # Parallel
        await settle(pilot)
        text = screen_text(app)
        assert "Parallel      █████            1" in text
        assert "Teach+observe                  0" in text


async def test_a_todo_made_from_a_task_links_back_to_the_plan(demo_store, clock):
    plan = demo_plan(demo_store)
    before = len(demo_store.all(Todo))
    app = plan_app(demo_store, clock, plan.id)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await cursor_to(pilot, plan.segments[2].id)
        await pilot.press("t")
        form = app.screen
        assert isinstance(form, TodoDialog)
        assert form.query_one("#todo-title-input").value == "Prepare: We do: Card sort in stations"
        await pilot.press("tab", "tab")  # title -> owner -> feedback by
        await type_text(pilot, "someday")
        await pilot.press("ctrl+s")
        assert "'someday' is not a date" in screen_text(app)
        await pilot.press("ctrl+u")
        await type_text(pilot, "thu")
        await pilot.press("tab")
        await type_text(pilot, "mon")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
    todos = demo_store.all(Todo)
    assert len(todos) == before + 1
    todo = next(t for t in todos if t.title == "Prepare: We do: Card sort in stations")
    assert todo.plan_id == plan.id and todo.partnership_id == plan.partnership_id
    assert (todo.feedback_by, todo.due, todo.owner) == (date(2026, 11, 26), date(2026, 11, 30), "both")


async def test_a_todo_from_an_assessment_goes_to_its_designer(demo_store, clock):
    plan = demo_plan(demo_store)
    app = plan_app(demo_store, clock, plan.id)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await cursor_to(pilot, plan.assessments[0].id)
        await pilot.press("t", "ctrl+s")
        await settle(pilot)
    todo = next(t for t in demo_store.all(Todo) if t.title.startswith("Draft: Exit ticket"))
    assert todo.owner == plan.assessments[0].designed_by and todo.plan_id == plan.id


async def test_export_writes_private_markdown_next_to_the_db(demo_store, clock):
    plan = demo_plan(demo_store)
    app = plan_app(demo_store, clock, plan.id)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        files = list((demo_store.path.parent / "exports").glob("plan-*.md"))
        assert [f.name for f in files] == [f"plan-energy-flow-in-ecosystems-{plan.id[:8]}.md"]
        assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
        partnership = demo_store.get(Partnership, plan.partnership_id)
        assert files[0].read_text(encoding="utf-8") == plan_to_markdown(plan, partnership)
        assert str(files[0]) in " ".join(n.message for n in app._notifications)


async def test_copy_opens_the_new_draft(demo_store, clock):
    plan = demo_plan(demo_store)
    app = plan_app(demo_store, clock, plan.id)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        plans = demo_store.all(LessonPlan)
        assert len(plans) == 2
        copy = next(p for p in plans if p.id != plan.id)
        assert copy.title == "Energy flow in ecosystems (copy)" and copy.start is None
        assert isinstance(app.screen, PlanScreen) and app.screen.plan_id == copy.id
        assert "Energy flow in ecosystems (copy)" in screen_text(app)


async def test_resources_are_added_and_deleted_by_keys(demo_store, clock):
    plan = demo_plan(demo_store)
    app = plan_app(demo_store, clock, plan.id)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        while app.focused is None or app.focused.id != "resources":
            await pilot.press("tab")
        await pilot.press("n")
        await type_text(pilot, "Goggles")
        await pilot.press("enter")
        await type_text(pilot, "Lab cupboard")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [r.label for r in demo_store.get(LessonPlan, plan.id).resources][-1] == "Goggles"
        assert "Lab cupboard" in screen_text(app)
        await pilot.press("home", "d", "y")
        await settle(pilot)
        assert [r.label for r in demo_store.get(LessonPlan, plan.id).resources] == ["Yellowstone wolves video", "Goggles"]


async def test_narrow_screen_toggles_balance_and_resources(demo_store, clock):
    app = plan_app(demo_store, clock, demo_plan(demo_store).id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        chart = app.screen.query_one(ApproachChart)
        assert not chart.region.width
        await pilot.press("b")
        await pilot.pause()
        assert "Approach balance" in screen_text(app)
        await pilot.press("b")
        await pilot.pause()
        assert "OBJECTIVES (3)" in screen_text(app)


async def test_the_editor_follows_another_process(demo_store, clock):
    plan = demo_plan(demo_store)
    app = plan_app(demo_store, clock, plan.id)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        other = Store(demo_store.path)
        other.put(other.get(LessonPlan, plan.id).model_copy(update={"title": "Renamed elsewhere"}))
        app._check_file()
        await settle(pilot)
        assert editor(app).plan.title == "Renamed elsewhere"
        assert "Renamed elsewhere" in screen_text(app)


async def test_plan_list_creates_opens_and_deletes(demo_store, clock):
    plan = demo_plan(demo_store)
    todo = next(t for t in demo_store.all(Todo) if t.plan_id == plan.id)
    app = plan_app(demo_store, clock, partnership_id=plan.partnership_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PlanListScreen)
        assert "Energy flow in ecosystems" in screen_text(app)
        await pilot.press("n")
        await type_text(pilot, "Food chains")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
        new = next(p for p in demo_store.all(LessonPlan) if p.title == "Food chains")
        assert (new.partnership_id, new.length_minutes, new.kind) == (plan.partnership_id, 50, "lesson")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, PlanListScreen)
        assert "Food chains" in screen_text(app)
        await pilot.press("home", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen) and app.screen.plan_id == plan.id
        await pilot.press("escape", "home", "d", "y")
        await settle(pilot)
        assert demo_store.get(LessonPlan, plan.id) is None
        assert demo_store.get(Todo, todo.id).plan_id is None
        assert "Energy flow" not in screen_text(app)


async def test_help_lists_the_plan_keys_and_the_list_copies(demo_store, clock):
    from coplan_tui.ui.dialogs.help import HelpScreen

    plan = demo_plan(demo_store)
    app = plan_app(demo_store, clock, partnership_id=plan.partnership_id)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert sorted(p.title for p in demo_store.all(LessonPlan)) == ["Energy flow in ecosystems", "Energy flow in ecosystems (copy)"]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for words in ("Link: Link objectives to the item", "To-do: Make a to-do from the item", "Export Markdown", "Copy as next plan"):
            assert words in text
        assert "Scroll Left" not in text
