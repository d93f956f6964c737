"""How fast a lone Escape acts in a real terminal: the issue's "as fast as the terminal lets it".

Run: python tests/benchmarks/escape_latency.py. coplan runs in a pty (the e2e harness); the
bench opens the help with ?, sends one ESC byte and times until the help is gone from the
screen (what the user sees). The baseline is the same with Textual's own
escape delay (ESCDELAY=100, what coplan used before); coplan now waits 50 ms. tmux adds its
escape-time (500 ms by default) on top of both: the app tells tmux users how to lower it.
Median of N trials, in milliseconds.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from coplan_tui.commands.demo import seed_demo  # noqa: E402
from coplan_tui.store import Store  # noqa: E402
from coplan_tui.terminal import ESCAPE_DELAY_MS  # noqa: E402
from tests.e2e.harness import Terminal  # noqa: E402

TRIALS = 8
HELP_TEXT = "escape closes this"


def measure(env: dict[str, str], key: bytes = b"\x1b") -> list[float]:
    """Open the help with ?, close it with a lone Escape, and time until the help is gone."""
    tmp = Path(tempfile.mkdtemp(prefix="h16-esc-"))
    db = tmp / "demo.json"
    seed_demo(Store(db))
    term = Terminal(["demo", "--db", str(db)], home=tmp / "home", env=env)
    try:
        term.wait_for("Alvarez & Lee")
        term.wait_quiet()
        times: list[float] = []
        open_times: list[float] = []
        for _ in range(TRIALS):
            start = time.perf_counter()
            term.child.send(b"?")
            while HELP_TEXT not in term.text():
                term.pump(0.001)
            opened = (time.perf_counter() - start) * 1000
            term.wait_quiet(0.2)
            start = time.perf_counter()
            term.child.send(key)
            while HELP_TEXT in term.text():
                term.pump(0.001)
            times.append((time.perf_counter() - start) * 1000)
            open_times.append(opened)
            term.wait_quiet(0.2)
        return times, open_times
    finally:
        term.close()


TEXTUAL_DRIVER = {"TEXTUAL_DRIVER": "textual.drivers.linux_driver:LinuxDriver", "ESCDELAY": "100"}


def main() -> None:
    before, _ = measure(TEXTUAL_DRIVER)  # Textual's driver and escape delay, as coplan had them
    now, _ = measure({})
    # The floor: the same help closed by a key that needs no delay (q), and opened by ?.
    floor, opened = measure({}, key=b"q")
    med = statistics.median
    print(json.dumps({"name": "lone_escape_ms", "value": round(med(now), 1), "unit": "ms", "target": round(med(floor) + ESCAPE_DELAY_MS + 25, 1), "baseline": round(med(before), 1)}))
    print(json.dumps({"name": "close_help_with_q_ms", "value": round(med(floor), 1), "unit": "ms", "target": 100, "baseline": round(med(opened), 1)}))


if __name__ == "__main__":
    main()
