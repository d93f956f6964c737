"""A write the disk refuses shows in the app as a notification, the old file stays, and the
change waits and lands once the disk lets coplan write again.

Real kernel error, no mocks: the child process runs the app under RLIMIT_FSIZE, so the
database file cannot grow and the writer thread gets EFBIG.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import asyncio, os, resource, signal, sys
    sys.path.insert(0, sys.argv[2])
    from datetime import datetime, timezone
    from coplan_tui.domain.models import Partnership, Todo
    from coplan_tui.store import Store
    from coplan_tui.ui.app import CoplanApp
    from tests.ui.helpers import settle

    path = sys.argv[1]
    store = Store(path)
    before = open(path, "rb").read()
    p = store.all(Partnership)[0]
    now = datetime.now(timezone.utc)

    async def main():
        app = CoplanApp(path, store=store, poll=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (len(before), resource.RLIM_INFINITY))
            app.save(Todo(title="x" * 400, notes="n" * 5000, partnership_id=p.id, created_at=now, updated_at=now))
            await settle(pilot)
            assert open(path, "rb").read() == before
            print("UNCHANGED")
            assert app.waiting_changes == 1 and "1 change(s) waiting to be saved" in app.sub_title
            resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
            for _ in range(500):  # the next retry lands
                if not app.waiting_changes:
                    break
                await pilot.pause(0.02)
            messages = [n.message for n in app._notifications]
            print("NOTIFIED:", " | ".join(messages))
            assert any("Could not save" in m and "untouched" in m for m in messages), messages
            assert "The waiting changes are saved." in messages
        assert b"x" * 400 in open(path, "rb").read()
        print("LANDED")

    asyncio.run(main())
    """
)


def test_a_refused_write_is_notified_and_the_file_kept(tmp_path):
    db = tmp_path / "demo.json"
    seeded = subprocess.run([sys.executable, "-m", "coplan_tui", "demo", "--db", str(db), "--no-ui"], cwd=ROOT, capture_output=True)
    assert seeded.returncode == 0
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    result = subprocess.run([sys.executable, str(script), str(db), str(ROOT)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Could not save" in result.stdout and "UNCHANGED" in result.stdout and "LANDED" in result.stdout
