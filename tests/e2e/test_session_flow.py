"""A whole session in a real terminal: start, type notes, add a to-do, leave; then the file."""

from __future__ import annotations

import json

from .harness import osc_numbers


def _todos(db) -> dict:
    return json.loads(db.read_text())["todos"]


def _sessions(db) -> dict:
    return json.loads(db.read_text())["sessions"]


def start_session(term) -> None:
    term.wait_for("Alvarez & Lee")
    term.press("s")
    term.wait_for("Who leads?")
    term.press("enter")
    term.press("enter")
    term.wait_for("Step 1/7")


def test_home_to_session_to_file(terminal, demo_db):
    term = terminal("demo", "--db", str(demo_db))
    start_session(term)
    term.type("Keep the lab stations; shorten the warm-up.")
    term.wait_for("shorten the warm-up")
    term.press("escape")
    term.wait_for("a Add to-do")  # a key hard on the heels of Escape is issue 16's
    term.press("a")
    term.wait_for("What needs doing?")
    term.type("Print the rubric")
    term.press("enter")
    term.wait_for("Print the rubric")
    term.press("q")
    term.wait_for("Finish or leave this session?")
    term.press("l")
    term.wait_for(lambda s: "Step 1/7" not in s and "Alvarez & Lee" in s)
    term.press("q")
    assert term.wait_exit() == 0

    sessions = list(_sessions(demo_db).values())
    live = [s for s in sessions if s["status"] != "done"]
    assert len(live) == 1
    assert live[0]["steps"][0]["notes"] == "Keep the lab stations; shorten the warm-up."
    assert live[0]["status"] == "paused"
    titles = {t["title"]: t for t in _todos(demo_db).values()}
    assert titles["Print the rubric"]["session_id"] == live[0]["id"]
    # The app drew a whole session without asking the terminal for the clipboard or a title.
    assert not {52, 0, 2} & set(osc_numbers(bytes(term.output)))


def test_sigkill_mid_session_then_resume(terminal, demo_db):
    term = terminal("demo", "--db", str(demo_db))
    start_session(term)
    term.type("Words that must survive a killed terminal.")
    term.wait_for("killed terminal")
    term.pump(1.5)  # notes reach the disk within a second of the last key
    term.kill()

    again = terminal("session", "--db", str(demo_db), "--partnership", "lee", "--resume")
    again.wait_for("Step 1/7")
    screen = again.wait_for("Words that must survive a killed terminal.")
    assert "Start a coplanning session" not in screen
    again.press("escape")
    again.wait_for("a Add to-do")
    again.press("q")
    again.wait_for("Finish or leave this session?")
    again.press("l")
    again.wait_for("Home")
    again.press("q")
    assert again.wait_exit() == 0
