"""A session's notes as text two partners can type into at once, from two processes.

Plain strings can only be replaced whole, so the last window to save erased the other's
words. Here each step's notes are a Yjs text (pycrdt, the engine behind Jupyter's
collaborative editing): an edit is recorded as inserts and deletes at positions, and
merging two copies keeps every character of both. The encoded state travels inside the
session document (``Session.notes_state``); the plain ``StepRun.notes`` stay as a copy for
search, minutes and exports.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence

from pycrdt import Doc, Text

SEED_CLIENT = 1
"""Notes written before the CRDT (or by the CLI) are seeded under this one fixed client id,
so two processes seeding the same text make identical updates and the merge keeps one copy."""


def _key(step: int) -> str:
    return f"step-{step}"


def _offset(text: str, index: int) -> int:
    """pycrdt counts positions in UTF-8 bytes; Python in code points."""
    return len(text[:index].encode("utf-8"))


class SharedNotes:
    """One session's notes: ``edit`` records a change as positional operations, ``merge``
    folds in another copy's state, ``state`` is what is saved."""

    def __init__(self, state: str = "", plain: Sequence[str] = ()):
        self._doc = Doc()
        if state:
            self.merge(state)
        else:
            self._seed_from(plain)

    def _seed_from(self, plain: Sequence[str]) -> None:
        seeded = Doc(client_id=SEED_CLIENT)
        for step, text in enumerate(plain):
            if text:
                seeded[_key(step)] = Text(text)
        self._doc.apply_update(seeded.get_update())

    def _text(self, step: int) -> Text:
        return self._doc.get(_key(step), type=Text)

    def text(self, step: int) -> str:
        return str(self._text(step))

    def texts(self, steps: int) -> list[str]:
        return [self.text(i) for i in range(steps)]

    def edit(self, step: int, new: str) -> None:
        """Record the change from the current text to ``new`` as one delete and one insert
        around the common prefix and suffix: what a person's keystroke or paste did."""
        shared = self._text(step)
        old = str(shared)
        if old == new:
            return
        start, end_old, end_new = changed_span(old, new)
        with self._doc.transaction():
            if end_old > start:
                del shared[_offset(old, start) : _offset(old, end_old)]
            if end_new > start:
                shared.insert(_offset(old, start), new[start:end_new])

    def merge(self, state: str) -> None:
        if state:
            self._doc.apply_update(base64.b64decode(state))

    def state(self) -> str:
        return base64.b64encode(self._doc.get_update()).decode("ascii")


def merged_state(*states: str) -> str:
    """The union of several saved states (one window's and another's)."""
    notes = SharedNotes()
    for state in states:
        notes.merge(state)
    return notes.state()


def changed_span(old: str, new: str) -> tuple[int, int, int]:
    """``(start, end_old, end_new)``: ``old[start:end_old]`` became ``new[start:end_new]``,
    the rest being the text both share before and after."""
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    return start, end_old, end_new
