"""File safety on real files: hijack-proof temp files, symlinked databases, exact backups
kept by age, duplicate keys refused, private exports that never overwrite."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from coplan_tui.store import Store
from coplan_tui.store.backups import list_backups
from coplan_tui.store.errors import UnreadableFile

ROOT = Path(__file__).resolve().parents[2]


def _cli(*args: str, umask: int | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "coplan_tui.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        preexec_fn=(lambda: os.umask(umask)) if umask is not None else None,
    )


# --- temp files -------------------------------------------------------------------------


def test_a_symlink_planted_at_the_temp_name_is_never_followed(db_path, clock):
    store = Store(db_path, clock=clock)
    victim = db_path.parent / "victim.txt"
    victim.write_text("someone else's file")
    # The old temp name was predictable: .NAME.PID.tmp, opened without O_EXCL.
    planted = db_path.parent / f".{db_path.name}.{os.getpid()}.tmp"
    planted.symlink_to(victim)
    store.set_setting("k", "v")
    assert victim.read_text() == "someone else's file"
    assert not db_path.is_symlink() and Store(db_path).setting("k") == "v"


def test_temp_files_get_fresh_random_names(db_path, clock, monkeypatch):
    from coplan_tui.store import atomic

    seen: list[str] = []
    real = atomic.private_temp

    def spy(folder, name):
        fd, tmp = real(folder, name)
        seen.append(tmp.name)
        return fd, tmp

    monkeypatch.setattr(atomic, "private_temp", spy)
    store = Store(db_path, clock=clock)
    for n in range(3):
        store.set_setting("n", n)
    assert len(seen) == len(set(seen)) >= 3
    assert all(name.startswith(f".{db_path.name}.") and str(os.getpid()) not in name for name in seen)


# --- a symlinked database ----------------------------------------------------------------


def test_a_symlinked_database_is_written_through_and_stays_a_link(tmp_path, clock):
    target = tmp_path / "real" / "coplan.json"
    Store(target, clock=clock).set_setting("who", "target")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    via_link = Store(link, clock=clock)
    via_link.set_setting("who", "through the link")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert Store(target).setting("who") == "through the link"
    assert Path(str(target) + ".lock").exists()  # the lock is the target's, shared with its users
    assert not Path(str(link) + ".lock").exists()


# --- backups -------------------------------------------------------------------------------


def _runs(path: Path, clock, n: int, step: timedelta) -> None:
    for run in range(n):
        clock.now += step
        Store(path, clock=clock).set_setting("run", run)


def test_backups_are_matched_exactly_never_by_prefix(tmp_path, clock):
    plan, old, x2 = tmp_path / "plan.json", tmp_path / "plan-old.json", tmp_path / "plan-2.json"
    Store(old, clock=clock).set_setting("who", "old")
    _runs(old, clock, 3, timedelta(minutes=1))
    _runs(x2, clock, 3, timedelta(minutes=1))
    Store(plan, clock=clock).set_setting("who", "plan")
    assert list_backups(plan) == []
    listing = _cli("restore", "--db", str(plan))
    assert "No backups" in listing.stdout
    refused = _cli("restore", "--db", str(plan), "--from", "1")
    assert refused.returncode == 1 and Store(plan).setting("who") == "plan"
    kept = {p: list_backups(p) for p in (old, x2)}
    _runs(plan, clock, 15, timedelta(minutes=1))
    assert {p: list_backups(p) for p in (old, x2)} == kept and all(kept.values())


def test_a_burst_of_runs_cannot_push_out_yesterdays_backup(db_path, clock):
    Store(db_path, clock=clock).set_setting("day", "before yesterday")
    clock.advance(minutes=24 * 60)
    Store(db_path, clock=clock).set_setting("day", "yesterday")  # backs up "before yesterday"
    clock.advance(minutes=24 * 60)
    _runs(db_path, clock, 60, timedelta(milliseconds=20))  # a script of CLI writes
    backups = list_backups(db_path)
    held = [Store(b).setting("day") for b in backups]
    assert "before yesterday" in held and "yesterday" in held
    assert len(backups) <= 10 + 24 + 30 + 53


def test_restore_lists_each_backups_time_and_counts(demo_store, clock):
    clock.advance(minutes=5)
    Store(demo_store.path, clock=clock).set_setting("x", 1)
    out = _cli("restore", "--db", str(demo_store.path)).stdout
    assert "Mon 23 Nov 2026 15:35:00" in out
    assert "2 partnerships" in out and "12 to-dos, 1 plan " in out


# --- duplicate keys --------------------------------------------------------------------------


DUPLICATES = {
    "a table's document key": '{"_meta":{"1":{"app":"coplan","schema_version":1}},"settings":{"1":{"id":"a","value":1},"1":{"id":"b","value":2}}}',
    "a key inside a document": '{"_meta":{"1":{"app":"coplan","schema_version":1}},"settings":{"1":{"id":"a","value":1,"value":2}}}',
    "a table": '{"_meta":{"1":{"app":"coplan","schema_version":1}},"settings":{},"settings":{}}',
}


@pytest.mark.parametrize("where", DUPLICATES)
def test_duplicate_keys_make_the_file_unreadable_and_it_is_never_written(db_path, where):
    db_path.parent.mkdir(parents=True)
    db_path.write_text(DUPLICATES[where])
    before = db_path.read_bytes()
    with pytest.raises(UnreadableFile, match="appears twice"):
        Store(db_path)
    check = _cli("check", "--db", str(db_path))
    assert check.returncode == 1 and "appears twice" in check.stderr
    add = _cli("todo", "add", "x", "--db", str(db_path))
    assert add.returncode != 0
    assert db_path.read_bytes() == before


# --- exports ------------------------------------------------------------------------------------


def test_exports_are_private_whatever_the_umask_and_never_overwritten(demo_store, tmp_path):
    out = tmp_path / "new" / "deeper" / "todos.csv"
    first = _cli("export", "todos", "--format", "csv", "--db", str(demo_store.path), "-o", str(out), umask=0)
    assert first.returncode == 0, first.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert stat.S_IMODE(out.parent.stat().st_mode) == 0o700 and stat.S_IMODE(out.parent.parent.stat().st_mode) == 0o700
    out.write_text("my edits")
    again = _cli("export", "todos", "--format", "csv", "--done", "--db", str(demo_store.path), "-o", str(out))
    assert again.returncode == 1 and "--force" in again.stderr
    assert out.read_text() == "my edits"
    forced = _cli("export", "todos", "--format", "csv", "--db", str(demo_store.path), "-o", str(out), "--force", umask=0)
    assert forced.returncode == 0 and out.read_text().startswith("id,title")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_the_apps_export_picks_a_new_name_instead_of_overwriting(tmp_path):
    from coplan_tui.store.private_files import write_new_file

    target = tmp_path / "coplan-todos-2026-11-23.md"
    old_umask = os.umask(0)
    try:
        first = write_new_file(target, b"first")
        second = write_new_file(target, b"second, 0 rows")
    finally:
        os.umask(old_umask)
    assert (first, second) == (target, tmp_path / "coplan-todos-2026-11-23-2.md")
    assert first.read_bytes() == b"first" and second.read_bytes() == b"second, 0 rows"
    assert stat.S_IMODE(second.stat().st_mode) == 0o600
