"""A question with a short list of answers: arrows and enter pick, so does a one-letter key."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Key
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..text import lit


class ChoiceDialog(ModalScreen[str | None]):
    """``choices`` is a list of (value, label) or (value, label, description); returns the
    value chosen, or None when cancelled. ``current`` starts the cursor on that value.

    A value of one character is also its key: ``("f", "Finish")`` shows as ``[f] Finish``.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="choice.cancel")]

    def __init__(self, question: str, choices: Sequence[tuple[str, str] | tuple[str, str, str]], detail: str = "", current: str | None = None):
        super().__init__()
        self.question = question
        self.detail = detail
        self.choices = [(c[0], c[1], c[2] if len(c) > 2 else "") for c in choices]
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="choice-dialog"):
            yield Static(lit(self.question, "bold"), classes="dialog-title")
            if self.detail:
                yield Static(lit(self.detail), classes="dialog-detail")
            yield OptionList(*[Option(self._prompt(k, label, about), id=k) for k, label, about in self.choices], id="choice-list")

    @staticmethod
    def _prompt(key: str, label: str, about: str) -> Text:
        prompt = lit(f"[{key}] {label}" if len(key) == 1 else label)
        if about:
            prompt.append_text(lit("\n" + about, "dim"))
        return prompt

    def on_mount(self) -> None:
        options = self.query_one("#choice-list", OptionList)
        keys = [k for k, _, _ in self.choices]
        if self.current in keys:
            options.highlighted = keys.index(self.current)
        options.focus()

    def on_key(self, event: Key) -> None:
        keys = {k for k, _, _ in self.choices if len(k) == 1}
        if event.character and event.character.lower() in keys:
            event.stop()
            self.dismiss(event.character.lower())

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
