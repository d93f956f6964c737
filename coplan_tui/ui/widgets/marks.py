"""Check boxes and radio buttons whose state shows without colour (NO_COLOR, screen readers).

Textual draws the same glyph on and off and tells them apart by colour alone.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Checkbox, RadioButton


class TickBox(Checkbox):
    """Space ticks; Enter submits the form it sits in, as every dialog's hint says."""

    BINDINGS = [
        Binding("space", "toggle_button", "Tick", show=False, id="tickbox.tick"),
        Binding("enter", "submit", "Save", show=False, id="tickbox.submit"),
    ]

    class Submitted(Message):
        pass

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "✓" if self.value else " "

    def action_submit(self) -> None:
        self.post_message(self.Submitted())


class Choice(RadioButton):
    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "●" if self.value else " "
