"""Shown instead of the app while the terminal is smaller than 80x24.

Every screen is laid out for at least 80x24; below that tables scroll sideways and the
footer loses its keys. The notice goes away by itself once the window is large enough,
and whatever was open underneath is still there.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Static

from ...terminal import MIN_HEIGHT, MIN_WIDTH
from ..text import lit


class TooSmallScreen(ModalScreen[None]):
    BINDINGS = [Binding("q", "app.quit", "Quit", id="too_small.quit")]

    def compose(self) -> ComposeResult:
        yield Static("", id="too-small")

    def on_mount(self) -> None:
        self.show_size(self.app.size.width, self.app.size.height)

    def show_size(self, width: int, height: int) -> None:
        self.query_one("#too-small", Static).update(
            lit(
                f"This window is {width}x{height}. coplan needs at least {MIN_WIDTH}x{MIN_HEIGHT}.\n"
                "Make the window larger (or the font smaller) and coplan comes back as it was.\n"
                "q quits."
            )
        )
