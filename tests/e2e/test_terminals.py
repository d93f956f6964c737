"""coplan in a real pty under different terminals: Escape timing in the notes, 16 colours,
NO_COLOR, a C locale and a window below 80x24. The bytes are checked, and the screen as
pyte (a terminal emulator) shows it."""

from __future__ import annotations

import re
import time

import pytest

from .harness import colour_sgr

EXTENDED_COLOUR = re.compile(rb"\x1b\[[0-9;]*[34]8[;:][25][;:]")
REVERSE = re.compile(rb"\x1b\[(?:[0-9;]*;)?7(?:;[0-9;]*)?m")

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
    """WCAG contrast of two of pyte's colour names on xterm's palette ("default": a dark terminal)."""
    a = _luminance(PALETTE[default_fg if fg == "default" else fg])
    b = _luminance(PALETTE[default_bg if bg == "default" else bg])
    hi, lo = max(a, b), min(a, b)
    return (hi + 0.05) / (lo + 0.05)


def _into_session(term) -> None:
    """s, then ctrl+s: the suggested template and leader. (enter, enter races the focus
    change between the two lists on a loaded machine; ctrl+s does not depend on focus.)"""
    term.wait_for("Alvarez & Lee")
    term.press("s")
    term.wait_for("Who leads?")
    term.press("ctrl+s")
    term.wait_for("Notes (autosaved)")
    term.wait_quiet()


def _notes_text(term) -> str:
    """The first line inside the notes box (between its side borders)."""
    lines = term.screen.display
    y = next(i for i, line in enumerate(lines) if "Notes (autosaved)" in line)
    left = lines[y].index("Notes") - 3
    inside = lines[y + 1][left + 1 :]
    border = lines[y + 1][left]
    return inside[: inside.index(border)] if border in inside else inside


def _footer(term) -> list[str]:
    return term.screen.display[-1].split()


@pytest.mark.parametrize("gap_ms", [0, 30, 200])
def test_escape_then_n_in_the_notes_moves_on_and_types_nothing(terminal, demo_db, gap_ms):
    """Esc and n in one write (tmux's escape-time), 30 ms apart (inside the escape delay) or
    200 ms apart (two keys): each way the notes keep what was typed and the step moves on."""
    term = terminal("demo", "--db", str(demo_db))
    _into_session(term)
    term.type("ok")
    term.wait_for("ok")
    if gap_ms:
        term.child.send(b"\x1b")
        time.sleep(gap_ms / 1000)
        term.child.send(b"n")
    else:
        term.child.send(b"\x1bn")
    term.wait_for("Step 2/")
    term.wait_quiet()
    assert "okn" not in term.text() and _footer(term)[0] == "q"
    term.press("p")  # back to the first step: its notes are just "ok"
    term.wait_for("Step 1/")
    term.wait_quiet()
    assert _notes_text(term).strip() == "ok"


def test_a_lone_escape_leaves_the_notes(terminal, demo_db):
    term = terminal("demo", "--db", str(demo_db))
    _into_session(term)
    assert _footer(term)[:3] == ["esc", "Leave", "notes"]  # in the notes, q and ? are text
    term.press("escape")
    term.wait_for(lambda screen: screen.splitlines()[-1].split()[:4] == ["q", "Finish/leave", "?", "Help"])


def test_xterm_gets_the_ansi_theme_and_a_readable_selected_row(terminal, demo_db):
    term = terminal("demo", "--db", str(demo_db), env={"TERM": "xterm", "COLORTERM": ""})
    term.wait_for("Alvarez & Lee")
    term.wait_quiet()
    assert not EXTENDED_COLOUR.search(bytes(term.output)), "only the 16 ANSI colours"
    lines = term.screen.display
    y = next(i for i, line in enumerate(lines) if "Alvarez & Lee" in line and "CP II" in line)
    cell = term.screen.buffer[y][lines[y].index("Alvarez")]
    assert cell.bg != "default" or cell.reverse, "the selected row is marked"
    ratio = contrast(cell.bg, cell.fg) if cell.reverse else contrast(cell.fg, cell.bg)
    assert ratio >= 4.5, (cell.fg, cell.bg, ratio)


def test_no_color_sends_no_colour_codes(terminal, demo_db):
    term = terminal("demo", "--db", str(demo_db), env={"NO_COLOR": "1"})
    term.wait_for("Alvarez & Lee")
    _into_session(term)  # the start screen, its lists, the session and its countdown
    term.press("escape")
    term.wait_for("q Finish/leave")
    term.wait_quiet()
    out = bytes(term.output)
    assert b"\x1b[" in out
    assert colour_sgr(out) == []
    assert REVERSE.search(out), "the selected row and the cursor are in reverse video"
    assert "12 min step" in term.text()


def test_a_c_locale_gets_ascii_only(terminal, demo_db):
    term = terminal("demo", "--db", str(demo_db), env={"LANG": "C", "LC_ALL": ""})
    _into_session(term)
    term.press("escape")
    term.wait_for("q Finish/leave")
    term.wait_quiet()
    visible = re.sub(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[=>()][0-9A-B]?", b"", bytes(term.output))
    assert visible.isascii(), sorted({chr(b) for b in visible if b > 127})[:10]
    assert "[ ] " in term.text()
    assert "+-" in term.text()  # borders and the big digits, drawn with + - |


def test_below_80x24_a_notice_then_the_app_again(terminal, demo_db):
    term = terminal("demo", "--db", str(demo_db), cols=79, rows=23)
    term.wait_for("needs at least 80x24")
    assert "79x23" in term.text()
    term.resize(80, 24)
    term.wait_for("Alvarez & Lee")
    term.wait_for(lambda screen: screen.splitlines()[-1].split()[:4] == ["q", "Quit", "?", "Help"])
    assert "needs at least" not in term.text()


def test_no_color_marks_the_highlighted_template_apart_from_the_others(terminal, demo_db):
    """Tester: under NO_COLOR the chosen template was only bold (reverse video was lost on the
    way), and other bold text looked the same. The highlighted option is underlined as well."""
    term = terminal("demo", "--db", str(demo_db), env={"NO_COLOR": "1"})
    term.wait_for("Alvarez & Lee")
    term.press("s")
    term.wait_for("Who leads?")
    term.wait_quiet()
    for _ in range(4):  # focused or not, the highlighted template is marked
        lines = term.screen.display
        rows = [y for y, line in enumerate(lines) if " min)" in line and "steps" in line]
        marked = [y for y in rows if term.screen.buffer[y][lines[y].index("(") - 3].underscore or term.screen.buffer[y][lines[y].index("(") - 3].reverse]
        assert len(rows) >= 5 and len(marked) == 1, (rows, marked)
        term.press("tab")
        term.wait_quiet()
