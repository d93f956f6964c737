"""How a live session ends when its window does: ctrl+q and a closed terminal save the notes
editor and pause the clock, unless the partner is still in the session."""

from __future__ import annotations

import json
import signal

import pytest

from .test_two_partners import open_window, running_session


def _session(db, session_id: str) -> dict:
    return next(d for d in json.loads(db.read_text())["sessions"].values() if d["id"] == session_id)


@pytest.mark.parametrize("trial", range(5))
def test_ctrl_q_right_after_typing_keeps_the_words_and_pauses(terminal, demo_db, trial):
    session = running_session(demo_db)
    term = open_window(terminal, demo_db)
    term.type(f"Last words {trial}")
    term.press("ctrl+q", gap=0.0)  # at once: well inside the autosave interval
    assert term.wait_exit() == 0
    doc = _session(demo_db, session.id)
    assert doc["steps"][0]["notes"] == f"Last words {trial}"
    assert doc["status"] == "paused"


def test_a_closed_terminal_saves_and_pauses(terminal, demo_db):
    session = running_session(demo_db)
    term = open_window(terminal, demo_db)
    term.type("Typed just before the connection dropped")
    term.wait_for("Typed just before the connection dropped")  # on screen, not yet autosaved
    term.child.kill(signal.SIGHUP)
    term.wait_exit()
    doc = _session(demo_db, session.id)
    assert doc["steps"][0]["notes"] == "Typed just before the connection dropped"
    assert doc["status"] == "paused"


def test_leaving_while_the_partner_is_still_in_it_keeps_the_clock_running(terminal, demo_db):
    session = running_session(demo_db)
    a = terminal("--as", "Maria Alvarez", "session", "--db", str(demo_db), "--partnership", "science", "--resume", cols=160, rows=40)
    b = terminal("--as", "Jordan Lee", "session", "--db", str(demo_db), "--partnership", "science", "--resume", cols=160, rows=40)
    a.wait_for("with Jordan Lee", timeout=8)
    a.type("Maria's notes")
    a.press("ctrl+q", gap=0.0)
    assert a.wait_exit() == 0
    doc = _session(demo_db, session.id)
    assert doc["status"] == "running" and "Maria's notes" in doc["steps"][0]["notes"]
    b.wait_for("Maria's notes", timeout=5)


def test_a_terminal_that_goes_away_ends_the_process(terminal, demo_db):
    """The real thing: the terminal's side of the pty closes. The kernel hangs the app up; it
    must save, pause and end, not wait forever to draw on a terminal that is gone."""
    import os
    import time

    session = running_session(demo_db)
    term = open_window(terminal, demo_db)
    term.type("Said just before the lid closed")
    term.wait_for("Said just before the lid closed")
    pid = term.child.pid
    term.close_terminal()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if _ended(pid):
            break
        time.sleep(0.05)
    else:
        raise AssertionError("the app kept running after its terminal went away")
    doc = _session(demo_db, session.id)
    assert doc["steps"][0]["notes"] == "Said just before the lid closed" and doc["status"] == "paused"


def _ended(pid: int) -> bool:
    """Exited (a zombie waiting for pexpect to reap it), without reaping it here."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True
