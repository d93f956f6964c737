"""Help for the screen underneath: what it is for, and every key it answers to."""

from __future__ import annotations

import re

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from ..text import lit


def screen_name(screen: Screen) -> str:
    """The screen's title, else its class in words: 'StartSessionScreen' is 'Start session'."""
    if screen.title:
        return screen.title
    words = re.findall(r"[A-Z][a-z]*|[a-z]+", type(screen).__name__.removesuffix("Screen").removesuffix("Dialog"))
    return " ".join(words).capitalize() or "coplan"


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "dismiss", "Close", id="help.close"),
        Binding("q", "dismiss", "Close", show=False, id="help.close_q"),
        Binding("question_mark", "dismiss", "Close", show=False, id="help.close_question"),
        Binding("f1", "dismiss", "Close", show=False, id="help.close_f1"),
    ]

    def __init__(self, target: Screen):
        super().__init__()
        self.target = target

    def compose(self) -> ComposeResult:
        about = getattr(self.target, "HELP", "") or ""
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold")
        table.add_column()
        seen = set()
        for key, active in self.target.active_bindings.items():
            b = active.binding
            # Only coplan's own keys: a focused DataTable's cursor keys are noise here.
            if not type(active.node).__module__.startswith("coplan_tui"):
                continue
            if not b.description or (b.action, b.description) in seen:
                continue
            seen.add((b.action, b.description))
            keys = self.app.get_key_display(b) if hasattr(self.app, "get_key_display") else key
            table.add_row(lit(keys), lit(b.description + (f": {b.tooltip}" if b.tooltip else "")))
        with VerticalScroll(id="help-body"):
            yield Static(lit(f"Help: {screen_name(self.target)}", "bold"), id="help-title")
            if about:
                yield Static(lit(about), id="help-about")
            yield Static(table, id="help-keys")
            yield Static(lit("ctrl+p opens the command palette: every action is there by name. escape closes this."), id="help-foot")

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
