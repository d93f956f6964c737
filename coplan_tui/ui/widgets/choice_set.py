"""A RadioSet where the arrow keys choose, as a keyboard user expects of a short list."""

from __future__ import annotations

from textual.widgets import RadioButton, RadioSet


class ChoiceSet(RadioSet):
    def _press_selected(self) -> None:
        if self._selected is not None:
            button = self._nodes[self._selected]
            if isinstance(button, RadioButton) and not button.value:
                button.value = True

    def action_next_button(self) -> None:
        super().action_next_button()
        self._press_selected()

    def action_previous_button(self) -> None:
        super().action_previous_button()
        self._press_selected()

    def chosen_index(self) -> int:
        """The index of the button that is on, or -1. Scans the buttons, which are the truth."""
        for index, button in enumerate(self.query(RadioButton)):
            if button.value:
                return index
        return -1
