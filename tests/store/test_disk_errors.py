"""Disk full and read-only folders: the write fails cleanly and the old file is untouched.

Real kernel errors, no mocks: a tiny tmpfs (in a user+mount namespace) fills up, then is
remounted read-only.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap

import pytest

CHILD = textwrap.dedent(
    """
    import os, subprocess, sys
    from datetime import datetime, timezone
    from coplan_tui.domain.catalogue import Role
    from coplan_tui.domain.models import Member, Partnership, Todo
    from coplan_tui.store import Store, WriteFailed

    folder = sys.argv[1]
    path = os.path.join(folder, "coplan.json")
    store = Store(path)
    p = Partnership(members=[Member(name="Ana", role=Role.CT), Member(name="Ben", role=Role.TC)])
    store.put(p)
    before = open(path, "rb").read()
    now = datetime.now(timezone.utc)
    big = [Todo(title=f"t{i}", notes="n" * 9000, partnership_id=p.id, created_at=now, updated_at=now) for i in range(60)]
    try:
        store.put(*big)
    except WriteFailed as e:
        assert "No space left on device" in str(e), e
        assert "previous data is untouched" in str(e), e
    else:
        raise SystemExit("disk full went unnoticed")
    assert open(path, "rb").read() == before
    assert [f for f in os.listdir(folder) if f.endswith(".tmp")] == []
    assert store.all(Todo) == []  # memory rolled back to what is on disk
    store2 = Store(path)
    assert [x.id for x in store2.all(Partnership)] == [p.id]
    print("disk-full ok")

    subprocess.run(["mount", "-o", "remount,ro", folder], check=True)
    try:
        store.put(Todo(title="late", partnership_id=p.id, created_at=now, updated_at=now))
    except WriteFailed as e:
        assert "Read-only file system" in str(e), e
    else:
        raise SystemExit("read-only folder went unnoticed")
    assert open(path, "rb").read() == before
    viewer = Store(path)  # opening read-only media: no lock file, but the data is there to read
    assert viewer.read_only and [x.id for x in viewer.all(Partnership)] == [p.id]
    try:
        viewer.put(Todo(title="later", partnership_id=p.id, created_at=now, updated_at=now))
    except WriteFailed as e:
        assert "opened read-only" in str(e) and "untouched" in str(e), e
    else:
        raise SystemExit("a write to a read-only store went unnoticed")
    assert open(path, "rb").read() == before
    print("read-only ok")
    """
)


def _namespaces_work() -> bool:
    if not shutil.which("unshare") or not shutil.which("mount"):
        return False
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True)
    return probe.returncode == 0


@pytest.mark.skipif(not _namespaces_work(), reason="needs unshare -rm (user and mount namespaces)")
def test_disk_full_and_read_only(tmp_path):
    folder = tmp_path / "small"
    folder.mkdir()
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    result = subprocess.run(
        ["unshare", "-rm", "sh", "-c", f'mount -t tmpfs -o size=160k tmpfs "{folder}" && exec "{sys.executable}" "{script}" "{folder}"'],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "disk-full ok" in result.stdout and "read-only ok" in result.stdout
