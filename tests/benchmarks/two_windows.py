"""Two partners in one live session, each in their own coplan process on one database.

Both windows run the installed code in real pseudo-terminals (tests/e2e/harness.py), on the
real clock, with autosave, the writer thread and the file poll running.

- Convergence: window A types a short unique word into the notes; the time until window B's
  screen shows it, 30 probes, alternating A->B and B->A. Baseline, in the same run: the time
  until the typing window's own screen shows the word (the local echo), which is the floor
  any convergence pays too.
- Lost words: both windows type words key by key at random moments for 10 s (they collide in
  the same step), then both leave; words missing from the saved notes (target 0). Baseline:
  the words typed.

Prints one JSON object per line. Run: python tests/benchmarks/two_windows.py
"""

from __future__ import annotations

import json
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from coplan_tui.commands.demo import seed_demo  # noqa: E402
from coplan_tui.store import Store  # noqa: E402
from tests.e2e.harness import Terminal  # noqa: E402
from tests.e2e.test_two_partners import leave, notes_on_disk, running_session  # noqa: E402

PROBES = 30


def emit(name: str, value: float, unit: str, target: float | None, baseline: float | None, **extra: object) -> None:
    print(json.dumps({"name": name, "value": value, "unit": unit, "target": target, "baseline": baseline, **extra}), flush=True)


def window(home: Path, db: Path, name: str) -> Terminal:
    term = Terminal(["--as", name, "session", "--db", str(db), "--partnership", "science", "--resume"], home=home, cols=100, rows=30)
    term.wait_for("Step 1/")
    return term


def wait_seen(term: Terminal, word: str, timeout: float = 10.0) -> float:
    start = time.monotonic()
    term.wait_for(word, timeout=timeout)
    return time.monotonic() - start


def convergence(a: Terminal, b: Terminal) -> tuple[list[float], list[float]]:
    remote, local = [], []
    for n in range(PROBES):
        typist, reader = (a, b) if n % 2 == 0 else (b, a)
        word = f"w{n:03d}x"
        sent = time.monotonic()
        typist.type(word + " ")
        local.append(time.monotonic() - sent + wait_seen(typist, word))
        remote.append(time.monotonic() - sent + wait_seen(reader, word))
        reader.pump(0.2)
    return remote, local


def collisions(a: Terminal, b: Terminal, seconds: float = 10.0) -> tuple[int, int]:
    rng = random.Random(3)
    typed: list[str] = []
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        n += 1
        who, term = rng.choice([("A", a), ("B", b)])
        word = f"{who}{n:04d}"
        for ch in word + " ":
            term.type(ch)
        typed.append(word)
        (b if term is a else a).pump(rng.uniform(0.0, 0.08))
    for term in (a, b):
        term.pump(1.5)
    return len(typed), typed  # type: ignore[return-value]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        db = home / "demo.json"
        seed_demo(Store(db))
        session = running_session(db)
        a, b = window(home / "a", db, "Maria Alvarez"), window(home / "b", db, "Jordan Lee")
        try:
            remote, local = convergence(a, b)
            count, typed = collisions(a, b)
            leave(a)
            leave(b)
        finally:
            a.close()
            b.close()
        saved = set(re.findall(r"[AB]\d{4}", notes_on_disk(db, session.id)))
        lost = sum(1 for w in typed if w not in saved)

    def ms(xs: list[float], q: float) -> float:
        return round(statistics.quantiles(xs, n=100)[q - 1] * 1000, 1) if q != 50 else round(statistics.median(xs) * 1000, 1)

    emit("convergence: one window's typing on the other's screen, median", ms(remote, 50), "ms", 1000, ms(local, 50), probes=PROBES)
    emit("convergence: one window's typing on the other's screen, p95", ms(remote, 95), "ms", 1000, ms(local, 95), probes=PROBES)
    emit("lost words: two windows typing into one step at once for 10 s", lost, "words", 0, count)


if __name__ == "__main__":
    main()
