"""Edit one template step: title, minutes, prompts and outputs (one per line), planning."""

from __future__ import annotations

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static, TextArea

from ...domain.errors import describe
from ...domain.models import TITLE_MAX, TemplateStep
from ..text import lit
from ..widgets.marks import TickBox


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class StepDialog(ModalScreen[TemplateStep | None]):
    HELP = "Prompts and outputs take one per line. ctrl+s saves; escape cancels."
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="step_dialog.save"),
        Binding("escape", "cancel", "Cancel", id="step_dialog.cancel"),
    ]

    def __init__(self, step: TemplateStep | None):
        super().__init__()
        self.step = step

    def compose(self) -> ComposeResult:
        s = self.step
        with Vertical(id="step-dialog", classes="dialog"):
            yield Static(lit("Edit step" if s else "New step", "bold"), classes="dialog-title")
            with Horizontal(classes="dialog-row"):
                with Vertical():
                    yield Label("Title")
                    yield Input(value=s.title if s else "", placeholder="e.g. Celebrations", id="step-title-input", max_length=TITLE_MAX)
                with Vertical(id="step-minutes-box"):
                    yield Label("Minutes (1-240)")
                    yield Input(value=str(s.minutes) if s else "5", id="step-minutes", restrict=r"[0-9]*")
            yield Label("Prompts, one per line")
            yield TextArea("\n".join(s.prompts) if s else "", id="step-prompts", soft_wrap=True)
            yield Label("Leave with (expected outputs), one per line")
            yield TextArea("\n".join(s.outputs) if s else "", id="step-outputs", soft_wrap=True)
            yield TickBox("A planning step (opens the lesson plan beside it)", value=bool(s and s.planning), id="step-planning")
            yield Static("", id="step-error", classes="dialog-error")
            yield Static(lit("ctrl+s save · tab next field · escape cancel", "dim"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#step-title-input", Input).focus()

    def on_input_submitted(self, _: Input.Submitted) -> None:
        self.action_save()

    def on_tick_box_submitted(self, _: TickBox.Submitted) -> None:
        self.action_save()

    def action_save(self) -> None:
        minutes = self.query_one("#step-minutes", Input).value.strip()
        try:
            step = TemplateStep(
                title=self.query_one("#step-title-input", Input).value,
                minutes=int(minutes) if minutes else 0,
                prompts=_lines(self.query_one("#step-prompts", TextArea).text),
                outputs=_lines(self.query_one("#step-outputs", TextArea).text),
                approach=self.step.approach if self.step else None,
                planning=self.query_one("#step-planning", TickBox).value,
            )
        except ValidationError as e:
            self.query_one("#step-error", Static).update(lit(describe(e)))
            return
        self.dismiss(step)

    def action_cancel(self) -> None:
        self.dismiss(None)
