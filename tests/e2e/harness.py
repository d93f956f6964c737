"""The app in a real pseudo-terminal, read back through a terminal emulator.

Pilot drives the app from inside its own event loop, so it never sees what only a terminal
shows: the bytes the app writes, how an Escape is timed, what a glyph or a colour becomes,
whether the process crashed. Here the app runs as its own process on a pty (pexpect), every
byte it writes is recorded, and the same bytes feed a pyte screen that a test reads as a
person would. Keys go in as the bytes a terminal sends, with real timing.

The process runs the same ``coplan_tui`` package the tests import (``python -m coplan_tui``),
so a test always checks the code under test; ``test_installed_script`` checks the installed
``coplan`` command itself.
"""

from __future__ import annotations

import os
import re
import signal
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import pexpect
import pyte

import coplan_tui

PACKAGE_ROOT = Path(coplan_tui.__file__).resolve().parent.parent

# The bytes a terminal (xterm, tmux, screen) sends for each named key.
KEYS: dict[str, bytes] = {
    "enter": b"\r",
    "tab": b"\t",
    "shift+tab": b"\x1b[Z",
    "escape": b"\x1b",
    "backspace": b"\x7f",
    "space": b" ",
    "up": b"\x1b[A",
    "down": b"\x1b[B",
    "right": b"\x1b[C",
    "left": b"\x1b[D",
    "home": b"\x1b[H",
    "end": b"\x1b[F",
    "delete": b"\x1b[3~",
    "pageup": b"\x1b[5~",
    "pagedown": b"\x1b[6~",
    "f1": b"\x1bOP",
}
for _letter in "abcdefghijklmnopqrstuvwxyz":
    KEYS[f"ctrl+{_letter}"] = bytes([ord(_letter) - ord("a") + 1])

# Sequences a terminal acts on beyond drawing: the clipboard (OSC 52), the window title (OSC 0/2),
# clearing the screen. Tests look for these in what the app wrote.
OSC = re.compile(rb"\x1b\](\d+);")
SGR = re.compile(rb"\x1b\[([0-9;:]*)m")


class AppExited(AssertionError):
    """The app's process ended while a test still expected it to run."""


class Terminal:
    """One ``coplan`` process on a pty of a chosen size, its screen, and every byte it wrote."""

    def __init__(
        self,
        args: Iterable[str],
        *,
        home: Path,
        cols: int = 100,
        rows: int = 30,
        env: dict[str, str] | None = None,
    ):
        self.cols, self.rows = cols, rows
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.output = bytearray()
        home.mkdir(parents=True, exist_ok=True)
        full_env = isolated_env(home)
        full_env.update(env or {})
        self.child = pexpect.spawn(
            sys.executable,
            ["-m", "coplan_tui", *args],
            cwd=str(home),
            env=full_env,
            dimensions=(rows, cols),
            echo=False,
        )

    # --- reading ---------------------------------------------------------------------

    def pump(self, seconds: float = 0.0) -> None:
        """Read what the app wrote, for up to ``seconds`` (at least once, without waiting)."""
        deadline = time.monotonic() + seconds
        while True:
            try:
                chunk = self.child.read_nonblocking(65536, timeout=max(0.0, min(0.05, deadline - time.monotonic())))
            except pexpect.TIMEOUT:
                chunk = b""
            except pexpect.EOF:
                return
            if chunk:
                self.output += chunk
                self.stream.feed(chunk)
                continue
            if time.monotonic() >= deadline:
                return

    def text(self) -> str:
        """The screen as a person reads it, one line per row."""
        return "\n".join(line.rstrip() for line in self.screen.display)

    def wait_for(self, what: str | Callable[[str], bool], timeout: float = 15.0) -> str:
        """Pump until the screen shows ``what`` (a string, or a test on the screen's text)."""
        test = (lambda screen: what in screen) if isinstance(what, str) else what
        deadline = time.monotonic() + timeout
        while True:
            self.pump(0.05)
            screen = self.text()
            if test(screen):
                return screen
            if not self.child.isalive():
                self.pump()
                raise AppExited(f"the app exited (status {self.exit_status()}) waiting for {what!r}:\n{self.text()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"the screen never showed {what!r} in {timeout} s:\n{screen}")

    def wait_quiet(self, seconds: float = 0.3, timeout: float = 10.0) -> None:
        """Pump until the app has written nothing for ``seconds``: the screen has settled."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            before = len(self.output)
            self.pump(seconds)
            if len(self.output) == before:
                return

    def mark(self) -> int:
        """An offset into the recorded output, for ``since``."""
        self.pump()
        return len(self.output)

    def since(self, mark: int) -> bytes:
        return bytes(self.output[mark:])

    # --- writing ---------------------------------------------------------------------

    def press(self, *keys: str, gap: float = 0.05) -> None:
        """Send named keys (``enter``, ``ctrl+p``, ``a``) one by one, ``gap`` seconds apart."""
        for key in keys:
            self.child.send(KEYS.get(key, key.encode()))
            self.pump(gap)

    def type(self, text: str) -> None:
        """Type text at once, as a fast typist or a paste without bracketing would."""
        self.child.send(text.encode())
        self.pump(0.05)

    def paste(self, text: str) -> None:
        """A bracketed paste, as a terminal sends it when the user pastes."""
        self.child.send(b"\x1b[200~" + text.encode() + b"\x1b[201~")
        self.pump(0.05)

    def resize(self, cols: int, rows: int) -> None:
        self.cols, self.rows = cols, rows
        self.screen.resize(rows, cols)
        self.child.setwinsize(rows, cols)
        self.pump(0.1)

    # --- ending ------------------------------------------------------------------------

    def wait_exit(self, timeout: float = 15.0) -> int:
        deadline = time.monotonic() + timeout
        while self.child.isalive():
            self.pump(0.05)
            if time.monotonic() > deadline:
                raise AssertionError(f"the app did not exit in {timeout} s:\n{self.text()}")
        self.pump()
        return self.exit_status()

    def exit_status(self) -> int:
        self.child.isalive()  # reaps the child, which sets the status fields
        if self.child.signalstatus is not None:
            return -int(self.child.signalstatus)
        return int(self.child.exitstatus or 0)

    def close_terminal(self) -> None:
        """The terminal goes away (a window closed, an SSH connection dropped): its side of
        the pty closes, and the kernel hangs the app up. Read nothing more from it."""
        self.child.ptyproc.fileobj.close()
        self.child.ptyproc.closed = True
        self.child.closed = True

    def kill(self, sig: int = signal.SIGKILL) -> None:
        self.child.kill(sig)
        self.wait_exit()

    def close(self) -> None:
        if self.child.isalive():
            self.child.kill(signal.SIGKILL)
        self.child.close(force=True)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def isolated_env(home: Path) -> dict[str, str]:
    """A clean environment: the user's folders and database are never touched by a test."""
    keep = ("PATH", "LANG", "LC_ALL", "SYSTEMROOT", "TMPDIR")
    env = {k: v for k, v in os.environ.items() if k in keep}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_STATE_HOME=str(home / "state"),
        TERM="xterm-256color",
        COLORTERM="truecolor",
        PYTHONPATH=str(PACKAGE_ROOT),
        COPLAN_USER="Pat Tester",  # a person who already said who they are (test_identity unsets it)
        PYTHONDONTWRITEBYTECODE="1",
    )
    env.setdefault("LANG", "C.UTF-8")
    return env


def osc_numbers(data: bytes) -> list[int]:
    """The OSC commands (52 clipboard, 0/2 title, 8 hyperlink...) in ``data``."""
    return [int(m.group(1)) for m in OSC.finditer(data)]


def colour_sgr(data: bytes) -> list[bytes]:
    """SGR sequences that set a colour (30–49, 90–107, 38;…/48;…), not plain bold or reverse."""
    found = []
    for m in SGR.finditer(data):
        params = re.split(rb"[;:]", m.group(1)) if m.group(1) else [b"0"]
        if any(p.isdigit() and (30 <= int(p) <= 49 or 90 <= int(p) <= 107) for p in params):
            found.append(m.group(0))
    return found
