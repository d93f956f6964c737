"""A table's documents kept as ready-to-write JSON pieces, patched in place on each change.

The store rewrites the whole file on every save. Re-joining 50,000 encoded documents each
time is a C loop that holds the GIL for milliseconds, and the UI thread shares that GIL. So
each table keeps the list it hands to ``os.writev`` (``entry, b",", entry, ...``): changing
a document swaps one item, adding one appends two, and only a removal rebuilds the list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class EncodedTable:
    __slots__ = ("entries", "pieces", "size", "_slots")

    def __init__(self, entries: dict[str, bytes]):
        self.entries = entries
        """doc_id -> ``"doc_id":{...}``"""
        self.pieces: list[bytes] = []
        self.size = 0
        """Bytes in ``pieces``, so the writer can tell a short write without summing them."""
        self._slots: dict[str, int] = {}
        self._rebuild()

    @classmethod
    def encode(cls, docs: dict[str, Any], dumps: Callable[[Any], bytes]) -> EncodedTable:
        return cls({doc_id: dumps(doc_id) + b":" + dumps(doc) for doc_id, doc in docs.items()})

    def _rebuild(self) -> None:
        entries = list(self.entries.values())
        pieces: list[bytes] = [b","] * max(0, 2 * len(entries) - 1)
        pieces[0::2] = entries  # slice assignment: no Python-level loop over 50,000 items
        self.pieces = pieces
        self._slots = dict(zip(self.entries, range(0, len(pieces), 2)))
        self.size = sum(map(len, pieces))

    def put(self, doc_id: str, entry: bytes) -> None:
        slot = self._slots.get(doc_id)
        if slot is None:
            if self.pieces:
                self.pieces.append(b",")
                self.size += 1
            self._slots[doc_id] = len(self.pieces)
            self.pieces.append(entry)
        else:
            self.size -= len(self.pieces[slot])
            self.pieces[slot] = entry
        self.size += len(entry)
        self.entries[doc_id] = entry

    def remove(self, doc_id: str) -> None:
        if self.entries.pop(doc_id, None) is not None:
            self._rebuild()  # rare (a deleted document), and the commas must stay between entries
