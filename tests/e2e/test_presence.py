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


def test_a_hostile_name_never_reaches_the_partners_terminal(terminal, demo_db):
    from .harness import osc_numbers

    hostile = "[b]Eve[/] \x1b]0;PWNED\x07\x1b]52;c;SGVsbG8=\x07\x1b[31mred"
    watcher = terminal("--as", "Maria Alvarez", "demo", "--db", str(demo_db), cols=160, rows=40)
    watcher.wait_for("Alvarez & Lee")
    mark = watcher.mark()
    eve = terminal("--as", hostile, "demo", "--db", str(demo_db), cols=160, rows=40)
    eve.wait_for("Alvarez & Lee")
    watcher.wait_for("[b]Eve[/]")
    watcher.pump(1.5)
    written = watcher.since(mark)
    assert not {0, 2, 52} & set(osc_numbers(written)), written[-400:]
    assert b"PWNED\x07" not in written and watcher.child.isalive()
