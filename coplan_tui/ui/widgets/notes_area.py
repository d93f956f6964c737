"""The session's notes editor, where Escape followed quickly by a letter is a command.

A terminal sends Escape as one byte, ESC, and alt+n as ESC n. When a letter follows Escape
within the escape delay (tmux's escape-time, 500 ms by default, or Textual's own 50 ms) the
two arrive as one alt+letter. A plain editor types the letter into the notes and the
Escape is lost, so "Esc n" (leave the notes, next step) added an "n" instead.

Nobody types alt+letter into notes on purpose (it has no character of its own here), so
the editor reads it as what the user meant: leave the notes, then the letter as a command.
"""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import TextArea


class NotesArea(TextArea):
    class LeftWithKey(Message):
        """Escape and a letter arrived together: leave the notes, then run ``character``."""

        def __init__(self, character: str) -> None:
            super().__init__()
            self.character = character

    async def _on_key(self, event: events.Key) -> None:
        character = event.character
        if event.key.startswith("alt+") and character and len(character) == 1 and character.isalnum():
            event.stop()
            event.prevent_default()
            self.post_message(self.LeftWithKey(character))
            return
        await super()._on_key(event)
