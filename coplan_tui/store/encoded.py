"""A table's documents kept as ready-to-write JSON pieces, patched in place on each change.

The store rewrites the whole file on every save. Re-joining 50,000 encoded documents each
time is a C loop that holds the GIL for milliseconds, and the UI thread shares that GIL. So
each table keeps the list it hands to ``os.writev``: one piece per document, each but the
first carrying the comma before it. Changing a document swaps one piece, adding one appends
one, and removing one blanks its piece (an empty piece writes nothing); when the first
document goes, the next one drops its comma. Blanks are swept out once they outnumber the
documents, so a removal costs the same whatever the table's size.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def dumps(value: Any) -> bytes:
    return _ENCODER.encode(value).encode("utf-8")


def entry(key: str, doc: Any) -> bytes:
    """``"key":{...}``: one document as its table holds it."""
    body = doc.__pydantic_serializer__.to_json(doc) if isinstance(doc, BaseModel) else dumps(doc)
    return dumps(key) + b":" + body


SWEEP_AT = 64
"""Blanks tolerated before a sweep is considered (a sweep also needs blanks > documents)."""


class EncodedTable:
    __slots__ = ("pieces", "size", "_slots", "_first", "_blanks", "_blob")

    def __init__(self, entries: dict[str, bytes]):
        """``entries``: doc_id -> ``"doc_id":{...}``, in file order."""
        self.pieces: list[bytes] = []
        self.size = 0
        """Bytes in ``pieces``, so the writer can tell a short write without summing them."""
        self._slots: dict[str, int] = {}
        self._first = 0
        """The slot of the first document: the one piece without a leading comma."""
        self._blanks = 0
        self._blob = False
        """``pieces[0]`` holds the documents of a table not read yet, whole."""
        self._rebuild(entries)

    @classmethod
    def encode(cls, docs: dict[str, Any], dumps: Callable[[Any], bytes]) -> EncodedTable:
        return cls({doc_id: dumps(doc_id) + b":" + dumps(doc) for doc_id, doc in docs.items()})

    @classmethod
    def from_pieces(cls, slots: dict[str, int], pieces: list[bytes]) -> EncodedTable:
        """A table from pieces already laid out (each but the first starting with its comma)."""
        table = cls({})
        table.pieces = pieces
        table._slots = slots
        table.size = sum(map(len, pieces))
        return table

    @classmethod
    def blob(cls, documents: bytes) -> EncodedTable:
        """A table whose documents (``"1":{...},"2":{...}``, not empty) are not parsed yet."""
        table = cls.from_pieces({}, [documents])
        table._blob = True
        return table

    def open_blob(self, read: EncodedTable) -> None:
        """The blob's documents were parsed into ``read``: its pieces take the blob's place."""
        assert self._blob and read.pieces and not read._blob and read._first == 0
        shift = len(read.pieces) - 1
        self._slots = {**read._slots, **{key: slot + shift for key, slot in self._slots.items()}}
        self.pieces = read.pieces + self.pieces[1:]
        self._blanks += read._blanks
        self.size = sum(map(len, self.pieces))
        self._blob = False

    def _rebuild(self, entries: dict[str, bytes]) -> None:
        values = list(entries.values())
        self.pieces = values[:1] + [b"," + v for v in values[1:]]
        self._slots = dict(zip(entries, range(len(values))))
        self._first = 0
        self._blanks = 0
        self.size = sum(map(len, self.pieces))

    def _entry(self, slot: int) -> bytes:
        piece = self.pieces[slot]
        return piece if slot == self._first else piece[1:]

    def put(self, doc_id: str, entry: bytes) -> None:
        slot = self._slots.get(doc_id)
        if slot is None:
            slot = self._slots[doc_id] = len(self.pieces)
            if len(self._slots) == 1 and not self._blob:
                self._first = slot
            self.pieces.append(b"")
        piece = entry if slot == self._first else b"," + entry
        self.size += len(piece) - len(self.pieces[slot])
        self.pieces[slot] = piece

    def remove(self, doc_id: str) -> None:
        slot = self._slots.pop(doc_id, None)
        if slot is None:
            return
        pieces = self.pieces
        self.size -= len(pieces[slot])
        pieces[slot] = b""
        self._blanks += 1
        if slot == self._first and self._slots:
            after = slot + 1
            while not pieces[after]:
                after += 1
            self._first = after
            pieces[after] = pieces[after][1:]
            self.size -= 1
        if self._blanks > SWEEP_AT and self._blanks > len(self._slots) and not self._blob:
            self._rebuild({d: self._entry(s) for d, s in sorted(self._slots.items(), key=lambda item: item[1])})
