"""Whole-process wall time of the new headless commands on the demo data, each against
`coplan plans` (the listing they sit beside) measured in the same run as the baseline.

`coplan schedule --format ics` builds a calendar with icalendar; `coplan sessions` and
`coplan requests` read the store. Target: 250 ms of wall time each on the 2-core dev box
(a command a teacher types, or a calendar subscription script runs); the baseline shows
what the same machine gave `coplan plans` in the same run.

Run: python tests/benchmarks/schedule.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET_MS = 250


def coplan(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "coplan_tui", "--db", str(db), *args]


def wall_ms(cmd: list[str], runs: int, env: dict[str, str]) -> float:
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True)  # warm the page cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True)
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_COLOR="1")
    env.pop("COPLAN_DB", None)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.json"
        subprocess.run(coplan(db, "demo", "--no-ui"), env=env, check=True, stdout=subprocess.DEVNULL)
        baseline = wall_ms(coplan(db, "plans"), args.runs, env)
        for name, cmd in (
            ("schedule_ics_ms", ("schedule", "--format", "ics")),
            ("schedule_table_ms", ("schedule",)),
            ("sessions_ms", ("sessions",)),
            ("requests_ms", ("requests", "--all")),
        ):
            value = wall_ms(coplan(db, *cmd), args.runs, env)
            print(json.dumps({"name": name, "value": value, "unit": "ms", "target": TARGET_MS, "baseline": baseline}))


if __name__ == "__main__":
    main()
