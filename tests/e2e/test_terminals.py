"""coplan in a real pty under different terminals: Escape timing in the notes, 16 colours,
NO_COLOR, a C locale and a window below 80x24. The bytes are checked, and the screen as
pyte (a terminal emulator) shows it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time

import pytest

from .pty_app import ROOT, PtyApp

COLOUR_SGR = re.compile(rb"\x1b\[(?:[0-9;:]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:[;:][0-9;:]*)?m")
EXTENDED_COLOUR = re.compile(rb"\x1b\[[0-9;]*[34]8[;:][25][;:]")

# xterm's default 16-colour palette, for the contrast of what pyte reports.
PALETTE = {
    "black": (0, 0, 0), "red": (205, 0, 0), "green": (0, 205, 0), "brown": (205, 205, 0),
    "blue": (0, 0, 238), "magenta": (205, 0, 205), "cyan": (0, 205, 205), "white": (229, 229, 229),
    "brightblack": (127, 127, 127), "brightred": (255, 0, 0), "brightgreen": (0, 255, 0),
    "brightbrown": (255, 255, 0), "brightblue": (92, 92, 255), "brightmagenta": (255, 0, 255),
    "brightcyan": (0, 255, 255), "brightwhite": (255, 255, 255),
}


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg: str, bg: str, default_fg: str = "white", default_bg: str = "black") -> float:
    a = _luminance(PALETTE[default_fg if fg == "default" else fg])
    b = _luminance(PALETTE[default_bg if bg == "default" else bg])
    hi, lo = max(a, b), min(a, b)
    return (hi + 0.05) / (lo + 0.05)


@pytest.fixture
def run(tmp_path):
    """Start coplan in a pty on a demo database of this test's own."""
    seeded = subprocess.run(
        [sys.executable, "-m", "coplan_tui", "--db", str(tmp_path / "coplan.json"), "demo", "--no-ui"],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "COPLAN_CONFIG": str(tmp_path / "settings.json")},
    )
    assert seeded.returncode == 0, seeded.stderr
    apps: list[PtyApp] = []

    def start(*args: str, **kwargs) -> PtyApp:
        app = PtyApp(list(args), tmp_path, **kwargs)
        apps.append(app)
        return app

    yield start
    for app in apps:
        app.close()


def _into_session(app: PtyApp) -> None:
    app.wait_for("Session template")
    app.pump(0.5)
    app.send("\r")  # the template
    app.pump(0.3)
    app.send("\r")  # the suggested leader
    app.wait_for("Notes (autosaved)")
    app.pump(0.3)


def _notes_text(app: PtyApp) -> str:
    """The first line inside the notes box (between its side borders)."""
    y = app.row_with("Notes (autosaved)")
    line = app.screen.display[y + 1]
    left = app.screen.display[y].index("Notes") - 3
    inside = line[left + 1 :]
    return inside[: inside.index(line[left])] if line[left] in inside else inside


@pytest.mark.parametrize("gap_ms", [0, 30, 200])
def test_escape_then_n_in_the_notes_moves_on_and_types_nothing(run, gap_ms):
    """Esc and n together (tmux's escape-time), 30 ms apart (inside the escape delay) or
    200 ms apart (two keys): each way the notes keep what was typed and the step moves on."""
    app = run("session", "--partnership", "lee")
    _into_session(app)
    app.send("ok")
    app.wait_for("ok")
    app.send("\x1b")
    time.sleep(gap_ms / 1000)
    app.send("n")
    app.wait_for("Step 2/")
    app.pump(0.3)
    assert "okn" not in app.text() and "n Next step" in app.text()
    app.send("p")  # back to the first step: its notes are just "ok"
    app.wait_for("Step 1/")
    app.pump(0.3)
    assert _notes_text(app).strip() == "ok"


def test_a_lone_escape_leaves_the_notes(run):
    app = run("session", "--partnership", "lee")
    _into_session(app)
    assert app.screen.display[-1].split()[:3] == ["esc", "Leave", "notes"]
    app.send("\x1b")
    app.wait_for("q Finish/leave")
    assert app.screen.display[-1].split()[:2] == ["q", "Finish/leave"]


def test_xterm_gets_the_ansi_theme_and_a_readable_selected_row(run):
    app = run("demo", env={"TERM": "xterm"})
    app.wait_for("Partnership")
    app.pump(0.5)
    assert not EXTENDED_COLOUR.search(bytes(app.raw)), "only the 16 ANSI colours"
    y = app.row_with("Alvarez")
    x = app.screen.display[y].index("Alvarez")
    cell = app.screen.buffer[y][x]
    ratio = contrast(cell.fg, cell.bg)
    assert cell.bg != "default" or cell.reverse  # it is marked
    assert ratio >= 4.5, (cell.fg, cell.bg, ratio)


def test_no_color_sends_no_colour_codes(run):
    app = run("demo", env={"NO_COLOR": "1", "COLORTERM": "truecolor"})
    app.wait_for("Partnership")
    app.send("s")  # the start screen and its lists, too
    app.wait_for("Session template")
    app.pump(0.5)
    raw = bytes(app.raw)
    assert b"\x1b[" in raw
    found = COLOUR_SGR.search(raw)
    assert found is None, raw[max(0, found.start() - 40) : found.end() + 40]
    assert b"\x1b[7m" in raw or re.search(rb"\x1b\[[0-9;]*;7m", raw), "the selected row is in reverse video"


def test_a_c_locale_gets_ascii_only(run):
    app = run("session", "--partnership", "lee", env={"LANG": "C"})
    _into_session(app)
    app.send("\x1b")
    app.wait_for("q Finish/leave")
    app.pump(0.3)
    visible = re.sub(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[=>()][0-9A-B]?", b"", bytes(app.raw))
    assert visible.isascii(), sorted({chr(b) for b in visible if b > 127})[:10]
    assert "[ ] " in app.text()
    assert "+-" in app.text()  # borders and the big digits drawn with + - |


def test_below_80x24_a_notice_then_the_app_again(run):
    app = run("demo", width=79, height=23)
    app.wait_for("needs at least 80x24")
    assert "79x23" in app.text()
    app.resize(80, 24)
    app.wait_for("Partnership")
    app.pump(0.3)
    assert "needs at least" not in app.text()
    assert app.screen.display[-1].split()[:4] == ["q", "Quit", "?", "Help"]
