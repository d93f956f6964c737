"""A RadioSet where the arrow keys choose, as a keyboard user expects of a short list."""

from __future__ import annotations

from textual.widgets import RadioButton, RadioSet


class ChoiceSet(RadioSet):
    """Also for buttons mounted after the set: RadioSet only learns which button is on when
    it mounts, so a button added later and then clicked stayed on beside the first one, and
    the first one won (the start screen saved the suggested leader whatever was chosen)."""

    def _only(self, chosen: RadioButton) -> None:
        """Turn every other button off now, so ``chosen_index`` is right before any message runs."""
        with self.prevent(RadioButton.Changed):
            for button in self.query(RadioButton):
                if button is not chosen and button.value:
                    button.value = False

    def _on_radio_button_changed(self, event: RadioButton.Changed) -> None:
        if event.radio_button.value:
            self._only(event.radio_button)
        super()._on_radio_button_changed(event)

    def on_focus(self) -> None:
        """Start the arrows from the button that is on (a suggestion), not from before the first."""
        index = self.chosen_index()
        if index >= 0 and self._selected != index:
            self._selected = index

    def _press_selected(self) -> None:
        if self._selected is not None:
            button = self._nodes[self._selected]
            if isinstance(button, RadioButton) and not button.value:
                self._only(button)
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
