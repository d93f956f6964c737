"""coplan in a real pseudo-terminal with a year's and a career's data (issue 15).

Every figure comes from ``tests/e2e/harness.py``: ``python -m coplan_tui`` runs on a pty, every
byte it writes is recorded and fed to a pyte screen, and a moment counts when the screen
read back shows it. Times run from just before a key is written (or the process spawned) to
the arrival of the chunk of output that made the screen show the expected text.

- cold start with a year's DB, against a minimal Textual app (a Header, a Static and a
  Footer) in the same harness, alternated: to the first paint (Home's frame: the file it is
  opening, or already the pair's row), and to Home showing the pair's row;
- with 50,000 to-dos: the first paint and Home with the pair's row; the live session opening (ctrl+s on the start screen
  to the session's notes box), with Home beneath; notes keystroke-to-echo and bytes
  written per keystroke (a slow typist, one key every 0.3 s, so every key meets an
  autosave) at 100x30 and 80x24; a tick (x) in the live session's to-do pane (for scale);
  the app's peak RSS (VmHWM); then a tick (x) in the to-do review screen, against the same
  tick on a year's database (``review_tick.py``).

Prints one JSON object per line. Run: python tests/benchmarks/bench_tty.py [--runs N] [--keys N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import pexpect  # noqa: E402

from tests.benchmarks.bytecode import precompile  # noqa: E402

from tests.benchmarks.big_db import build  # noqa: E402
from tests.e2e.harness import KEYS, Terminal  # noqa: E402

COLD_RATIO = 1.25
PAINT_50K_MS = 1000
SESSION_OPEN_MS = 500
ECHO_P95_MS = 16
RSS_MIB = 200
BYTES_PER_KEY = 3 * 1024


def emit(name: str, value: float | None, unit: str, target: float | None, baseline: float | None = None, **extra) -> None:
    row = {"name": name, "value": None if value is None else round(value, 1), "unit": unit, "target": target, "baseline": baseline}
    print(json.dumps({**row, **extra}), flush=True)


def until(term: Terminal, shows, timeout: float = 30.0, also=None) -> float:
    """Read chunk by chunk until the screen passes ``shows``; the moment that chunk arrived.

    ``also``: a list to append the arrival of the first chunk that passed ``also[0]`` to."""
    test = (lambda text: shows in text) if isinstance(shows, str) else shows
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            chunk = term.child.read_nonblocking(65536, timeout=0.005)
        except pexpect.TIMEOUT:
            continue
        except pexpect.EOF:
            break
        at = time.perf_counter()
        term.output += chunk
        term.stream.feed(chunk)
        text = term.text()
        if also is not None and len(also) == 1 and also[0](text):
            also.append(at)
        if test(text):
            return at
    raise AssertionError(f"the screen never showed {shows!r}:\n{term.text()}")


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) >= 20 else max(values)


def rss_mib(term: Terminal) -> float | None:
    try:
        for line in Path(f"/proc/{term.child.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def spawn(home: Path, args: list[str], cols: int = 100, rows: int = 30, module: str = "coplan_tui") -> tuple[Terminal, float]:
    start = time.perf_counter()
    term = Terminal(args, home=home, cols=cols, rows=rows, module=module)
    # pexpect sleeps 50 ms before every send by default (delaybeforesend): every key timed
    # from just before ``send`` carried those 50 ms of the benchmark's own making.
    term.child.delaybeforesend = None
    return term, start


def first_frame(text: str) -> bool:
    """Home's frame is up: the file it is opening, or already its partnerships."""
    return "Opening " in text or "Alvarez & Lee" in text


def cold_start(folder: Path, runs: int) -> None:
    db = build(folder / "year.json", "year")
    ours, frames, minimal = [], [], []
    for n in range(runs + 1):  # the first pair warms the page cache and the bytecode
        for which in ("minimal", "coplan"):
            if which == "minimal":
                term, start = spawn(folder / "home", [], module="tests.benchmarks.minimal_app")
                marker = "minimal app ready"
            else:
                term, start = spawn(folder / "home", ["--db", str(db)])
                marker = "Alvarez & Lee"
            frame: list = [first_frame]
            with term:
                at = until(term, marker, also=frame if which == "coplan" else None)
            if n and which == "minimal":
                minimal.append((at - start) * 1000)
            elif n:
                ours.append((at - start) * 1000)
                frames.append((frame[1] - start) * 1000)
    base = statistics.median(minimal)
    # The target is the first paint; the data's arrival is reported beside it, for scale.
    for name, values, target in (("first paint (Home's frame)", frames, round(base * COLD_RATIO, 1)), ("Home showing the pair", ours, None)):
        emit(f"cold start to {name}, a year's DB, median", statistics.median(values), "ms",
             target=target, baseline=round(base, 1), ratio=round(statistics.median(values) / base, 3),
             note="baseline: minimal Textual app (Header, Static, Footer) to its first paint, same pty harness, alternated")


def career(folder: Path, keys: int, size: tuple[int, int]) -> None:
    db = build(folder / f"career-{size[0]}.json", "career")
    cols, rows = size
    term, start = spawn(folder / "home", ["--db", str(db)], cols=cols, rows=rows)
    with term:
        frame: list = [first_frame]
        painted = until(term, "Alvarez & Lee", timeout=60, also=frame)
        if size == (100, 30):
            emit("first paint (Home's frame), 50,000 to-dos", (frame[1] - start) * 1000, "ms", target=PAINT_50K_MS)
            emit("Home showing the pair, 50,000 to-dos", (painted - start) * 1000, "ms", target=None)
        term.wait_quiet(0.5)
        term.child.send(b"s")
        until(term, "Start a coplanning session")
        term.wait_quiet(0.3)
        pressed = time.perf_counter()
        term.child.send(KEYS["ctrl+s"])
        opened = until(term, "Notes (autosaved)")
        if size == (100, 30):
            emit("live session opens (ctrl+s to the notes box), 50,000 to-dos, Home beneath", (opened - pressed) * 1000, "ms", target=SESSION_OPEN_MS)
        term.wait_quiet(0.8)
        echoes = []
        mark = term.mark()
        typed = ""
        for i in range(keys):
            letter = "abcdefghij"[i % 10]
            typed += letter
            pressed = time.perf_counter()
            term.child.send(letter.encode())
            seen = until(term, typed[-12:])
            echoes.append((seen - pressed) * 1000)
            term.pump(max(0.0, 0.3 - (time.perf_counter() - pressed)))
        term.wait_quiet(0.8)
        per_key = len(term.since(mark)) / keys
        tag = f"{cols}x{rows}"
        emit(f"notes keystroke-to-echo p95, 50,000 to-dos, Home beneath, autosave on, {tag}", p95(echoes), "ms",
             target=ECHO_P95_MS, median=round(statistics.median(echoes), 1), max=round(max(echoes), 1))
        emit(f"bytes written per notes keystroke, 50,000 to-dos, Home beneath, {tag}", per_key, "bytes",
             target=BYTES_PER_KEY if size == (80, 24) else None)
        if size != (100, 30):
            return
        # The live session's to-do pane (t widens it), the session still running: a tick there
        # with Home beneath. Reported for scale; the review-screen tick is timed below.
        term.child.send(KEYS["escape"])  # out of the notes box
        term.wait_quiet(0.5)
        term.child.send(b"t")
        until(term, "☐", timeout=60)
        term.wait_quiet(0.5)
        ticks = []
        for _ in range(30):
            before = term.screen.display[:]
            first = next(i for i, line in enumerate(before) if "☐" in line or "☑" in line)
            pressed = time.perf_counter()
            term.child.send(b"x")
            seen = until(term, lambda _text, i=first, old=before[first]: term.screen.display[i] != old, timeout=10)
            ticks.append((seen - pressed) * 1000)
            term.wait_quiet(0.2)
        emit("live session's to-do pane tick (x) p95, 50,000 to-dos, Home beneath", p95(ticks), "ms", target=None,
             median=round(statistics.median(ticks), 1), max=round(max(ticks), 1))
        emit("peak RSS of the app (VmHWM), 50,000 to-dos, after all of the above", rss_mib(term), "MiB", target=RSS_MIB)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keys", type=int, default=40)
    parser.add_argument("--only", choices=("cold", "career"), default=None)
    args = parser.parse_args()
    precompile()  # for coplan and the minimal app alike
    with tempfile.TemporaryDirectory(prefix="coplan-tty-") as tmp:
        folder = Path(tmp)
        if args.only in (None, "cold"):
            cold_start(folder, args.runs)
        if args.only in (None, "career"):
            career(folder, args.keys, (100, 30))
            career(folder, args.keys, (80, 24))
            from tests.benchmarks.review_tick import report

            report(folder)  # the review screen (Home, T: every to-do): the tick
    return 0


if __name__ == "__main__":
    sys.exit(main())
