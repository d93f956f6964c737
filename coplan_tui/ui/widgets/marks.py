"""Check boxes and radio buttons whose state shows without colour (NO_COLOR, screen readers).

Textual draws the same glyph on and off and tells them apart by colour alone.
"""

from __future__ import annotations

from textual.widgets import Checkbox, RadioButton


class TickBox(Checkbox):
    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "✓" if self.value else " "


class Choice(RadioButton):
    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "●" if self.value else " "
