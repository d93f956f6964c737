"""Three-way merge of two saves of one document, so neither window silently loses an edit.

A window saves a document it read at some revision (the base). If another window saved
the same document since, each field keeps the change that was made to it: the field one
window changed and the other left alone takes the change; a field both changed to
different values takes the later save (ours, since it is being written now); the window
whose value was replaced learns it when it reads the file (``store.Notice``).
"""

from __future__ import annotations

from typing import Any, TypeVar

from .models import REVISION_FIELDS, Doc

D = TypeVar("D", bound=Doc)

BOOKKEEPING = REVISION_FIELDS | {"updated_at", "last_activity", "notes_state"}
"""Fields that change with every save, or merge by their own rule: never worth a notice."""


def three_way(base: Any, ours: Any, theirs: Any) -> Any:
    """Merge ``ours`` and ``theirs`` (JSON values) given their common ``base``."""
    if ours == theirs or theirs == base:
        return ours
    if ours == base:
        return theirs
    if isinstance(ours, dict) and isinstance(theirs, dict):
        base = base if isinstance(base, dict) else {}
        return {key: three_way(base.get(key), ours.get(key), theirs.get(key)) for key in dict.fromkeys([*theirs, *ours])}
    if isinstance(ours, list) and isinstance(theirs, list) and isinstance(base, list) and len(ours) == len(theirs) == len(base):
        return [three_way(b, o, t) for b, o, t in zip(base, ours, theirs)]
    return ours  # both changed it: the later save wins


def merge_documents(base: dict[str, Any] | None, ours: dict[str, Any], theirs: dict[str, Any]) -> dict[str, Any]:
    """``ours`` saved from ``base`` while ``theirs`` was saved by someone else: the merge.

    Session notes merge through their shared text (every character of both windows);
    without a base, every field that differs counts as changed by both."""
    merged = three_way(base if base is not None else {}, ours, theirs)
    if ours.get("notes_state") or theirs.get("notes_state"):
        from .shared_notes import SharedNotes, merged_state  # pycrdt: only sessions' notes need it

        state = merged_state(ours.get("notes_state", ""), theirs.get("notes_state", ""))
        merged["notes_state"] = state
        notes = SharedNotes(state)
        steps = merged.get("steps") or []
        merged["steps"] = [{**run, "notes": notes.text(i)} for i, run in enumerate(steps)]
    return merged


FIELD_NAMES = {
    "title": "the title",
    "owner": "the owner",
    "due": "the due date",
    "feedback_by": "the feedback date",
    "status": "done / open",
    "notes": "the notes",
    "leader_id": "who leads",
    "steps": "the step timings",
    "current_step": "the current step",
}


def field_name(field: str) -> str:
    return FIELD_NAMES.get(field, field.replace("_", " "))


def touched_fields(before: D, after: D) -> set[str]:
    return {k for k in type(before).model_fields if k not in REVISION_FIELDS and getattr(before, k) != getattr(after, k)}


def undo_onto(current: D, before: D, after: D) -> D:
    """Undo one change on the document as it is now: the fields that change touched go back
    to ``before``, unless the partner changed them since (their later value stays: an undo
    must not wipe it); whatever else the partner changed stays too. Saving ``before`` itself
    would merge as "nothing changed here" and keep the partner's copy: the undo would do nothing."""
    ours = {k for k in touched_fields(before, after) if getattr(current, k) == getattr(after, k)}
    return current.model_copy(update={k: getattr(before, k) for k in ours})
