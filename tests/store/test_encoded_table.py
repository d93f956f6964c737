"""The patched-in-place JSON pieces always join to the table's documents."""

from __future__ import annotations

import json
import random

from coplan_tui.store.encoded import EncodedTable


def _dumps(value) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode()


def test_puts_updates_and_removals_always_join_to_the_table():
    rng = random.Random(7)
    docs = {str(i): {"n": i} for i in range(5)}
    table = EncodedTable.encode(docs, _dumps)
    for step in range(300):
        doc_id = str(rng.randrange(12))
        if rng.random() < 0.3:
            docs.pop(doc_id, None)
            table.remove(doc_id)
        else:
            docs[doc_id] = {"n": step}
            table.put(doc_id, _dumps(doc_id) + b":" + _dumps(docs[doc_id]))
        joined = b"{" + b"".join(table.pieces) + b"}"
        assert json.loads(joined) == docs
        assert table.size == len(joined) - 2


def test_an_empty_table_is_an_empty_object():
    table = EncodedTable.encode({}, _dumps)
    assert table.pieces == [] and table.size == 0
    table.put("1", b'"1":{}')
    assert b"".join(table.pieces) == b'"1":{}'


def test_a_removal_patches_two_pieces_at_most_whatever_the_table_size():
    """Removing a document from 20,000 must not rebuild the list (it used to: O(n) per delete)."""
    docs = {str(i): {"n": i} for i in range(20_000)}
    table = EncodedTable.encode(docs, _dumps)
    pieces = table.pieces
    for doc_id in ("0", "10000", "19999", "1"):  # the first, a middle, the last, the new first
        before = list(pieces)
        table.remove(doc_id)
        docs.pop(doc_id)
        assert table.pieces is pieces
        assert sum(a != b for a, b in zip(before, pieces)) <= 2
    assert json.loads(b"{" + b"".join(table.pieces) + b"}") == docs
    assert table.size == sum(map(len, table.pieces))


def test_removing_everything_then_adding_starts_a_clean_table():
    table = EncodedTable.encode({"1": {"a": 1}, "2": {"b": 2}}, _dumps)
    table.remove("1")
    table.remove("2")
    assert b"".join(table.pieces) == b""
    table.put("3", b'"3":{}')
    table.put("4", b'"4":{}')
    assert json.loads(b"{" + b"".join(table.pieces) + b"}") == {"3": {}, "4": {}}
