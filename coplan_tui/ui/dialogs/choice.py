"""A question with a short list of answers: arrows and enter pick, so does a one-letter key."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Key
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..text import lit


class ChoiceDialog(ModalScreen[str | None]):
    """``choices`` is a list of (value, label); returns the value chosen, or None.

    A value of one character is also its key: ``("f", "Finish")`` shows as ``[f] Finish``.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="choice.cancel")]

    def __init__(self, question: str, choices: list[tuple[str, str]], detail: str = ""):
        super().__init__()
        self.question = question
        self.detail = detail
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="choice-dialog"):
            yield Static(lit(self.question, "bold"), classes="dialog-title")
            if self.detail:
                yield Static(lit(self.detail), classes="dialog-detail")
            yield OptionList(*[Option(lit(f"[{k}] {label}" if len(k) == 1 else label), id=k) for k, label in self.choices], id="choice-list")

    def on_mount(self) -> None:
        self.query_one("#choice-list", OptionList).focus()

    def on_key(self, event: Key) -> None:
        keys = {k for k, _ in self.choices if len(k) == 1}
        if event.character and event.character.lower() in keys:
            event.stop()
            self.dismiss(event.character.lower())

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
