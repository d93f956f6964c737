"""The release advice in a real terminal: an accidental start leaves no trace, the leader
chosen is the one recorded, and `coplan release` says what Home says."""

from __future__ import annotations

import json
import subprocess
import sys
import time

from .harness import isolated_env


def _sessions(db) -> list[dict]:
    return list(json.loads(db.read_text())["sessions"].values())


def _sessions_when(db, count: int, timeout: float = 15.0) -> list[dict]:
    """The sessions once the file holds ``count`` of them: the screen shows a change at once,
    and the writer puts it on disk a moment later (on a loaded machine, later still)."""
    deadline = time.monotonic() + timeout
    while len(found := _sessions(db)) != count and time.monotonic() < deadline:
        time.sleep(0.05)
    return found


def _why_on_home(screen: str) -> str:
    """The Why row and its continuation lines, joined."""
    lines = screen.splitlines()
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("Why"))
    words = [lines[start].split("Why", 1)[1]]
    for line in lines[start + 1 :]:
        if line[:13].strip():  # the next row's label
            break
        words.append(line)
    return " ".join(" ".join(words).split())


def test_accidental_start_is_discarded_and_the_cli_agrees_with_home(terminal, demo_db, home):
    before = _sessions(demo_db)
    term = terminal("demo", "--db", str(demo_db), cols=120, rows=40)
    term.wait_for("Alvarez & Lee")
    term.press("s")
    term.wait_for("Who leads?")
    term.press("enter")  # the template
    term.wait_quiet()
    term.press("down")  # the member not suggested
    term.wait_for(lambda screen: any("●" in line and "Jordan Lee" in line for line in screen.splitlines()))
    term.press("enter")
    screen = term.wait_for("Step 1/7")
    assert "led by Jordan Lee (TC)" in screen
    assert len(_sessions_when(demo_db, len(before) + 1)) == len(before) + 1
    started = next(s for s in _sessions(demo_db) if s["id"] not in {b["id"] for b in before})
    members = {m["id"]: m["name"] for p in json.loads(demo_db.read_text())["partnerships"].values() for m in p["members"]}
    assert members[started["leader_id"]] == "Jordan Lee"
    term.press("escape")
    term.wait_for("a Add to-do")
    term.press("q")
    term.wait_for("Finish or leave this session?")
    term.press("l")
    home_screen = term.wait_for("Session discarded")
    assert len(_sessions_when(demo_db, len(before))) == len(before)  # nothing left behind, nothing counted
    why = _why_on_home(home_screen)
    term.press("q")
    assert term.wait_exit() == 0

    out = subprocess.run(
        [sys.executable, "-m", "coplan_tui", "release", "--db", str(demo_db), "--partnership", "lee", "--format", "json"],
        capture_output=True, text=True, check=True, env=isolated_env(home), cwd=str(home),
    ).stdout  # fmt: skip
    [row] = json.loads(out)
    assert " ".join(row["why"].split()) == why
