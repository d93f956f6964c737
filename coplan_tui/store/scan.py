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

With ``lazy``, a model table is not parsed at all: its text is found whole and kept for later
(``unread.py``). Its end is the next table's start (``},"todos":{"1":{``): a string in the file
holds no bare ``"``, and no document nests numbered documents. A table with none after it is
the last, and the file must end right after it. The table's braces must balance, so a damaged
file is not taken this way; nor is one with a table coplan does not keep.

Only the layout coplan writes is taken this way (an object of tables of objects, ``_meta``
first, at the current schema version). Anything else (an older schema to migrate, a
damaged or hand-edited file, an invalid document) returns None, and the caller falls back
to ``json.loads``, which gives the exact reason.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from pydantic import BaseModel, ValidationError

from .encoded import EncodedTable
from .raw import _DuplicateKey, _unique_keys
from . import schema
from .schema import APP_MARKER, META_TABLE, TABLES, SchemaProblem, meta_of
from .tables import Compactor, Table
from .unread import Unread

_SPACE = re.compile(r"[ \t\n\r]*")
_TABLE_NAMES = frozenset((META_TABLE, *TABLES))
_WS = r"[ \t\n\r]*"
_DOCUMENTS = rf'{_WS}(?:"[0-9]+"{_WS}:{_WS}\{{|\}})'
_TABLE_NAMES_RE = "|".join(sorted(_TABLE_NAMES))
_OBJECT_AFTER = re.compile(
    rf'\}}{_WS},{_WS}"(?:(?P<table>{_TABLE_NAMES_RE})"{_WS}:'
    rf'|(?P<name>(?![0-9]+")[^"\\]*)"{_WS}:{_WS}\{{(?P<documents>{_DOCUMENTS})?'
    rf'|(?P<numbered>[0-9]+)"{_WS}:{_WS}\{{{_DOCUMENTS})'
)
"""After an object, a name. A table's name (no document has a field named so) is where a table
ends and the next begins, whatever the next one's value: a damaged one (a list) must not be
taken as part of this one. Another name before numbered documents, or an empty object, is a
table coplan does not keep (no document nests such an object, nor an empty one right after an
object). Otherwise a field inside a document, or the next document of the table."""


def _next_table(text: str, start: int) -> re.Match[str] | None:
    for found in _OBJECT_AFTER.finditer(text, start):
        if found["table"] is not None or found["documents"] is not None or found["numbered"] is not None:
            return found
    return None


_ENTRY = re.compile(r'(,?)[ \t\n\r]*"([0-9]{1,18})"[ \t\n\r]*:[ \t\n\r]*')
"""The comma before a document (all but the first), its TinyDB number and the colon after; any
other key (escaped, signed, too long) sends the file to the slow path, which says what is wrong."""
_DECODE = json.JSONDecoder(object_pairs_hook=_unique_keys).raw_decode
"""Two equal keys in one object send the file to the slow path, which refuses it by name."""


def _end_brace(text: str, end: int) -> int:
    """Just after the ``}`` that ends ``text[:end]`` but for spaces; 0 when it ends otherwise."""
    while end > 0 and text[end - 1] in " \t\n\r":
        end -= 1
    return end if end > 0 and text[end - 1] == "}" else 0


class _Unusual(Exception):
    """The file is not laid out as coplan writes it: take the slow, exact path."""


def as_text(raw: bytes) -> str:
    """The file's bytes as the scanner reads them; ``text.encode("latin-1")`` gives them back."""
    return raw.decode("latin-1")


def scan_file(
    text: str,
    models: dict[str, type[BaseModel]],
    lazy: tuple[bytes, Callable[[str], Exception]] | None = None,
    keep: bool = True,
) -> tuple[dict[str, Table], dict[str, EncodedTable]] | None:
    """Tables and their encoded pieces from ``as_text(raw)``, or None when the slow path must decide.

    ``lazy``: ``(raw, fail)`` leaves each model table unread (see ``unread.py``), raising what
    ``fail`` makes when one read later is invalid.
    ``keep=False``: every model document is validated as for keeping, then dropped; each table
    maps its ids to None (``coplan check`` counts them; it would only pay to keep them)."""
    try:
        return _Scanner(text, models, lazy, keep).file()
    except (_Unusual, ValueError, IndexError, RecursionError, SchemaProblem, ValidationError):  # UnicodeDecodeError is a ValueError
        return None


def scan_table(text: str, cls: type[BaseModel], name: str) -> tuple[Table, EncodedTable] | None:
    """One table's ``{...}`` text, read as ``scan_file`` reads it, or None for the slow path."""
    try:
        scanner = _Scanner(text, {name: cls})
        found = scanner._table(cls, name)
        scanner._space()
        return None if scanner.at != len(text) else found
    except (_Unusual, ValueError, IndexError, RecursionError, ValidationError):
        return None


class _Scanner:
    def __init__(
        self,
        text: str,
        models: dict[str, type[BaseModel]],
        lazy: tuple[bytes, Callable[[str], Exception]] | None = None,
        keep: bool = True,
    ):
        self.text = text
        self.at = 0
        self.models = models
        self.lazy = lazy
        self.keep = keep
        """False: validate every document and keep only its id (see ``scan_file``)."""
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
            cls = self.models.get(name)
            unread = None if first or cls is None or self.lazy is None else self._unread(cls, name)
            tables[name], encoded[name] = unread or self._table(cls, name)
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

    def _unread(self, cls: type[BaseModel], name: str) -> tuple[Table, EncodedTable] | None:
        """The table at ``self.at`` as text, not parsed; None when it is empty or laid out otherwise."""
        self._space()
        text, start = self.text, self.at
        first = _SPACE.match(text, start + 1).end()  # type: ignore[union-attr]
        if text[start] != "{" or text[first] != '"':
            return None  # not an object, or an empty one
        follows = _next_table(text, start)
        if follows is not None:
            if follows["table"] is None:
                return None  # a table coplan does not keep (TinyDB's _default): read the file whole
            end = follows.start() + 1
        else:  # the last table: the file ends with its brace and the file's own
            outer = _end_brace(text, len(text))
            end = _end_brace(text, outer - 1) if outer else 0
            if end <= start + 1:
                return None
        last = _end_brace(text, end - 1)  # the documents without the spaces around them
        assert self.lazy is not None
        raw = self.lazy[0]
        if last <= first or raw.count(b"{", start, end) != raw.count(b"}", start, end):
            return None  # braces out of balance (damaged, or in some text): read it, exactly
        table = Table()
        documents = slice(first, last)
        table.unread = Unread(name, cls, raw, start, end, documents, self.lazy[1])
        self.at = end
        return table, table.unread.encoded

    def _table(self, cls: type[BaseModel] | None, name: str) -> tuple[Table, EncodedTable]:
        """One table, document by document (the loop runs 50,000 times: it keeps to locals)."""
        text, keep = self.text, self.keep or cls is None  # settings and _meta are always kept
        space, entry_at, decode = _SPACE.match, _ENTRY.match, _DECODE
        validate = (self.compact.validate if keep else self.compact.validate_only) if cls is not None else None
        table = Table()
        docs, keys = table.docs, table.keys
        slots: dict[str, int] = {}
        pieces: list[bytes] = []
        top = count = 0
        self._expect("{")
        at = self.at
        while True:
            at = space(text, at).end()  # type: ignore[union-attr]
            if text[at] == "}":
                break
            start = at  # at the comma, or at the first key
            entry = entry_at(text, start)
            if entry is None or bool(entry[1]) != bool(count):
                raise _Unusual(name)
            key, begin = entry[2], entry.end()
            try:
                doc, at = decode(text, begin)
            except _DuplicateKey:
                raise _Unusual(name) from None
            if type(doc) is not dict or key in slots:
                raise _Unusual(name)
            number = int(key)
            if number > top:
                top = number
            piece = text[start:at]
            if not piece.isascii():  # the dict holds UTF-8 bytes as Latin-1 characters
                try:
                    doc = json.loads(text[begin:at].encode("latin-1"), object_pairs_hook=_unique_keys)
                except _DuplicateKey:
                    raise _Unusual(name) from None
            value = doc if validate is None else validate(cls, doc)  # type: ignore[arg-type]
            uuid = doc.get("id", key) if validate is None else value.id  # type: ignore[attr-defined]
            if uuid in docs:
                raise _Unusual("a repeated id")
            slots[key] = count
            count += 1
            if keep:
                docs[uuid] = value
                keys[uuid] = key
                pieces.append(piece.encode("latin-1"))
            else:
                docs[uuid] = None
        self.at = at + 1
        table.next_key = top + 1
        return table, EncodedTable.from_pieces(slots if keep else {}, pieces)
