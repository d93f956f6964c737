"""Three-way merge of two saves of one document, so neither window silently loses an edit.

A window saves a document it read at some revision (the base). If another window saved
the same document since, each field keeps the change that was made to it: the field one
window changed and the other left alone takes the change; a field both changed to
different values takes the later save (ours, since it is being written now) and is
reported, so the window whose value was replaced can say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .models import REVISION_FIELDS, Doc
from .shared_notes import SharedNotes, merged_state

BOOKKEEPING = REVISION_FIELDS | {"updated_at", "last_activity", "notes_state"}
"""Fields that change with every save, or merge by their own rule: never a conflict."""


@dataclass(frozen=True)
class Conflict:
    field: str
    """The top-level field both saves changed, e.g. ``title`` or ``due``."""
    ours: Any
    theirs: Any
    leaf: str = ""
    """The innermost key, e.g. ``notes`` inside a step run."""


def three_way(base: Any, ours: Any, theirs: Any, path: str = "", leaf: str = "") -> tuple[Any, list[Conflict]]:
    """Merge ``ours`` and ``theirs`` (JSON values) given their common ``base``."""
    if ours == theirs:
        return ours, []
    if ours == base:
        return theirs, []
    if theirs == base:
        return ours, []
    if isinstance(ours, dict) and isinstance(theirs, dict):
        base = base if isinstance(base, dict) else {}
        merged: dict[str, Any] = {}
        conflicts: list[Conflict] = []
        for key in dict.fromkeys([*theirs, *ours]):
            merged[key], found = three_way(base.get(key), ours.get(key), theirs.get(key), path or key, key)
            if path == "" and key in BOOKKEEPING:
                found = []
            conflicts += found
        return merged, conflicts
    if isinstance(ours, list) and isinstance(theirs, list) and isinstance(base, list) and len(ours) == len(theirs) == len(base):
        items, conflicts = [], []
        for b, o, t in zip(base, ours, theirs):
            value, found = three_way(b, o, t, path, leaf)
            items.append(value)
            conflicts += found
        return items, conflicts
    return ours, [Conflict(path, ours, theirs, leaf)]


def merge_documents(base: dict[str, Any] | None, ours: dict[str, Any], theirs: dict[str, Any]) -> tuple[dict[str, Any], list[Conflict]]:
    """``ours`` saved from ``base`` while ``theirs`` was saved by someone else: the merge.

    Session notes merge through their shared text (every character of both windows), never
    as a conflict; without a base, every field that differs counts as both changed."""
    merged, conflicts = three_way(base if base is not None else {}, ours, theirs)
    if ours.get("notes_state") or theirs.get("notes_state"):
        state = merged_state(ours.get("notes_state", ""), theirs.get("notes_state", ""))
        merged["notes_state"] = state
        notes = SharedNotes(state)
        steps = merged.get("steps") or []
        merged["steps"] = [{**run, "notes": notes.text(i)} for i, run in enumerate(steps)]
        conflicts = [c for c in conflicts if not (c.field == "steps" and c.leaf == "notes")]
    return merged, conflicts


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


def undo_onto(current: Doc, before: Doc, after: Doc) -> Doc:
    """Undo one change on the document as it is now: the fields that change touched go back
    to ``before``; whatever the partner changed since stays. Saving ``before`` itself would
    merge as "nothing changed here" and keep the partner's copy: the undo would do nothing."""
    touched = {k for k in type(before).model_fields if k not in REVISION_FIELDS and getattr(before, k) != getattr(after, k)}
    return current.model_copy(update={k: getattr(before, k) for k in touched})
