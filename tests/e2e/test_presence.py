"""Each window shows who else has the database open and where, within two seconds, and a
window that is gone disappears."""

from __future__ import annotations

from .test_two_partners import running_session


def test_two_windows_see_each_other_and_a_killed_one_disappears(terminal, demo_db):
    running_session(demo_db)
    home = terminal("--as", "Maria Alvarez", "demo", "--db", str(demo_db), cols=160, rows=40)
    home.wait_for("Alvarez & Lee")
    session = terminal("--as", "Jordan Lee", "session", "--db", str(demo_db), "--partnership", "science", "--resume", cols=160, rows=40)
    session.wait_for("Step 1/")
    home.wait_for("here too: Jordan Lee — session, step 1", timeout=5)
    session.kill()
    home.wait_for(lambda s: "here too" not in s, timeout=10)
    assert home.child.isalive()


def test_two_partners_in_one_session_see_each_other_in_its_bar(terminal, demo_db):
    running_session(demo_db)
    a = terminal("--as", "Maria Alvarez", "session", "--db", str(demo_db), "--partnership", "science", "--resume", cols=160, rows=40)
    b = terminal("--as", "Jordan Lee", "session", "--db", str(demo_db), "--partnership", "science", "--resume", cols=160, rows=40)
    a.wait_for("with Jordan Lee", timeout=8)
    b.wait_for("with Maria Alvarez", timeout=8)
