"""Undo for edits to documents, one rule for every screen that offers `u`.

The live session and the review screen each kept their own stack, and the two had drifted:
one undid a change onto the to-do as it is now, keeping what the partner changed since; the
other put back a whole old copy. Both now push an ``Edit`` here and ask ``reverting`` what to
save, so an undo behaves the same wherever it is pressed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from .merge import field_name, touched_fields, undo_onto
from .models import Doc

D = TypeVar("D", bound=Doc)

UNDO_DEPTH = 50
"""Edits kept per screen: enough for a session, bounded so a long one holds no history forever."""


@dataclass(frozen=True)
class Edit(Generic[D]):
    """One change a key made: for each document, the copy before (None: the change created it)
    and the copy it saved (None: the change deleted it)."""

    what: str
    changes: tuple[tuple[str, D | None, D | None], ...]

    @property
    def ids(self) -> set[str]:
        return {doc_id for doc_id, _, _ in self.changes}


def edit(what: str, before: Iterable[D | None], after: Iterable[D | None]) -> Edit[D]:
    """The edit that turned each of ``before`` into the ``after`` at the same place."""
    changes = []
    for old, new in zip(before, after, strict=True):
        doc = old if old is not None else new
        if doc is None:
            raise ValueError("an edit needs a document before or after")
        changes.append((doc.id, old, new))
    return Edit(what, tuple(changes))


def reverting(change: Edit[D], current: Callable[[str], D | None]) -> tuple[list[D], list[str]]:
    """What to save to undo ``change``, given each document as it is now: the puts and the ids
    to delete. A field the change touched goes back; a field the partner changed since stays.
    A document the change created is deleted; one it deleted, or that is gone since, comes back
    as it was."""
    puts: list[D] = []
    deletes: list[str] = []
    for doc_id, before, after in change.changes:
        if before is None:
            deletes.append(doc_id)
            continue
        now = current(doc_id)
        puts.append(undo_onto(now, before, after) if now is not None and after is not None else before)
    return puts, deletes


def kept_since(change: Edit[D], current: Callable[[str], D | None]) -> list[str]:
    """What an undo of ``change`` leaves alone because the partner changed it since, in words
    ("the title of 'Print the handouts'"), so the screen can say why it did not go back."""
    kept = []
    for doc_id, before, after in change.changes:
        now = current(doc_id)
        if before is None or after is None or now is None:
            continue
        for k in sorted(touched_fields(before, after)):
            if getattr(now, k) != getattr(after, k):
                kept.append(f"{field_name(k)} of {getattr(now, 'title', 'it')!r}")
    return kept


def undone_message(change: Edit[D], kept: list[str]) -> str:
    """What a screen says after an undo: one wording for every screen that offers `u`."""
    if not kept:
        return f"Undone: {change.what}"
    return f"Undone: {change.what}, except what your partner changed since: {', '.join(kept)}."


def undoing(change: Edit[D], current: Callable[[str], D | None]) -> tuple[list[D], list[str], str, bool]:
    """Everything a screen needs to undo ``change``: the puts, the ids to delete, what to say,
    and whether that is a warning (the partner changed something since, and it was kept)."""
    kept = kept_since(change, current)
    puts, deletes = reverting(change, current)
    return puts, deletes, undone_message(change, kept), bool(kept)


class UndoStack(Generic[D]):
    """The edits made on one screen, newest last, at most ``depth`` of them."""

    def __init__(self, depth: int = UNDO_DEPTH):
        self._edits: list[Edit[D]] = []
        self._depth = depth

    def push(self, change: Edit[D]) -> None:
        self._edits.append(change)
        del self._edits[: -self._depth]

    def pop(self) -> Edit[D] | None:
        return self._edits.pop() if self._edits else None

    @property
    def last(self) -> Edit[D] | None:
        return self._edits[-1] if self._edits else None

    def ids(self) -> set[str]:
        """Every document an edit here touched (the session keeps them in view, ticked or not)."""
        return {doc_id for change in self._edits for doc_id in change.ids}

    def __len__(self) -> int:
        return len(self._edits)
