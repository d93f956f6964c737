"""Presence files: what a window announces, what the others read, and who disappears."""

from __future__ import annotations

import subprocess
import sys

from coplan_tui.store.presence import STALE_S, PresenceBoard, presence_dir


def test_each_window_reads_the_others_not_itself(tmp_path):
    db = tmp_path / "coplan.json"
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        a, b = PresenceBoard(db), PresenceBoard(db, pid=other.pid)
        a.announce("Maria Alvarez", "Home", None, 100.0)
        b.announce("Jordan Lee", "session, step 3", "s1", 100.0)
        assert [p.describe() for p in a.others(101.0)] == ["Jordan Lee — session, step 3"]
        assert [p.name for p in b.others(101.0)] == ["Maria Alvarez"]
        assert oct(presence_dir(db).stat().st_mode & 0o777) == "0o700"
        assert oct(a.mine.stat().st_mode & 0o777) == "0o600"
    finally:
        other.kill()


def test_a_dead_or_silent_window_disappears(tmp_path):
    db = tmp_path / "coplan.json"
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout
    dead, me = PresenceBoard(db, pid=int(gone)), PresenceBoard(db)
    dead.announce("Jordan Lee", "Home", None, 100.0)
    assert me.others(101.0) == []  # its process is gone
    assert not dead.mine.exists()
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        quiet = PresenceBoard(db, pid=sleeper.pid)
        quiet.announce("Jordan Lee", "Home", None, 100.0)
        assert [p.name for p in me.others(100.0 + STALE_S - 1)] == ["Jordan Lee"]
        assert me.others(100.0 + STALE_S + 1) == []  # alive, but it stopped saying so
    finally:
        sleeper.kill()


def test_hostile_or_broken_entries_are_ignored(tmp_path):
    db = tmp_path / "coplan.json"
    me = PresenceBoard(db)
    me.announce("Me", "Home", None, 100.0)
    (presence_dir(db) / "junk.json").write_text("{ not json")
    (presence_dir(db) / "odd.json").write_text('{"name": 3}')
    assert me.others(100.0) == []
