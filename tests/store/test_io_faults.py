"""I/O fault injection: each I/O call of a commit fails in turn; the old file stays intact
and the caller is told (``WriteFailed``, whose message the app shows as a toast).

This patches ``os`` functions for the length of one commit: fault injection on a real file
in a real folder, not a mock of the file system.
"""

from __future__ import annotations

import errno
import os
import shutil

import pytest

from coplan_tui.store import Store, WriteFailed

CALLS = {
    "open": (os, "open"),  # the lock file, the temp files (mkstemp), the folder for its fsync
    "write": (os, "writev"),
    "fchmod": (os, "fchmod"),
    "fsync": (os, "fsync"),  # the temp file, the backup, each folder
    "rename": (os, "replace"),
    "backup copy": (shutil, "copyfileobj"),
}


class FailNth:
    def __init__(self, real, n: int):
        self.real, self.n, self.calls, self.fired = real, n, 0, False

    def __call__(self, *args, **kwargs):
        self.calls += 1
        if self.calls == self.n:
            self.fired = True
            raise OSError(errno.EIO, "Input/output error (injected)")
        return self.real(*args, **kwargs)


def _state(path) -> tuple[bytes, list[str]]:
    return path.read_bytes(), sorted(os.listdir(path.parent))


@pytest.mark.parametrize("call", CALLS)
def test_each_io_call_of_a_commit_failing_leaves_the_old_file_and_says_so(db_path, clock, call, monkeypatch):
    Store(db_path, clock=clock).set_setting("value", "old")
    module, name = CALLS[call]
    real = getattr(module, name)
    fired = 0
    for n in range(1, 40):
        clock.advance(seconds=1)
        store = Store(db_path, clock=clock)  # a new run: this commit also makes a backup
        before, _ = _state(db_path)
        failing = FailNth(real, n)
        monkeypatch.setattr(module, name, failing)
        try:
            store.set_setting("value", f"new {n}")
        except WriteFailed as e:
            error = str(e)
        else:
            error = None
        finally:
            monkeypatch.setattr(module, name, real)
        if not failing.fired:
            assert error is None
            break
        fired += 1
        assert error is not None, f"{call} #{n} failed silently"
        on_disk = Store(db_path).setting("value")
        if "may be lost if the power fails" in error:  # only the folder's fsync after the rename
            assert on_disk == f"new {n}" and store.setting("value") == on_disk
        else:
            assert "previous data is untouched" in error
            assert db_path.read_bytes() == before, f"{call} #{n} changed the file"
            assert store.setting("value") == on_disk  # memory went back to the file
        assert not [f for f in os.listdir(db_path.parent) if f.endswith(".tmp")]
        backups = db_path.parent / "backups"
        assert not backups.exists() or not [f for f in os.listdir(backups) if f.endswith(".tmp")]
        Store(db_path, clock=clock).set_setting("value", "old")  # the next round starts from a sound file
    assert fired >= 1, f"no {call} call happened during a commit"


def test_the_folder_fsync_failing_after_the_rename_is_reported(db_path, clock, monkeypatch):
    from coplan_tui.store import atomic

    store = Store(db_path, clock=clock)
    store.set_setting("value", "old")

    def broken(folder):
        raise OSError(errno.EIO, "Input/output error (injected)")

    monkeypatch.setattr(atomic, "fsync_dir", broken)
    with pytest.raises(WriteFailed, match="may be lost if the power fails"):
        store.set_setting("value", "new")
    monkeypatch.undo()
    assert Store(db_path).setting("value") == store.setting("value") == "new"
