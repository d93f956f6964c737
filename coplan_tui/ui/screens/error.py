"""Shown instead of the app when the database cannot be opened. Nothing is written."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from ..text import lit
from ..widgets.footer import CoplanFooter


class StoreErrorScreen(Screen[None]):
    HELP = "coplan could not open the database. The file was not changed. Restore a backup with `coplan restore`."
    BINDINGS = [Binding("q", "app.quit", "Quit", id="error.quit")]

    def __init__(self, message: str):
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(id="error-box"):
            yield Static(lit("coplan cannot open this database", "bold"), id="error-title")
            yield Static(lit(self.message), id="error-message")
        yield CoplanFooter()
