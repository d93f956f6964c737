"""Edits the window has made and the disk does not hold yet, shown on top of the file's copy.

The UI saves on a writer thread (``ui/gateway.py``), so a view that re-read the store before the
write landed showed the older copy over the user's own edit. Screens worked around that three
ways (an overlay of their own, "is it still saving?" checks, navigating only once the write
landed). Now the store itself keeps the staged edits in the order they were made and reads
through them, so every view sees an edit at the key that made it; the writer persists them in
the same order and drops each one once it is on disk, or once the store refused it.

Each staging gets a sequence number. The writer persists changes in order, so "everything up
to number N is on disk" is one number, and an entry staged again later keeps its newer number.
"""

from __future__ import annotations

from typing import Any

DELETED = None
"""A staged deletion."""


class Staged:
    __slots__ = ("_entries", "_seq")

    def __init__(self) -> None:
        self._entries: dict[str, dict[str, tuple[int, Any]]] = {}
        """table -> id -> (sequence number, document or DELETED), in the order staged."""
        self._seq = 0

    def __bool__(self) -> bool:
        return any(self._entries.values())

    def add(self, changes: list[tuple[str, str, Any]]) -> int:
        """Stage (table, id, document or DELETED) entries as one change; its sequence number."""
        self._seq += 1
        for table, doc_id, doc in changes:
            entries = self._entries.setdefault(table, {})
            entries.pop(doc_id, None)  # re-insert: a document staged again moves to the end
            entries[doc_id] = (self._seq, doc)
        return self._seq

    def of(self, table: str) -> dict[str, Any]:
        """id -> staged document (or DELETED) of one table."""
        entries = self._entries.get(table)
        return {doc_id: doc for doc_id, (_, doc) in entries.items()} if entries else {}

    def lookup(self, table: str, doc_id: str) -> tuple[bool, Any]:
        """(whether it is staged, the staged document or DELETED)."""
        entry = self._entries.get(table, {}).get(doc_id)
        return (False, None) if entry is None else (True, entry[1])

    def drop_through(self, seq: int) -> list[tuple[str, str]]:
        """Forget what changes up to ``seq`` staged (they are on disk); what was forgotten."""
        return self._drop(lambda n: n <= seq)

    def drop(self, seq: int) -> list[tuple[str, str]]:
        """Forget what change ``seq`` staged (the store refused it); what was forgotten."""
        return self._drop(lambda n: n == seq)

    def _drop(self, which) -> list[tuple[str, str]]:
        gone = []
        for table, entries in self._entries.items():
            for doc_id in [i for i, (n, _) in entries.items() if which(n)]:
                del entries[doc_id]
                gone.append((table, doc_id))
        return gone


def overlaid(docs: dict[str, Any], staged: dict[str, Any]) -> dict[str, Any]:
    """The file's documents with the staged ones on top (a copy only when something is staged)."""
    if not staged:
        return docs
    merged = dict(docs)
    for doc_id, doc in staged.items():
        if doc is DELETED:
            merged.pop(doc_id, None)
        else:
            merged[doc_id] = doc
    return merged
