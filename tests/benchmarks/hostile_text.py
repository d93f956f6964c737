"""What guarding user text costs, measured against the same work unguarded in the same run.

- reading a 10,000 / 50,000 to-do file with duplicate keys refused (``object_pairs_hook``)
  against plain ``json.loads``;
- validating 10,000 to-dos with control characters removed from every text field, against
  the same validation with the remover replaced by the identity;
- ``coplan todos`` table rendering of 10,000 rows with the output guard, against no guard.

Prints one JSON object per line. Run: python tests/benchmarks/hostile_text.py
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from datetime import date, datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from coplan_tui.domain import models  # noqa: E402
from coplan_tui.domain.catalogue import Role  # noqa: E402
from coplan_tui.domain.models import Member, Partnership, Todo  # noqa: E402
from coplan_tui.domain.todo_rows import rows_from_raw  # noqa: E402
from coplan_tui.export import table  # noqa: E402
from coplan_tui.store.raw import parse_file  # noqa: E402
from coplan_tui.store.schema import check_and_migrate, empty_data  # noqa: E402


def best(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def emit(name: str, value: float, target: float, baseline: float) -> None:
    print(json.dumps({"name": name, "value": round(value, 2), "unit": "ms", "target": round(target, 2), "baseline": round(baseline, 2)}))


def database(n: int) -> tuple[bytes, dict]:
    now = datetime(2026, 11, 23, tzinfo=timezone.utc)
    p = Partnership(members=[Member(name="Ana Ruiz", role=Role.CT), Member(name="Ben Cho", role=Role.TC)])
    data = empty_data()
    data["partnerships"] = {"1": p.model_dump(mode="json")}
    data["todos"] = {
        str(i + 1): Todo(title=f"Task {i} for the [draft] unit", notes="Some notes " * 5, partnership_id=p.id, due=date(2026, 12, 1 + i % 28), created_at=now, updated_at=now).model_dump(mode="json")
        for i in range(n)
    }
    return json.dumps(data).encode(), data


def main() -> None:
    for n in (10_000, 50_000):
        raw, _ = database(n)
        guarded = best(lambda: parse_file(raw))
        plain = best(lambda: check_and_migrate(json.loads(raw)))
        emit(f"read a {n:,} to-do file, duplicate keys refused", guarded, plain * 1.5, plain)

    raw, data = database(10_000)
    docs = list(data["todos"].values())
    guarded = best(lambda: [Todo.model_validate(d) for d in docs], 3)
    real = models.printable
    models.printable = lambda text: text
    try:
        plain = best(lambda: [Todo.model_validate(d) for d in docs], 3)
    finally:
        models.printable = real
    emit("validate 10,000 to-dos, control characters removed from text", guarded, plain * 1.25, plain)

    rows = rows_from_raw(parse_file(raw))
    today = date(2026, 11, 23)
    guarded = best(lambda: table.render_table(rows, today, width=120))
    real = table.has_controls
    table.has_controls = lambda text: False
    try:
        plain = best(lambda: table.render_table(rows, today, width=120))
    finally:
        table.has_controls = real
    emit("coplan todos table of 10,000 rows, output guarded", guarded, plain * 1.15, plain)


if __name__ == "__main__":
    main()
