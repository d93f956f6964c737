"""A tick (x) in the to-do review screen, in a real pseudo-terminal (issue 15).

The app runs on a pty through ``tests/e2e/harness.py``; Home opens, ``T`` opens every to-do,
and ``x`` ticks the row under the cursor 30 times (with the default filter, open to-dos,
each tick takes that row out of the view and the next one moves up). A tick counts from
just before the key is written to the arrival of the chunk that changed the first row's line.

The same is measured on a year's database (400 to-dos) in the same run: the baseline. A tick
should cost the same whatever the number of to-dos.

Prints one JSON object per line. Run: python tests/benchmarks/review_tick.py [--ticks N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.bench_tty import emit, p95, spawn, until  # noqa: E402
from tests.benchmarks.big_db import build  # noqa: E402

TICK_P95_MS = 50


def ticks(folder: Path, kind: str, count: int) -> list[float]:
    db = build(folder / f"{kind}.json", kind)
    term, _ = spawn(folder / "home", ["--db", str(db)])
    with term:
        until(term, "Alvarez & Lee", timeout=60)
        term.wait_quiet(0.5)
        term.child.send(b"T")
        until(term, lambda text: "Feedback by" in text and " to-dos" in text, timeout=60)
        term.wait_quiet(0.5)
        out = []
        for _ in range(count):
            before = term.screen.display[:]
            first = next(i for i, line in enumerate(before) if "Feedback by" in line) + 1
            pressed = time.perf_counter()
            term.child.send(b"x")
            count = next(i for i in range(len(before) - 1, -1, -1) if " to-dos" in before[i])
            # The row goes (open to-dos only) or changes; the next row may read the same (two
            # pairs, one title), so the count line under the table is watched too.
            seen = until(term, lambda _text, rows=(first, count): any(term.screen.display[i] != before[i] for i in rows), timeout=10)
            out.append((seen - pressed) * 1000)
            term.wait_quiet(0.3)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ticks", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="coplan-tick-") as tmp:
        report(Path(tmp), args.ticks)
    return 0


def report(folder: Path, count: int = 30) -> None:
    """Both runs, and the figure with its baseline (also run by bench_tty.py, after other runs:
    a folder of its own keeps their settings out)."""
    folder = folder / "review-tick"
    folder.mkdir(exist_ok=True)
    year = ticks(folder, "year", count)
    career = ticks(folder, "career", count)
    emit("to-do review screen tick (x) p95, 50,000 to-dos", p95(career), "ms", target=TICK_P95_MS, baseline=round(p95(year), 1),
         median=round(statistics.median(career), 1), max=round(max(career), 1),
         note="baseline: the same tick with a year's database (400 to-dos), same run")


if __name__ == "__main__":
    sys.exit(main())
