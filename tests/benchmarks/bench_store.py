"""Store benchmark: durable write, cold load and in-memory query at 500 / 10,000 / 50,000 to-dos.

Compared in the same run with TinyDB's stock JSONStorage on the same data.
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


def emit(name: str, value: float, unit: str, **extra: float | str) -> None:
    print(json.dumps({"name": name, "value": round(value, 3), "unit": unit, **extra}), flush=True)


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


def main() -> None:
    runs = {500: 30, 10_000: 15, 50_000: 7}
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
