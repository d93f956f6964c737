"""coplan in a real pseudo-terminal: the bytes it writes, and the screen a terminal shows.

A stopgap until the lead's harness (tests/e2e/harness.py) is on main; kept small on purpose.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pexpect
import pyte

ROOT = Path(__file__).resolve().parents[2]
SCRUB = ("NO_COLOR", "COLORTERM", "TMUX", "STY", "LC_ALL", "LC_CTYPE", "TEXTUAL", "ESCDELAY")


class PtyApp:
    def __init__(self, args: list[str], tmp: Path, *, width: int = 100, height: int = 30, env: dict[str, str] | None = None):
        environment = {k: v for k, v in os.environ.items() if k not in SCRUB}
        environment.update({"TERM": "xterm-256color", "LANG": "C.UTF-8", "COPLAN_CONFIG": str(tmp / "settings.json")})
        environment.update(env or {})
        self.raw = bytearray()
        self.screen = pyte.Screen(width, height)
        self.stream = pyte.ByteStream(self.screen)
        self.child = pexpect.spawn(
            sys.executable,
            ["-m", "coplan_tui", "--db", str(tmp / "coplan.json"), *args],
            cwd=str(ROOT),
            env=environment,
            dimensions=(height, width),
        )

    def pump(self, seconds: float = 0.05) -> None:
        end = time.monotonic() + seconds
        while True:
            try:
                data = self.child.read_nonblocking(65536, timeout=max(0.0, min(0.05, end - time.monotonic())))
            except pexpect.TIMEOUT:
                data = b""
            except pexpect.EOF:
                return
            if data:
                self.raw += data
                self.stream.feed(data)
            if time.monotonic() >= end:
                return

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, needle: str, timeout: float = 20.0) -> None:
        end = time.monotonic() + timeout
        while needle not in self.text():
            if time.monotonic() > end or not self.child.isalive():
                raise AssertionError(f"{needle!r} never showed; the screen:\n{self.text()}")
            self.pump(0.05)

    def send(self, data: str | bytes) -> None:
        self.child.send(data)

    def resize(self, width: int, height: int) -> None:
        self.screen.resize(height, width)
        self.child.setwinsize(height, width)

    def row_with(self, needle: str) -> int:
        for y, line in enumerate(self.screen.display):
            if needle in line:
                return y
        raise AssertionError(f"no row shows {needle!r}:\n{self.text()}")

    def close(self) -> None:
        if self.child.isalive():
            self.child.terminate(force=True)
