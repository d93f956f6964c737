"""A partnership's plans (or everyone's): open, create, copy or delete one."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Header, Static

from ...domain.alignment import check
from ...domain.models import LessonPlan, Partnership, Session, Todo
from ...domain.plan_edits import copy_plan
from ...domain.cascade import deleting_plan
from ..gateway import Change
from ..messages import DataChanged
from ..text import lit, plain, toast
from ..dialogs.confirm import ConfirmScreen
from ..dialogs.plan_forms import new_plan_form
from ..widgets.footer import CoplanFooter
from ..widgets.typed_screens import CoplanScreen


class PlanListScreen(CoplanScreen[None]):
    HELP = "Lesson and unit plans, with their status and how many alignment warnings each has."
    TITLE = "Plans"
    BINDINGS = [
        Binding("escape", "back", "Back", id="plans.back"),
        Binding("n", "new", "New plan", id="plans.new"),
        Binding("enter", "open", "Open plan", show=False, id="plans.open"),
        Binding("c", "copy", "Copy as next plan", id="plans.copy"),
        Binding("d,delete", "delete", "Delete plan", id="plans.delete"),
    ]

    def __init__(self, partnership_id: str | None = None):
        super().__init__()
        self.partnership_id = partnership_id

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="plans-screen"):
            yield Static("", id="plans-empty")
            yield DataTable(id="plans", cursor_type="row", zebra_stripes=True)
        yield CoplanFooter()

    def on_mount(self) -> None:
        table = self.query_one("#plans", DataTable)
        table.add_columns("Plan", "Kind", "Date", "Status", "Warnings", "Partnership")
        self.refresh_data()
        table.focus()

    def on_data_changed(self, _: DataChanged) -> None:
        self.refresh_data()

    def partnerships(self) -> list[Partnership]:
        store = self.app.db
        found = sorted(store.all(Partnership), key=lambda p: p.display_name.lower())
        return [p for p in found if p.id == self.partnership_id] if self.partnership_id else found

    def refresh_data(self) -> None:
        store = self.app.db
        partnerships = {p.id: p for p in self.partnerships()}
        plans = [p for p in store.all(LessonPlan) if p.partnership_id in partnerships]
        plans.sort(key=lambda p: (p.start is None, p.start.isoformat() if p.start else "", p.title.lower()))
        if self.partnership_id and self.partnership_id in partnerships:
            self.sub_title = plain(partnerships[self.partnership_id].display_name)
        empty = self.query_one("#plans-empty", Static)
        empty.display = not plans
        empty.update(lit("No plans yet. Press n to start one: objectives first, then assessments, then tasks."))
        table = self.query_one("#plans", DataTable)
        row = table.cursor_row
        table.clear()
        for plan in plans:
            partnership = partnerships[plan.partnership_id]
            warnings = len(check(plan, partnership))
            table.add_row(
                lit(plan.title),
                lit(plan.kind),
                lit(plan.start.strftime("%a %d %b") if plan.start else "—"),
                lit(plan.status.value),
                lit(str(warnings) if warnings else "✓", "yellow" if warnings else "green"),
                lit(partnership.display_name),
                key=plan.id,
            )
        if plans:
            table.move_cursor(row=min(row, len(plans) - 1))

    def selected_plan(self) -> LessonPlan | None:
        table = self.query_one("#plans", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.app.db.get(LessonPlan, key) if key else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        from .plan import PlanScreen

        plan = self.selected_plan()
        if plan is not None:
            self.app.push_screen(PlanScreen(plan.id))

    def action_back(self) -> None:
        self.dismiss(None)

    def action_new(self) -> None:
        from .plan import PlanScreen

        partnerships = self.partnerships()
        if not partnerships:
            toast(self, "A plan belongs to a partnership: create one first.", severity="warning")
            return

        def made(plan: LessonPlan | None) -> None:
            if plan is not None and self.app.save(plan):
                self.app.push_screen(PlanScreen(plan.id))

        self.app.push_screen(new_plan_form(partnerships, self.app.today(), self.app.now()), made)

    def action_copy(self) -> None:
        plan = self.selected_plan()
        if plan is not None:
            copy = copy_plan(plan, self.app.now())
            self.app.save(copy)
            toast(self, f"Copied as {copy.title!r}.")

    def action_delete(self) -> None:
        plan = self.selected_plan()
        if plan is None:
            return
        store = self.app.db

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            cascade = deleting_plan(plan, store.all(Session), store.all(Todo))
            self.app.writer.submit(Change(puts=cascade.puts, deletes=cascade.deletes))

        self.app.push_screen(ConfirmScreen(f"Delete the plan {plan.title!r}? Its to-dos stay, without the link."), answered)
