"""Whole-process wall time of `coplan todos` on 10,000 to-dos, against taskwarrior.

Builds a DB of 10,000 to-dos through `coplan import` (a CSV, as a teacher would bring a
spreadsheet), then times each command as a separate process, several runs, and prints the
median as one JSON object per line. If taskwarrior (`task`) is installed, `task list` over
10,000 pending tasks is measured in the same run and reported as the baseline.

Run: python tests/benchmarks/bench_cli.py [--runs N]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.bytecode import precompile  # noqa: E402

N_TODOS = 10_000
TARGET_MS = 120


def coplan(*args: str) -> list[str]:
    return [sys.executable, "-m", "coplan_tui", *args]


def run_env() -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_COLOR="1")
    env.pop("COPLAN_DB", None)
    return env


def wall_ms(cmd: list[str], runs: int, env: dict[str, str]) -> float:
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)  # warm the page cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def build_db(folder: Path, env: dict[str, str]) -> Path:
    db = folder / "bench.json"
    subprocess.run(coplan("demo", "--db", str(db), "--no-ui"), env=env, check=True, stdout=subprocess.DEVNULL)
    owners = ["CT", "TC", "both", "LIB", "CLS"]
    teams = ["Alvarez", "Alvarez", "Alvarez", "Okafor", "Okafor"]
    today = date.today()
    source = folder / "todos.csv"
    with source.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["title", "owner", "partnership", "feedback_by", "due", "status", "notes"])
        for i in range(N_TODOS):
            k = i % 5
            due = today + timedelta(days=(i % 60) - 20) if i % 7 else None
            feedback = due - timedelta(days=2) if due and i % 3 == 0 else None
            w.writerow([
                f"To-do number {i}: prepare materials for lesson {i % 180}",
                owners[k],
                teams[k],
                feedback.isoformat() if feedback else "",
                due.isoformat() if due else "",
                "done" if i % 4 == 0 else "open",
                "" if i % 2 else "Notes for this to-do, a sentence or two long.",
            ])
    out = subprocess.run(coplan("import", str(source), "--db", str(db)), env=env, check=True, capture_output=True, text=True)
    assert out.stdout.startswith(f"{N_TODOS} imported"), out.stdout
    return db


def taskwarrior_ms(folder: Path, runs: int) -> float | None:
    if shutil.which("task") is None:
        return None
    data = folder / "task"
    data.mkdir()
    rc = folder / "taskrc"
    rc.write_text(f"data.location={data}\nconfirmation=off\nnews.version=99.99.99\n")
    env = dict(os.environ, TASKRC=str(rc), TASKDATA=str(data))
    today = date.today()
    tasks = [
        {"description": f"To-do number {i}: prepare materials for lesson {i % 180}", "status": "pending",
         "uuid": f"00000000-0000-4000-8000-{i:012d}", "entry": "20261101T000000Z", "project": "coplan",
         **({"due": (today + timedelta(days=(i % 60) - 20)).strftime("%Y%m%dT000000Z")} if i % 7 else {})}
        for i in range(N_TODOS)
    ]
    source = folder / "tasks.json"
    source.write_text("\n".join(json.dumps(t) for t in tasks))
    subprocess.run(["task", "import", str(source)], env=env, check=True, capture_output=True)
    return wall_ms(["task", "list"], runs, env)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    env = run_env()
    precompile()
    with tempfile.TemporaryDirectory(prefix="coplan-bench-") as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        db = build_db(folder, env)
        build_s = time.perf_counter() - start
        print(json.dumps({"name": "build: coplan import of 10,000 to-dos (CSV, one process)", "value": round(build_s * 1000, 1), "unit": "ms", "target": None, "baseline": None}))
        baseline = taskwarrior_ms(folder, args.runs)
        listing = wall_ms(coplan("todos", "--db", str(db), "--all", "--format", "table"), args.runs, env)
        week = wall_ms(coplan("todos", "--db", str(db), "--owner", "TC", "--due", "week"), args.runs, env)
        startup = wall_ms([sys.executable, "-c", "pass"], args.runs, env)
    print(json.dumps({"name": "coplan todos --all --format table (10,000 to-dos, median wall)", "value": listing, "unit": "ms", "target": TARGET_MS, "baseline": baseline}))
    print(json.dumps({"name": "coplan todos --owner TC --due week (10,000 to-dos, median wall)", "value": week, "unit": "ms", "target": TARGET_MS, "baseline": None}))
    print(json.dumps({"name": "task list (taskwarrior, 10,000 pending tasks, median wall)", "value": baseline, "unit": "ms", "target": None, "baseline": None, "note": None if baseline is not None else "taskwarrior is not installed"}))
    print(json.dumps({"name": "python -c pass (interpreter start-up, for scale)", "value": startup, "unit": "ms", "target": None, "baseline": None}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
