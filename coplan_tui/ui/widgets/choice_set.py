"""A RadioSet where the arrow keys choose, as a keyboard user expects of a short list.

Textual's RadioSet presses its first row when mounted and keeps a private note of the pressed
button that goes stale when its buttons are replaced; either way a form saved the first member
instead of the one shown. Here the buttons' own values are the truth, the cursor starts on the
chosen row, and Enter submits the form instead of toggling.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget
from textual.widgets import RadioButton, RadioSet


class ChoiceSet(RadioSet):
    BINDINGS = [Binding("enter", "submit", "Save", show=False, id="choice_set.submit")]

    class Submitted(Message):
        """Enter on the list: the form saves, as its hint says."""

        def __init__(self, choice_set: ChoiceSet) -> None:
            super().__init__()
            self.choice_set = choice_set

        @property
        def control(self) -> ChoiceSet:
            return self.choice_set

    def _on_mount(self, event: events.Mount) -> None:
        event.prevent_default()  # RadioSet's own mount presses the first row
        Widget._on_mount(self, event)
        self._sync()

    def _sync(self) -> None:
        """Take the pressed button and the cursor from the buttons themselves."""
        buttons = list(self.query_children(RadioButton))
        on = [b for b in buttons if b.value]
        with self.prevent(RadioButton.Changed):
            for button in buttons:
                button.can_focus = False
            for button in on[1:]:
                button.value = False
        self._pressed_button = on[0] if on else None
        self._selected = buttons.index(on[0]) if on else (0 if buttons else None)

    async def set_choices(self, buttons: Sequence[RadioButton]) -> None:
        """Replace the rows; the one whose value is on is chosen and under the cursor."""
        await self.remove_children()
        self._pressed_button = None
        self._selected = None
        await self.mount_all(buttons)
        self._sync()

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

    def action_submit(self) -> None:
        self.post_message(self.Submitted(self))

    def chosen_index(self) -> int:
        """The index of the button that is on, or -1. Scans the buttons, which are the truth."""
        for index, button in enumerate(self.query_children(RadioButton)):
            if button.value:
                return index
        return -1
