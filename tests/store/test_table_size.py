"""Adding and deleting a document costs the same on a big table as on a small one.

TinyDB's ``insert`` and ``remove`` re-read and rebuild the whole table, so each cost grew
with the table (24 ms to add a to-do at 50,000). Time is not asserted here (see
``tests/benchmarks/bench_store.py``); memory is, because it is exact: a change that copies
the table allocates in proportion to it. The file stays one stock TinyDB can read, with
TinyDB's keys: the next key is one past the largest.
"""

from __future__ import annotations

import json
import tracemalloc

from tinydb import TinyDB

from coplan_tui.domain.catalogue import Role
from coplan_tui.domain.models import Member, Partnership, Todo
from coplan_tui.store import Store

N = 20_000
SMALL = 1024 * 1024
"""Bytes. Copying the table costs 2.6-3 MB here; growing a list of 20,000 pointers now and then
(amortised, ~0.3 MB) is allowed."""


def _pair() -> Partnership:
    return Partnership(name="A & B", members=[Member(name="Ana", role=Role.CT), Member(name="Ben", role=Role.TC)])


def _todo(p: Partnership, title: str, clock) -> Todo:
    return Todo(title=title, partnership_id=p.id, created_at=clock(), updated_at=clock())


def _peak(action) -> int:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_insert_and_delete_do_not_copy_a_big_table(db_path, clock):
    p = _pair()
    Store(db_path, clock=clock).put(p, *(_todo(p, f"t{i}", clock) for i in range(N)))
    store = Store(db_path, clock=clock)
    store.put(_todo(p, "warm-up: the first write backs up and encodes the file", clock))
    new = _todo(p, "new [/] 🙂 שלום", clock)
    assert _peak(lambda: store.put(new)) < SMALL
    assert _peak(lambda: store.delete(Todo, new.id)) < SMALL
    assert _peak(lambda: store.put(_todo(p, "after a delete", clock))) < SMALL
    assert store.count(Todo) == N + 2
    on_disk = json.loads(db_path.read_bytes())["todos"]
    assert len(on_disk) == N + 2 and new.id not in {d["id"] for d in on_disk.values()}


def test_keys_follow_tinydb_and_stock_tinydb_reads_the_file(db_path, clock):
    p = _pair()
    store = Store(db_path, clock=clock)
    a, b, c = (_todo(p, name, clock) for name in "abc")
    store.put(p, a, b, c)
    store.delete(Todo, c.id)  # TinyDB never reuses a key in a table it has open...
    d = _todo(p, "d", clock)
    Store(db_path, clock=clock).put(d)  # ...and after a reload the next key is max + 1
    keys = json.loads(db_path.read_bytes())["todos"]
    assert {k: v["title"] for k, v in keys.items()} == {"1": "a", "2": "b", "3": "d"}
    with TinyDB(db_path, access_mode="r") as db:
        table = db.table("todos")
        assert [doc.doc_id for doc in table.all()] == [1, 2, 3]
        assert table.get(doc_id=3)["id"] == d.id
