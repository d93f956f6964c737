"""Two real processes editing one file lose nothing and never share an id."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from coplan_tui.domain.catalogue import Role
from coplan_tui.domain.models import Member, Partnership, Todo
from coplan_tui.store import Store

EDITS = 500

CHILD = textwrap.dedent(
    """
    import sys
    from datetime import datetime, timezone
    from coplan_tui.domain.models import Todo
    from coplan_tui.store import Store

    path, pid, tag, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    store = Store(path)
    now = datetime.now(timezone.utc)
    print("ready", flush=True)
    sys.stdin.readline()  # start together
    for i in range(n):
        store.put(Todo(title=f"{tag} {i}", partnership_id=pid, created_at=now, updated_at=now))
    """
)


def test_two_processes_each_make_500_edits_and_all_1000_survive(db_path):
    p = Partnership(members=[Member(name="Ana", role=Role.CT), Member(name="Ben", role=Role.TC)])
    Store(db_path).put(p)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(db_path), p.id, tag, str(EDITS)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for tag in ("left", "right")
    ]
    for proc in procs:
        assert proc.stdout.readline().strip() == "ready"
    for proc in procs:
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in procs:
        assert proc.wait(timeout=600) == 0
    todos = Store(db_path).all(Todo)
    titles = {t.title for t in todos}
    assert len(todos) == 2 * EDITS
    assert titles == {f"{tag} {i}" for tag in ("left", "right") for i in range(EDITS)}
    assert len({t.id for t in todos}) == 2 * EDITS
