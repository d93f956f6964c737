"""Edit the release plan: every stage's dates, expected leader, TC-led range and approaches.

The defaults come from the phase and the placement dates; the first edit stores the whole
plan on the partnership, and r puts the defaults back.
"""

from __future__ import annotations

from collections.abc import Callable

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Header, Input, Select, Static

from ...domain.catalogue import Approach
from ...domain.dates import parse_date
from ...domain.errors import DomainError, describe
from ...domain.models import Partnership, ReleaseStage
from ...domain.release import release_plan, with_stage
from ..messages import DataChanged
from ..text import lit, plain, toast
from ..widgets.footer import CoplanFooter
from ..widgets.tick_list import TickList
from ..widgets.typed_screens import CoplanModal, CoplanScreen

LEADERS = [("CT leads", "CT"), ("TC leads", "TC"), ("Shared", "shared")]


class ApproachPicker(TickList):
    """Tick approaches on and off with space or enter: in the stage editor enter is not save."""

    BINDINGS = [Binding("enter", "select", "Tick", show=False, id="stage.toggle_approach")]

    def __init__(self, chosen: list[Approach], **kwargs):
        super().__init__([(a.label, a.value, a in chosen) for a in Approach], **kwargs)
        self.given = [a.value for a in chosen]  # the stage's own order: saved untouched, it stays

    @property
    def selected(self) -> list[Approach]:
        return [Approach(v) for v in self.ticked]


class StageDialog(CoplanModal[ReleaseStage | None]):
    """One stage's values; OK only when the stage, and the plan with it, are valid."""

    BINDINGS = [
        Binding("ctrl+s", "ok", "Save stage", id="stage.ok", priority=True),
        Binding("escape", "cancel", "Cancel", id="stage.cancel"),
    ]

    def __init__(self, stage: ReleaseStage, check: Callable[[ReleaseStage], str | None]):
        super().__init__()
        self.stage = stage
        self.check = check

    def compose(self) -> ComposeResult:
        s = self.stage
        with Vertical(id="stage-box"):
            yield Static(lit(f"Edit {s.label}", "bold"))
            with Horizontal(classes="row"):
                yield self._field("Label", Input(s.label, id="stage-label", compact=True))
                yield self._field("Starts", Input(s.start.isoformat(), id="stage-start", compact=True))
                yield self._field("Ends", Input(s.end.isoformat(), id="stage-end", compact=True))
            with Horizontal(classes="row"):
                yield self._field("Who leads coplanning", Select([(lit(a), b) for a, b in LEADERS], value=s.leader, allow_blank=False, id="stage-leader", compact=True))
                yield self._field("TC-led from %", Input(str(s.tc_share_min), id="stage-min", compact=True))
                yield self._field("to %", Input(str(s.tc_share_max), id="stage-max", compact=True))
            yield Static(lit("Approaches expected (space or enter ticks one)"), classes="label")
            yield ApproachPicker(s.approaches, id="stage-approaches")
            yield Static("", id="stage-error", classes="field-error")
            yield Static(lit("ctrl+s save · esc cancel", "dim"))

    @staticmethod
    def _field(label: str, widget) -> Vertical:
        return Vertical(Static(lit(label), classes="label"), widget, classes="field")

    def on_mount(self) -> None:
        self.query_one("#stage-label", Input).focus()

    def build(self) -> ReleaseStage:
        today = self.app.today()

        def number(widget_id: str, what: str) -> int:
            text = self.query_one(widget_id, Input).value.strip().rstrip("%")
            if not text.isdigit() or int(text) > 100:
                raise DomainError(f"{what}: enter a whole number from 0 to 100.")
            return int(text)

        start = parse_date(self.query_one("#stage-start", Input).value, today)
        end = parse_date(self.query_one("#stage-end", Input).value, today)
        if start is None or end is None:
            raise DomainError("A stage needs both dates.")
        try:
            return ReleaseStage(
                label=self.query_one("#stage-label", Input).value,
                start=start,
                end=end,
                leader=self.query_one("#stage-leader", Select).value,  # type: ignore[arg-type]
                tc_share_min=number("#stage-min", "TC-led from"),
                tc_share_max=number("#stage-max", "TC-led to"),
                approaches=self.query_one(ApproachPicker).selected,
                guidance=self.stage.guidance,
            )
        except ValidationError as e:
            raise DomainError(describe(e)) from None

    def action_ok(self) -> None:
        error = self.query_one("#stage-error", Static)
        try:
            stage = self.build()
            problem = self.check(stage)
            if problem:
                raise DomainError(problem)
        except DomainError as e:
            error.update(lit(str(e)))
            error.display = True
            return
        self.dismiss(stage)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ReleasePlanScreen(CoplanScreen[None]):
    HELP = (
        "The release plan, stage by stage: who is expected to lead coplanning, the share of sessions "
        "the TC should lead, and the coteaching approaches expected. Stages follow one another with no gap: "
        "moving a stage's dates moves its neighbours to meet it. Enter edits a stage; r resets "
        "the plan to the defaults for the phase and dates."
    )
    BINDINGS = [
        Binding("enter", "edit_stage", "Edit stage", id="release_plan.edit_stage"),
        Binding("r", "reset", "Reset to defaults", id="release_plan.reset"),
        Binding("escape", "back", "Back", id="release_plan.back"),
    ]

    def __init__(self, partnership_id: str):
        super().__init__()
        self.partnership_id = partnership_id
        self.closing = False

    @property
    def partnership(self) -> Partnership | None:
        return self.app.db.get(Partnership, self.partnership_id)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="plan"):
            yield Static("", id="plan-note")
            yield DataTable(id="stages", cursor_type="row", zebra_stripes=True)
        yield CoplanFooter()

    def on_mount(self) -> None:
        self.query_one("#stages", DataTable).add_columns("Stage", "Starts", "Ends", "Leads", "TC-led", "Approaches")
        self.refresh_data()

    def on_data_changed(self, _: DataChanged) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        p = self.partnership
        if p is None:  # deleted, perhaps by another window
            self.call_after_refresh(self.leave)
            return
        self.title = plain(f"Release plan: {p.display_name}")
        custom = bool(p.release_plan)
        note = "Edited by you. r resets it to the defaults." if custom else "The defaults for the phase and dates. Enter edits a stage."
        if not release_plan(p):
            note = "No plan: a CT and TC pair gets one once the phase and placement dates are set (e on the home screen)."
        self.query_one("#plan-note", Static).update(lit(note, "dim"))
        table = self.query_one("#stages", DataTable)
        row = table.cursor_row
        table.clear()
        for i, s in enumerate(release_plan(p)):
            table.add_row(
                lit(s.label),
                lit(f"{s.start:%a %d %b}"),
                lit(f"{s.end:%a %d %b}"),
                lit(s.leader),
                lit(f"{s.tc_share_min}–{s.tc_share_max}%"),
                lit(", ".join(a.label for a in s.approaches) or "—"),
                key=str(i),
            )
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def save_plan(self, stages: list[ReleaseStage], message: str) -> None:
        p = self.partnership
        assert p is not None
        try:
            updated = Partnership.model_validate({**p.model_dump(), "release_plan": [s.model_dump() for s in stages]})
        except ValidationError as e:
            toast(self, describe(e), title="Not saved", severity="error")
            return
        if self.app.save(updated):
            toast(self, message, title="Saved")

    def action_edit_stage(self) -> None:
        p = self.partnership
        table = self.query_one("#stages", DataTable)
        if p is None or not table.row_count:
            return
        index = table.cursor_row
        stages = list(release_plan(p))

        def check(stage: ReleaseStage) -> str | None:
            try:
                with_stage(stages, index, stage)
            except DomainError as e:
                return str(e)
            return None

        def done(stage: ReleaseStage | None) -> None:
            if stage is not None:
                moved = with_stage(stages, index, stage)
                if moved == stages:
                    return  # saved untouched: a plan that follows the defaults keeps following them
                shifted = [s.label for s, t in zip(moved, stages) if s is not stage and (s.start, s.end) != (t.start, t.end)]
                note = f" {' and '.join(shifted)} moved to meet it: every day belongs to one stage." if shifted else ""
                self.save_plan(moved, f"Saved {stage.label}.{note}")

        self.app.push_screen(StageDialog(stages[index], check), done)

    def on_data_table_row_selected(self, _: DataTable.RowSelected) -> None:
        self.action_edit_stage()

    def action_reset(self) -> None:
        from ..dialogs.confirm import confirm

        p = self.partnership
        if p is None or not p.release_plan:
            toast(self, "The plan already follows the defaults.")
            return
        confirm(
            self.app,
            "Reset the release plan to the defaults?",
            "Your edits to the stages will be lost.",
            lambda: self.save_plan([], "The plan follows the defaults again."),
        )

    def leave(self) -> None:
        """Close once, and only while on top: a DataChanged and a resume may both ask."""
        if self.app.screen is self and not self.closing:
            self.closing = True
            self.dismiss(None)

    def action_back(self) -> None:
        self.dismiss(None)
