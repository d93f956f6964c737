"""UI-thread time of one save in the live session with Home beneath it, at 10k and 50k to-dos.

Run: python tests/benchmarks/save_under_session.py. Prints one JSON object per line.

Per save, the UI thread stages the change in the store (checks it and shows it at once), then
runs the app's broadcast of the change and the handlers it wakes.
The baseline is the old path, measured in the same run: every screen in the stack handled
the change, so Home rebuilt beneath the session. The value is the new path: the session on
top handles it and Home is only marked to catch up when it comes back. Target: a save costs
the UI thread less than one 16 ms frame.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from coplan_tui.domain.demo import build_demo  # noqa: E402
from coplan_tui.domain.models import Partnership, Todo  # noqa: E402
from coplan_tui.store import Store  # noqa: E402
from coplan_tui.ui.app import CoplanApp  # noqa: E402
from coplan_tui.ui.messages import DataChanged  # noqa: E402
from coplan_tui.ui.screens.home import HomeScreen  # noqa: E402
from coplan_tui.ui.screens.session import SessionScreen  # noqa: E402

NOW = datetime(2026, 11, 23, 15, 30, tzinfo=timezone.utc)
REPEATS = 7


def seeded(todos: int) -> Store:
    store = Store(Path(tempfile.mkdtemp()) / "bench.json", clock=lambda: NOW)
    docs = build_demo(NOW.date(), NOW)
    store.put(*docs)
    partnerships = [d for d in docs if isinstance(d, Partnership)]
    extra = [
        Todo(title=f"To-do {i}", partnership_id=partnerships[i % len(partnerships)].id, due=NOW.date() + timedelta(days=i % 30), created_at=NOW, updated_at=NOW)
        for i in range(todos)
    ]
    store.put(*extra)
    return store


def _ms(fn) -> float:
    runs = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


async def save_ms(store: Store) -> tuple[float, float]:
    def start(app: CoplanApp) -> None:
        app.push_screen(HomeScreen())
        app.open_session(partnership_query="lee")

    app = CoplanApp(store.path, store=store, clock=lambda: NOW, poll=False, start=start)
    async with app.run_test(size=(160, 48)) as pilot:
        for _ in range(500):
            if app.focused is not None and app.focused.id == "start-templates":
                break
            await pilot.pause(0.01)
        await pilot.press("enter")
        for _ in range(500):
            if app.focused is not None and app.focused.id == "start-leader":
                break
            await pilot.pause(0.01)
        await pilot.press("enter")
        for _ in range(1000):
            if isinstance(app.screen, SessionScreen):
                break
            await pilot.pause(0.01)
        await pilot.pause(0.2)
        session = app.screen
        home = next(s for s in app.screen_stack if isinstance(s, HomeScreen))
        message = DataChanged(external=False)

        def new_path() -> None:
            seq = store.stage([session.session])  # what a save now does on the UI thread first
            app._seen_generation = -1  # a fresh change each time
            app._broadcast(external=False)
            session.on_data_changed(message)
            store.unstage(seq)  # (so each repeat stages afresh; not part of a real save)

        def old_path() -> None:  # what every save did before: each screen handled the change
            session.on_data_changed(message)
            home.on_data_changed(message)

        after = _ms(new_path)
        before = _ms(old_path)
    return before, after


def main() -> None:
    for todos in (10_000, 50_000):
        store = seeded(todos)
        before, after = asyncio.run(save_ms(store))
        print(json.dumps({
            "name": f"save_ui_thread_ms_home_under_session_{todos // 1000}k",
            "value": round(after, 2), "unit": "ms", "target": 16, "baseline": round(before, 2),
            "data": f"{store.count(Todo)} to-dos",
        }))


if __name__ == "__main__":
    main()
