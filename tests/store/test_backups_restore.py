"""A backup before the first write of each run; newest 10 kept; restore validates first."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

from coplan_tui.store import Store
from coplan_tui.store.backups import list_backups


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "coplan_tui.cli", *args], capture_output=True, text=True)


def test_one_backup_per_run_newest_ten_kept(db_path, clock):
    Store(db_path, clock=clock).set_setting("run", 0)  # creates the file: nothing to back up
    assert list_backups(db_path) == []
    for run in range(1, 13):
        clock.advance(minutes=1)
        s = Store(db_path, clock=clock)
        s.set_setting("run", run)
        s.set_setting("again", run)  # a second write in the same run makes no second backup
    backups = list_backups(db_path)
    assert len(backups) == 10
    for b in backups:
        assert stat.S_IMODE(os.stat(b).st_mode) == 0o600
    # the newest backup holds the file as it was before run 12 wrote
    assert Store(backups[0]).setting("run") == 11


def test_restore_lists_validates_and_keeps_the_current_file(db_path, clock):
    s = Store(db_path, clock=clock)
    s.set_setting("version", "first")
    clock.advance(minutes=1)
    Store(db_path, clock=clock).set_setting("version", "second")
    listing = _cli("restore", "--db", str(db_path))
    assert listing.returncode == 0 and "  1  Mon 23 Nov 2026 15:31:00  0 partnerships, 0 sessions, 0 to-dos, 0 plans  coplan.json." in listing.stdout

    (backup,) = list_backups(db_path)
    done = _cli("restore", "--db", str(db_path), "--from", "1")
    assert done.returncode == 0, done.stderr
    assert Store(db_path).setting("version") == "first"
    assert len(list_backups(db_path)) == 2  # the replaced file was kept
    assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600


def test_restore_refuses_a_corrupt_backup(db_path, clock):
    Store(db_path, clock=clock).set_setting("version", "good")
    bad = db_path.parent / "backups" / "coplan-19990101T000000-000000.json"
    bad.parent.mkdir(exist_ok=True)
    bad.write_text('{"_meta": {"1": {"app": "coplan", "schema_version": 1}}, "todos": {"1": {"title": ""}}')
    before = db_path.read_bytes()
    result = _cli("restore", "--db", str(db_path), "--from", bad.name)
    assert result.returncode == 1
    assert "not a sound coplan database" in result.stderr and "Traceback" not in result.stderr
    assert db_path.read_bytes() == before
