"""A table kept as the file's text until something needs its documents.

``coplan todo add`` on a career's file (50,000 to-dos, 2,000 sessions) needs the partnerships
and nothing else, yet parsing and validating every document took about a second. A command
opens the store with ``lazy=True``; then each model table stays text until it is first read,
and its bytes are written back as they were (``EncodedTable.blob``).

Two questions are answered without parsing the text, exactly:

- *Is there a document with this id?* Not when the id's text appears nowhere in the table. A
  new to-do's fresh UUID never does, so adding one reads nothing.
- *Which TinyDB key is free?* One whose ``"key":{`` appears nowhere in the table.

Reading the text validates every document, as a full load does. A table that turns out
invalid raises ``UnreadableFile`` at that point, naming the document, and nothing is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pydantic import BaseModel

from .encoded import EncodedTable, entry
from .raw import parse_json
from .schema import SchemaProblem, check_table
from .tables import Table, model_table

_PLAIN_ID = re.compile(r"[0-9A-Za-z_-]+")
"""Ids that every JSON writer writes as they are (coplan's are hex)."""
_KEY = rb'[{,][ \t\n\r]*"%s"[ \t\n\r]*:[ \t\n\r]*\{'
"""A document's key in its table, in any layout; for a nested object, a key can only look
used when it is not, which is safe."""
_KEY_AT = re.compile(_KEY % rb"(\d+)")


class Unread:
    __slots__ = ("name", "cls", "raw", "start", "end", "encoded", "fail")

    def __init__(
        self, name: str, cls: type[BaseModel], raw: bytes, start: int, end: int, documents: slice, fail: Callable[[str], Exception]
    ):
        self.name, self.cls = name, cls
        self.raw, self.start, self.end = raw, start, end
        """The file's bytes, and where in them the table's ``{...}`` is."""
        self.encoded = EncodedTable.blob(memoryview(raw)[documents])
        """The table's pieces for the writer: the file's own bytes of its documents, not copied."""
        self.fail = fail
        """Makes the error raised when the table is not valid (the store's ``UnreadableFile``)."""

    def _has(self, text: str) -> bool:
        return self.raw.find(text.encode(), self.start, self.end) >= 0

    def mentions(self, doc_id: str) -> bool:
        """Whether the table's text holds this id. An id JSON could write in two ways (with an
        escape) counts as held: then the table is read, which decides exactly."""
        return not _PLAIN_ID.fullmatch(doc_id) or self._has(f'"{doc_id}"')

    def free_key(self, at_least: int) -> int:
        """A TinyDB key not used in the table, from one after its last document's key."""
        key = max(at_least, self._last_key() + 1)
        while self._uses_key(key):
            key += 1
        return key

    def _uses_key(self, key: int) -> bool:
        quoted = f'"{key}"'.encode()
        around = re.compile(_KEY % str(key).encode())
        at = self.raw.find(quoted, self.start, self.end)  # a plain search first: a regex would try every byte
        while at >= 0:
            before = max(self.raw.rfind(b"{", self.start, at), self.raw.rfind(b",", self.start, at))
            if before >= 0 and around.match(self.raw, before):
                return True
            at = self.raw.find(quoted, at + 1, self.end)
        return False

    def _last_key(self) -> int:
        """The key of the last document (where coplan and TinyDB put the largest); any guess
        is safe, as ``free_key`` checks its answer."""
        raw, end = self.raw, self.end
        while end > self.start:
            at = max(raw.rfind(b",", self.start, end), self.start)
            match = _KEY_AT.match(raw, at)
            if match:
                return int(match[1])
            end = at
        return 0

    def read(self) -> Table:
        """The table's documents, validated; the blob in ``encoded`` becomes their pieces."""
        from .scan import scan_table

        text = self.raw[self.start : self.end]
        found = scan_table(text.decode("latin-1"), self.cls, self.name)
        if found is None:  # the exact path: it names what is wrong, or takes an unusual layout
            try:
                docs = parse_json(text)
                check_table(self.name, docs)
                table = model_table(self.name, self.cls, docs)
            except SchemaProblem as e:
                raise self.fail(str(e)) from None
            found = table, EncodedTable({key: entry(key, doc) for key, doc in table.items_by_key()})
        table, encoded = found
        self.encoded.open_blob(encoded)
        return table
