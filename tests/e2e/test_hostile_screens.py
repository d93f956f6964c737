"""The hostile fixture opened on every screen reachable from Home, in a real terminal.

Every free-text field holds OSC 52 (clipboard), OSC 0 (window title), CSI 2J, C1 CSI, CR,
BEL, NUL, markup, links, formulas, HTML, 10,000-character text, emoji and right-to-left
text (``tests/hostile.py``). From the bytes the app wrote: none of those sequences reached
the terminal (the only OSC the app itself sends is 22, the pointer shape, ended by BEL), no
markup link became an OSC 8 hyperlink, and the app is still running.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.hostile import write_hostile_db

from .harness import osc_numbers
from .test_palette import SCREENS, reach

APP_OSC = {22}
FORBIDDEN = {
    "OSC 52 (clipboard)": b"\x1b]52",
    "OSC 0 (window title)": b"\x1b]0;",
    "CSI 2J (clear screen)": b"\x1b[2J",
    "C1 CSI": b"\xc2\x9b",
    "raw C1 CSI": b"\x9b",
    "NUL": b"\x00",
}


HOSTILE_SHOWS = {"session": "1. Reflect on the last plan", "summary": "Session summary"}
"""Where long hostile names push the usual marker off the screen."""


@pytest.fixture
def hostile_db(tmp_path):
    return write_hostile_db(tmp_path / "hostile.json", datetime.now().astimezone())


@pytest.mark.parametrize("name", sorted(SCREENS))
def test_no_escape_sequence_from_user_text_reaches_the_terminal(terminal, hostile_db, name):
    keys, shows = SCREENS[name]
    shows = HOSTILE_SHOWS.get(name, shows)
    term = terminal("--db", str(hostile_db), cols=120, rows=36)
    reach(term, keys, shows)
    term.press("down", "down", "up")  # move over the rows: each row's detail is drawn too
    term.wait_quiet(0.3)
    out = bytes(term.output)
    found = [what for what, seq in FORBIDDEN.items() if seq in out]
    assert not found, f"{name}: {found} reached the terminal"
    oscs = osc_numbers(out)
    assert set(oscs) <= APP_OSC, f"{name}: OSC {sorted(set(oscs) - APP_OSC)} from user text (8 is a markup link)"
    assert out.count(b"\x07") <= len(oscs), f"{name}: a BEL from user text reached the terminal"
    assert term.child.isalive(), f"{name}: the app died:\n{term.text()}"
    assert "=HYPERLINK" in term.text() or name in ("help", "new_partnership", "summary", "release_plan", "roles", "session", "start_session", "plan")
