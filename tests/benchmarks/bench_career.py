"""The command line on a career's database (50,000 to-dos, 2,010 sessions, ~31 MB; issue 15).

``coplan todo add`` and ``coplan check`` run as separate processes on a copy of the DB built
by ``big_db.py``; each figure is the median wall time of several runs, and the process's
own peak RSS (from ``wait4``). ``python -c pass`` and a bare ``json.loads`` of the same file
are measured in the same run, for scale.

Prints one JSON object per line. Run: python tests/benchmarks/bench_career.py [--runs N]
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
sys.path.insert(0, str(ROOT))

from tests.benchmarks.bytecode import precompile  # noqa: E402

TODO_ADD_S = 0.5
CHECK_S = 1.0
RSS_MIB = 200


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"{cmd} failed: {proc.stderr.read().decode() if proc.stderr else ''}")
    return wall, usage.ru_maxrss / 1024


def measure(cmd: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    run(cmd, env)  # page cache and bytecode
    results = [run(cmd, env) for _ in range(runs)]
    return statistics.median(w for w, _ in results), max(r for _, r in results)


def emit(name: str, value: float, unit: str, target: float | None, baseline: float | None = None, **extra) -> None:
    print(json.dumps({"name": name, "value": round(value, 3), "unit": unit, "target": target, "baseline": baseline, **extra}), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_COLOR="1")
    env.pop("COPLAN_DB", None)
    with tempfile.TemporaryDirectory(prefix="coplan-career-") as tmp:
        db = Path(tmp) / "career.json"
        # Built by its own process: a child forked from a big parent reports the parent's RSS.
        subprocess.run([sys.executable, str(Path(__file__).with_name("big_db.py")), str(db), "career"], env=env, check=True)
        precompile()
        coplan = [sys.executable, "-m", "coplan_tui", "--db", str(db)]
        startup, _ = measure([sys.executable, "-c", "pass"], env, args.runs)
        loads, _ = measure([sys.executable, "-c", f"import json; json.loads(open({str(db)!r}, 'rb').read())"], env, args.runs)
        add, add_rss = measure([*coplan, "todo", "add", "Draft the exit ticket [/] 🙂", "--partnership", "Alvarez", "--due", "+3d"], env, args.runs)
        check, check_rss = measure([*coplan, "check"], env, args.runs)
    emit("coplan todo add, 50,000 to-dos (median wall)", add, "s", TODO_ADD_S, peak_rss_mib=round(add_rss, 1))
    emit("coplan check, 50,000 to-dos (median wall)", check, "s", CHECK_S, peak_rss_mib=round(check_rss, 1))
    emit("peak RSS of coplan todo add / check, 50,000 to-dos", max(add_rss, check_rss), "MiB", RSS_MIB)
    emit("python -c pass (interpreter start-up, for scale)", startup, "s", None)
    emit("python: json.loads of the same 31 MB file (for scale)", loads, "s", None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
