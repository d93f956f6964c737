"""The PlanEditor mounted the way the live session mounts it: 50 columns, beside a to-do pane."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Static

from coplan_tui.domain.models import LessonPlan, Todo
from coplan_tui.ui.app import CoplanApp
from coplan_tui.ui.messages import DataChanged
from coplan_tui.ui.screens.plan_editor import PlanEditor

from .helpers import screen_text, settle
from .plan_helpers import cursor_to, type_text


class HostScreen(Screen[None]):
    """A stand-in for the session screen: a step pane, the editor, and a to-do pane."""

    def __init__(self, plan_id: str):
        super().__init__()
        self.plan_id = plan_id
        self.heard: list[str] = []

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static("step", id="step", classes="host-pane")
            yield PlanEditor(self.plan_id, id="editor")
            yield Static("to-dos", id="todo-pane", classes="host-pane")

    def on_mount(self) -> None:
        self.query_one("#step").styles.width = 30
        self.query_one("#editor").styles.width = 50
        self.query_one("#todo-pane").styles.width = 40
        self.query_one("#editor .pe-outline").focus()

    def on_data_changed(self, _: DataChanged) -> None:
        self.query_one(PlanEditor).reload()

    def on_plan_editor_changed(self, message: PlanEditor.Changed) -> None:
        self.heard.append(f"changed:{len(message.warnings)}")

    def on_plan_editor_todo_created(self, message: PlanEditor.TodoCreated) -> None:
        self.heard.append(f"todo:{message.todo.title}")
        self.query_one("#todo-pane", Static).update(message.todo.title)


async def test_editor_works_in_a_narrow_pane_and_reports_upward(demo_store, clock):
    plan = next(iter(demo_store.all(LessonPlan)))
    host = HostScreen(plan.id)
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False, start=lambda a: a.push_screen(host))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        editor = host.query_one(PlanEditor)
        assert editor.size.width == 50 and not editor.has_class("wide")
        assert host.query_one("#todo-pane").region.width == 40
        await cursor_to(pilot, plan.segments[0].id)
        await pilot.press("s", "enter")
        await type_text(pilot, "Closure")
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = demo_store.get(LessonPlan, plan.id)
        assert [s.title for s in saved.segments][:2] == [plan.segments[0].title, "Closure"]
        assert host.heard == ["changed:5"]
        await pilot.press("t", "ctrl+s")
        await settle(pilot)
        assert host.heard[-1] == "todo:Prepare: Closure"
        assert any(t.title == "Prepare: Closure" and t.plan_id == plan.id for t in demo_store.all(Todo))
        assert "Prepare: Closure" in screen_text(app)
