"""Ask before anything that throws work away: yes with y, no with n or escape.

Enter answers nothing: these questions are about discarding or deleting, and an Enter meant
for the form underneath (or pressed out of habit) discarded a new partnership's form."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ..text import clip, lit

QUESTION_MAX = 300


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n", "answer(False)", "No", id="confirm.no"),
        Binding("escape", "answer(False)", "No", show=False, id="confirm.no_escape"),
    ]

    def __init__(self, question: str, detail: str = ""):
        super().__init__()
        self.question = clip(question, QUESTION_MAX)  # a 5,000-character name pushed y/n off screen
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(lit(self.question, "bold"), id="confirm-question")
            if self.detail:
                yield Static(lit(self.detail), id="confirm-detail")
            yield Static(lit("y  yes      n or escape  no", "dim"), id="confirm-keys")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


def confirm(app: App, question: str, detail: str, then: Callable[[], None]) -> None:
    """Ask ``question``; run ``then`` only on yes."""

    def answer(yes: bool | None) -> None:
        if yes:
            then()

    app.push_screen(ConfirmScreen(question, detail), answer)
