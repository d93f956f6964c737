"""The end-of-session checklist: did we both share, talk equally, take up ideas, decide together?"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ...domain.models import NOTES_MAX, REFLECTION_QUESTIONS, Reflection
from ..text import lit
from ..widgets.marks import TickBox


class ReflectionDialog(ModalScreen[Reflection | None]):
    HELP = "Tick what you both did (space toggles), add a note, then enter to finish the session."
    BINDINGS = [
        Binding("escape", "cancel", "Back to the session", id="reflection.cancel"),
        Binding("ctrl+s", "save", "Finish", id="reflection.save"),
        # A column of questions: the arrows move between them, as in any list.
        Binding("down", "app.focus_next", "Next question", show=False, id="reflection.next"),
        Binding("up", "app.focus_previous", "Previous question", show=False, id="reflection.previous"),
    ]

    def __init__(self, reflection: Reflection):
        super().__init__()
        self.reflection = reflection

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="reflection-dialog"):
            yield Static(lit("Before you finish: did we both…", "bold"), classes="dialog-title")
            for field, question in REFLECTION_QUESTIONS.items():
                yield TickBox(lit(question), value=bool(getattr(self.reflection, field)), id=f"reflect-{field}")
            yield Input(value=self.reflection.notes, placeholder="A note for next time (optional)", id="reflect-notes", max_length=NOTES_MAX)
            yield Static(lit("space tick · ↓ or tab next · enter finish · escape back", "dim"), classes="dialog-hint")

    def on_input_submitted(self, _: Input.Submitted) -> None:
        self.action_save()

    def on_tick_box_submitted(self, _: TickBox.Submitted) -> None:
        self.action_save()

    def action_save(self) -> None:
        answers = {f: self.query_one(f"#reflect-{f}", TickBox).value for f in REFLECTION_QUESTIONS}
        notes = self.query_one("#reflect-notes", Input).value
        self.dismiss(Reflection(notes=notes, **answers))

    def action_cancel(self) -> None:
        self.dismiss(None)
