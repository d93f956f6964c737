"""The plan screen: the PlanEditor, the partnership's approach balance and the resources."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Header

from ...domain.balance import approach_balance
from ...domain.models import LessonPlan, Partnership
from ...domain.plan_edits import copy_plan
from ..messages import DataChanged
from ..widgets.approach_chart import ApproachChart
from .plan_editor import PlanEditor
from ..widgets.resource_pane import ResourcePane
from ..dialogs.confirm import ConfirmScreen
from ..widgets.footer import CoplanFooter
from .plan_export import plan_file_name
from ..exporting import export_in_background
from ..dialogs.plan_forms import resource_form
from ...domain.shelf import shelve, take
from ..dialogs.choice import ChoiceDialog
from ..text import plain, toast
from ..widgets.typed_screens import CoplanScreen

SIDE_WIDTH = 120
"""From this screen width the balance chart and resources sit beside the editor."""


class PlanScreen(CoplanScreen[None]):
    HELP = (
        "Design a lesson backwards: objectives, then assessments, then learning tasks, each with a "
        "coteaching approach and a role for each of you. The alignment panel names every gap; "
        "select a warning to jump to its item. t turns any item into a to-do linked to this plan."
    )
    TITLE = "Plan"
    BINDINGS = [
        Binding("escape", "back", "Back", id="plan_screen.back"),
        Binding("x", "export", "Export Markdown", id="plan_screen.export"),
        Binding("c", "copy", "Copy as next plan", id="plan_screen.copy"),
        Binding("b", "toggle_side", "Balance & resources", id="plan_screen.side"),
        Binding("tab", "app.focus_next", "Next pane", show=False, id="plan_screen.focus_next"),
        Binding("shift+tab", "app.focus_previous", "Previous pane", show=False, id="plan_screen.focus_previous"),
    ]

    def __init__(self, plan_id: str):
        super().__init__()
        self.plan_id = plan_id

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="plan-screen"):
            yield PlanEditor(self.plan_id, id="plan-editor")
            with Vertical(id="plan-side"):
                yield ApproachChart("", id="approach-chart")
                yield ResourcePane(id="resource-pane")
        yield CoplanFooter()

    def on_mount(self) -> None:
        self.query_one("#plan-editor .pe-outline").focus()
        self.refresh_side()

    def on_resize(self) -> None:
        self.query_one("#plan-screen").set_class(self.size.width >= SIDE_WIDTH, "side-by-side")

    @property
    def editor(self) -> PlanEditor:
        return self.query_one(PlanEditor)

    def on_data_changed(self, _: DataChanged) -> None:
        self.editor.reload()
        self.refresh_side()

    @on(PlanEditor.Changed)
    def _edited(self, _: PlanEditor.Changed) -> None:
        self.refresh_side()

    @on(PlanEditor.Missing)
    def _missing(self, _: PlanEditor.Missing) -> None:
        toast(self, "This plan was deleted.", severity="warning")

    def refresh_side(self) -> None:
        plan = self.editor.plan
        store = self.app.store
        if plan is None or store is None:
            return
        self.sub_title = plain(plan.title)
        partnership = store.get(Partnership, plan.partnership_id)
        plans = [p if p.id != plan.id else plan for p in store.all(LessonPlan) if p.partnership_id == plan.partnership_id]
        if all(p.id != plan.id for p in plans):
            plans.append(plan)
        balance = approach_balance(plans, partnership, self.app.today())
        self.query_one(ApproachChart).show(balance, len(plans))
        self.query_one(ResourcePane).show(plan.resources)

    # --- resources ---------------------------------------------------------------------

    @on(ResourcePane.Edit)
    def _edit_resource(self, event: ResourcePane.Edit) -> None:
        plan = self.editor.plan
        if plan is None:
            return
        index = event.index
        current = plan.resources[index] if index is not None and index < len(plan.resources) else None

        def done(resource) -> None:
            latest = self.editor.plan
            if resource is None or latest is None:
                return
            resources = list(latest.resources)
            if current is not None and index is not None and index < len(resources):
                resources[index] = resource
            else:
                resources.append(resource)
            self.editor.apply(latest.model_copy(update={"resources": resources}))

        self.app.push_screen(resource_form(current), done)

    @on(ResourcePane.Delete)
    def _delete_resource(self, event: ResourcePane.Delete) -> None:
        plan = self.editor.plan
        if plan is None or event.index >= len(plan.resources):
            return
        label = plan.resources[event.index].label

        def answered(yes: bool | None) -> None:
            latest = self.editor.plan
            if yes and latest is not None:
                resources = [r for n, r in enumerate(latest.resources) if n != event.index]
                self.editor.apply(latest.model_copy(update={"resources": resources}))

        self.app.push_screen(ConfirmScreen(f"Delete the resource {label!r}?"), answered)

    @on(ResourcePane.Shelve)
    def _shelve_resource(self, event: ResourcePane.Shelve) -> None:
        plan, partnership = self.editor.plan, self.editor.partnership
        if plan is None or partnership is None or event.index >= len(plan.resources):
            return
        resource = plan.resources[event.index]
        latest = self.app.db.get(Partnership, partnership.id) or partnership
        shelved, new = shelve(latest, resource)
        if new:
            self.app.save(shelved)
        where = "is now on" if new else "was already on"
        toast(self, f"{resource.label} {where} the shelf of {partnership.display_name}.")

    @on(ResourcePane.Take)
    def _take_resource(self, _: ResourcePane.Take) -> None:
        plan, partnership = self.editor.plan, self.editor.partnership
        if plan is None or partnership is None:
            return
        latest = self.app.db.get(Partnership, partnership.id) or partnership
        if not latest.shelf:
            toast(self, "The shelf is empty: S on a plan's resource puts it there.", severity="warning")
            return
        shelf = latest.shelf

        def chosen(value: str | None) -> None:
            current = self.editor.plan
            if value is None or current is None:
                return
            resource = shelf[int(value.removeprefix("shelf-"))]
            updated, new = take(current, resource)
            if new:
                self.editor.apply(updated)
            else:
                toast(self, f"{resource.label} is already in this plan.")

        # (values longer than one character: a one-character value would also be a key)
        choices = [(f"shelf-{n}", r.label, " · ".join(x for x in (r.location, r.notes) if x)) for n, r in enumerate(shelf)]
        self.app.push_screen(ChoiceDialog("Add from the partnership's shelf", choices), chosen)

    # --- actions -----------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss(None)

    def action_toggle_side(self) -> None:
        self.query_one("#plan-screen").toggle_class("show-side")

    def action_export(self) -> None:
        plan = self.editor.plan
        partnership = self.editor.partnership
        if plan is not None and partnership is not None:
            self._export(plan, partnership)

    def _export(self, plan: LessonPlan, partnership: Partnership) -> None:
        from ...export.plan_markdown import plan_to_markdown

        def render() -> bytes:
            return plan_to_markdown(plan, partnership).encode("utf-8")

        export_in_background(self.app, plan_file_name(plan), render, f"the plan {plan.title}")

    def action_copy(self) -> None:
        plan = self.editor.plan
        if plan is None:
            return
        copy = copy_plan(plan, self.app.now())

        if self.app.save(copy):
            toast(self, f"Copied as {copy.title!r}: a draft without dates.")
            self.app.switch_screen(PlanScreen(copy.id))
