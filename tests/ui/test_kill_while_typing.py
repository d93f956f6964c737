"""Kill the app with SIGKILL while a teacher types notes: at most the last second is lost.

A real child process runs the app headless on the real clock, with the real autosave and
the real write-behind writer, and types a letter every 20 ms, reporting how much it has
typed. The parent kills it at a random moment and reads the database from disk.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from coplan_tui.domain.models import Session, SessionStatus
from coplan_tui.store import Store

ROOT = Path(__file__).resolve().parents[2]
LOSS_ALLOWED_S = 1.0

CHILD = textwrap.dedent(
    """
    import asyncio, sys, time
    sys.path.insert(0, sys.argv[2])
    from coplan_tui.store import Store
    from coplan_tui.ui.app import CoplanApp
    from coplan_tui.ui.screens.session import SessionScreen
    from coplan_tui.domain.models import Partnership, Session
    from coplan_tui.domain.templates import WEEKLY
    from datetime import datetime

    store = Store(sys.argv[1])
    pair = store.all(Partnership)[0]
    now = datetime.now().astimezone()
    session = Session(partnership_id=pair.id, template=WEEKLY, leader_id=pair.members[0].id, day=now.date(), created_at=now)
    store.put(session)

    async def main():
        app = CoplanApp(store.path, store=store, poll=False, start=lambda a: a.push_screen(SessionScreen(session.id)))
        async with app.run_test(size=(100, 30)) as pilot:
            while not isinstance(app.screen, SessionScreen):
                await pilot.pause(0.02)
            typed = 0
            while True:
                await pilot.press("abcdefghij"[typed % 10])
                typed += 1
                print(f"{time.monotonic()} {typed}", flush=True)
                await asyncio.sleep(0.02)

    asyncio.run(main())
    """
)


@pytest.mark.serial
def test_sigkill_while_typing_loses_at_most_the_last_second(demo_store):
    rng = random.Random(5)
    for _ in range(3):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(demo_store.path), str(ROOT)],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert child.stdout is not None
        log: list[tuple[float, int]] = []
        kill_after = rng.uniform(1.5, 3.0)  # seconds of typing
        while True:
            line = child.stdout.readline()
            assert line, "the child app stopped by itself"
            stamp, typed = line.split()
            log.append((float(stamp), int(typed)))
            if log[-1][0] - log[0][0] >= kill_after:
                break
        child.send_signal(signal.SIGKILL)
        killed_at = time.monotonic()
        child.wait()

        typed_by = max(n for t, n in log if t <= killed_at - LOSS_ALLOWED_S)
        session = next(s for s in Store(demo_store.path).all(Session) if s.status == SessionStatus.RUNNING)
        saved = len(session.steps[0].notes)
        assert saved >= typed_by, f"lost more than {LOSS_ALLOWED_S} s of typing: {saved} saved, {typed_by} typed by then"
        assert saved <= log[-1][1] + 5  # nothing invented
        # The next round types into a new session: finish this one on disk.
        store = Store(demo_store.path)
        store.put(session.model_copy(update={"status": SessionStatus.DONE}))
