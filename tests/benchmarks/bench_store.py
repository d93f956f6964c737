"""Store benchmark: durable write, cold load, in-memory query, insert and delete at 500 / 10,000 / 50,000 to-dos.

Compared in the same run with TinyDB's stock JSONStorage on the same data. Insert and
delete time the change to memory that a commit makes under the store's lock (``_apply``,
where TinyDB's table methods used to rebuild the table); their baseline is the same
operation on the 500-to-do table, since they must cost the same whatever the size.
Prints one JSON object per line. Run: python tests/benchmarks/bench_store.py
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tinydb import Query, TinyDB  # noqa: E402
from tinydb.storages import JSONStorage  # noqa: E402

from coplan_tui.domain.catalogue import Role  # noqa: E402
from coplan_tui.domain.models import Member, Partnership, Todo  # noqa: E402
from coplan_tui.store import Store  # noqa: E402

SIZES = (500, 10_000, 50_000)
WRITE_TARGET = 1.3  # a durable write may cost at most 1.3x stock TinyDB's non-atomic write
INSERT_DELETE_MS = 1.0


def emit(name: str, value: float, unit: str, **extra: float | str) -> None:
    print(json.dumps({"name": name, "value": round(value, 4), "unit": unit, **extra}), flush=True)


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def build(folder: Path, n: int) -> tuple[Path, Partnership]:
    path = folder / f"coplan-{n}.json"
    store = Store(path)
    ct, tc = Member(name="Maria Alvarez", role=Role.CT), Member(name="Jordan Lee", role=Role.TC)
    p = Partnership(name="Bench pair", members=[ct, tc])
    now = datetime(2026, 11, 23, tzinfo=timezone.utc)
    owners = (ct.id, tc.id, "both")
    todos = [
        Todo(
            title=f"To-do number {i}: draft the exit ticket",
            partnership_id=p.id,
            owner=owners[i % 3],
            notes="Some notes about the task" if i % 5 == 0 else "",
            created_at=now,
            updated_at=now,
        )
        for i in range(n)
    ]
    store.put(p, *todos)
    return path, p


def insert_delete_ms(store: Store, p: Partnership, runs: int = 50) -> tuple[float, float]:
    """Median ms of one to-do added to memory, then removed, as a commit does under the lock."""
    now = datetime(2026, 11, 23, tzinfo=timezone.utc)
    inserts, deletes = [], []
    for i in range(runs):
        todo = Todo(title=f"new {i}", partnership_id=p.id, created_at=now, updated_at=now)
        t0 = time.perf_counter()
        store._apply([todo], [], {})
        t1 = time.perf_counter()
        store._apply([], [(Todo, todo.id)], {})
        t2 = time.perf_counter()
        inserts.append((t1 - t0) * 1000)
        deletes.append((t2 - t1) * 1000)
    return statistics.median(inserts), statistics.median(deletes)


def main() -> None:
    runs = {500: 30, 10_000: 15, 50_000: 7}
    small: tuple[float, float] | None = None
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n in SIZES:
            path, p = build(folder, n)
            r = runs[n]
            store = Store(path)
            todo = store.all(Todo)[0]
            counter = iter(range(10**9))

            def durable_write() -> None:
                store.put(todo.model_copy(update={"title": f"edited {next(counter)}"}))

            ours = median_ms(durable_write, r)

            stock_path = folder / f"stock-{n}.json"
            stock_path.write_bytes(path.read_bytes())
            data = json.loads(stock_path.read_bytes())
            storage = JSONStorage(str(stock_path))
            stock = median_ms(lambda: storage.write(data), r)
            storage.close()
            emit(f"durable_write_{n}", ours, "ms", baseline=round(stock, 3), target=round(stock * WRITE_TARGET, 3),
                 ratio=round(ours / stock, 3), note="baseline: stock JSONStorage.write (in place, not atomic)")

            stock_db = TinyDB(stock_path)
            stock_insert = median_ms(lambda: stock_db.table("todos").insert({"title": "x", "id": "y"}), max(3, r // 3))
            stock_db.close()
            emit(f"stock_tinydb_insert_op_{n}", stock_insert, "ms", note="stock TinyDB insert: re-reads the file, then writes")

            cold = median_ms(lambda: Store(path).all(Todo), max(3, r // 3))
            stock_cold = median_ms(lambda: TinyDB(stock_path, access_mode="r").table("todos").all(), max(3, r // 3))
            emit(f"cold_load_{n}", cold, "ms", baseline=round(stock_cold, 3),
                 note="ours parses and validates every document; baseline: stock TinyDB load of the todos table")

            insert, delete = insert_delete_ms(store, p)
            small = small or (insert, delete)
            emit(f"insert_{n}", insert, "ms", baseline=round(small[0], 4), target=INSERT_DELETE_MS,
                 note="one to-do into memory under the lock; baseline: the same at 500 to-dos")
            emit(f"delete_{n}", delete, "ms", baseline=round(small[1], 4), target=INSERT_DELETE_MS,
                 note="one to-do out of memory under the lock; baseline: the same at 500 to-dos")

            owner = p.members[0].id
            query = median_ms(lambda: [t for t in store.all(Todo) if t.owner == owner and t.is_open], r)
            stock_db = TinyDB(stock_path, access_mode="r")
            table = stock_db.table("todos", cache_size=0)
            q = Query()
            stock_query = median_ms(lambda: table.search((q.owner == owner) & (q.status == "open")), max(3, r // 3))
            stock_db.close()
            emit(f"memory_query_{n}", query, "ms", baseline=round(stock_query, 3),
                 note="open to-dos of one owner; baseline: stock TinyDB search (re-reads the file)")


if __name__ == "__main__":
    main()
