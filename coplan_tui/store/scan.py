"""Load a DB file document by document, keeping each document's bytes as the file has them.

``json.loads`` builds every document as dicts before one is validated: for 50,000 to-dos
that is ~95 MB of dicts on top of the models made from them, and then the first save
encodes all 50,000 again. Here the file is walked one table and one document at a time:
each document is parsed, validated into its model and dropped, and its text (``"key":{...}``,
with the comma before it) becomes that document's piece of the ``EncodedTable``, so the
first save writes the bytes it read instead of encoding them anew.

The file is read as Latin-1, one character per byte, so the text costs what the file
does (UTF-8 text with one emoji would cost four bytes a character) and every slice of it
turns back into the file's exact bytes. The structure is all ASCII, so the scanner finds
documents' bounds in it; a document that is ASCII throughout is parsed right as it is, and
any other is validated again from its UTF-8 bytes.

Only the layout coplan writes is taken this way (an object of tables of objects, ``_meta``
first, at the current schema version). Anything else (an older schema to migrate, a
damaged or hand-edited file, an invalid document) returns None, and the caller falls back
to ``json.loads``, which gives the exact reason.
"""

from __future__ import annotations

import json
import re
from pydantic import BaseModel, ValidationError

from .encoded import EncodedTable
from .raw import _DuplicateKey, _unique_keys
from . import schema
from .schema import APP_MARKER, META_TABLE, SchemaProblem, meta_of
from .tables import Compactor, Table

_SPACE = re.compile(r"[ \t\n\r]*")
_DECODE = json.JSONDecoder(object_pairs_hook=_unique_keys).raw_decode
"""Two equal keys in one object send the file to the slow path, which refuses it by name."""


class _Unusual(Exception):
    """The file is not laid out as coplan writes it: take the slow, exact path."""


def as_text(raw: bytes) -> str:
    """The file's bytes as the scanner reads them; ``text.encode("latin-1")`` gives them back."""
    return raw.decode("latin-1")


def scan_file(text: str, models: dict[str, type[BaseModel]]) -> tuple[dict[str, Table], dict[str, EncodedTable]] | None:
    """Tables and their encoded pieces from ``as_text(raw)``, or None when the slow path must decide."""
    try:
        return _Scanner(text, models).file()
    except (_Unusual, ValueError, IndexError, SchemaProblem, ValidationError):  # UnicodeDecodeError is a ValueError
        return None


class _Scanner:
    def __init__(self, text: str, models: dict[str, type[BaseModel]]):
        self.text = text
        self.at = 0
        self.models = models
        self.compact = Compactor()

    def _space(self) -> None:
        self.at = _SPACE.match(self.text, self.at).end()  # type: ignore[union-attr]

    def _expect(self, char: str) -> None:
        self._space()
        if self.text[self.at] != char:
            raise _Unusual(char)
        self.at += 1

    def _peek(self) -> str:
        self._space()
        return self.text[self.at]

    def _key(self) -> str:
        self._space()
        if self.text[self.at] != '"':
            raise _Unusual("key")
        key, self.at = _DECODE(self.text, self.at)
        return key

    def file(self) -> tuple[dict[str, Table], dict[str, EncodedTable]]:
        tables: dict[str, Table] = {}
        encoded: dict[str, EncodedTable] = {}
        self._expect("{")
        first = True
        while self._peek() != "}":
            if not first:
                self._expect(",")
            name = self._key()
            self._expect(":")
            if name in tables or (first and name != META_TABLE):
                raise _Unusual(name)
            tables[name], encoded[name] = self._table(self.models.get(name), name)
            if first:
                meta = meta_of({META_TABLE: tables[name].docs})
                if meta is None or meta.get("app") != APP_MARKER or meta.get("schema_version") != schema.SCHEMA_VERSION:
                    raise _Unusual("not this schema: the slow path migrates or refuses it")
            first = False
        self.at += 1
        self._space()
        if self.at != len(self.text) or first:
            raise _Unusual("trailing text")
        for name in self.models:
            tables.setdefault(name, Table())
        return tables, encoded

    def _table(self, cls: type[BaseModel] | None, name: str) -> tuple[Table, EncodedTable]:
        text = self.text
        table = Table()
        docs, keys = table.docs, table.keys
        slots: dict[str, int] = {}
        pieces: list[bytes] = []
        top = 0
        self._expect("{")
        while self._peek() != "}":
            start = self.at
            if pieces:
                self._expect(",")
            key = self._key()
            self._expect(":")
            self._space()
            begin = self.at
            try:
                doc, self.at = _DECODE(text, begin)
            except _DuplicateKey:
                raise _Unusual(name) from None
            if not isinstance(doc, dict) or key in slots or not key.isascii():
                raise _Unusual(name)
            top = max(top, int(key))
            piece = text[start : self.at].strip()
            if not piece.isascii():  # the dict holds UTF-8 bytes as Latin-1 characters
                try:
                    doc = json.loads(text[begin : self.at].encode("latin-1"), object_pairs_hook=_unique_keys)
                except _DuplicateKey:
                    raise _Unusual(name) from None
            value = doc if cls is None else self.compact.validate(cls, doc)
            uuid = value.id if cls is not None else doc.get("id", key)  # type: ignore[attr-defined]
            if uuid in docs:
                raise _Unusual("a repeated id")
            docs[uuid] = value
            keys[uuid] = key
            slots[key] = len(pieces)
            pieces.append(piece.encode("latin-1"))
        self.at += 1
        table.next_key = top + 1
        return table, EncodedTable.from_pieces(slots, pieces)

