"""How long the home dashboard and the release view take to refresh on a big database.

Run: python tests/benchmarks/dashboard.py. Prints one JSON object per line. The baseline is
the same measurement on the demo database, in the same run. The target is the 100 ms a
screen refresh may take before a keypress feels slow.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from coplan_tui.domain.demo import build_demo  # noqa: E402
from coplan_tui.domain.models import Partnership, Session, SessionStatus, Todo, new_id  # noqa: E402
from coplan_tui.domain.templates import WEEKLY  # noqa: E402
from coplan_tui.store import Store  # noqa: E402
from coplan_tui.ui.app import CoplanApp  # noqa: E402
from coplan_tui.ui.screens.home import HomeScreen  # noqa: E402
from coplan_tui.ui.screens.release_view import ReleaseScreen  # noqa: E402

NOW = datetime(2026, 11, 23, 15, 30, tzinfo=timezone.utc)
COPIES = 25


def copy_of_demo() -> list:
    """The demo with fresh ids, links re-pointed, so many copies live in one file."""
    demo = build_demo(NOW.date(), NOW)
    new_ids = {d.id: new_id() for d in demo}
    copies = []
    for d in demo:
        update = {"id": new_ids[d.id]}
        for field in ("partnership_id", "session_id", "plan_id"):
            if getattr(d, field, None) in new_ids:
                update[field] = new_ids[getattr(d, field)]
        copies.append(d.model_copy(update=update))
    return copies


def big_docs() -> list:
    """COPIES demos, each science pair with 60 more sessions (one every other day)."""
    docs = []
    for _ in range(COPIES):
        demo = copy_of_demo()
        science = next(d for d in demo if isinstance(d, Partnership) and d.phase)
        ct, tc = science.members
        for k in range(60):
            leader = tc if k % 3 == 0 else ct
            day = NOW.date() - timedelta(days=2 * k + 1)
            demo.append(Session(partnership_id=science.id, template=WEEKLY, leader_id=leader.id, day=day, status=SessionStatus.DONE))
        docs += demo
    return docs


def seeded(docs: list) -> Store:
    store = Store(Path(tempfile.mkdtemp()) / "bench.json", clock=lambda: NOW)
    store.put(*docs)
    return store


async def refresh_ms(store: Store, repeats: int = 20) -> tuple[float, float]:
    app = CoplanApp(store.path, store=store, clock=lambda: NOW, poll=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        start = time.perf_counter()
        for _ in range(repeats):
            home.refresh_data()
        home_ms = (time.perf_counter() - start) * 1000 / repeats
        science = next(p for p in store.all(Partnership) if p.phase)
        screen = ReleaseScreen(science.id)
        await app.push_screen(screen)
        await pilot.pause()
        start = time.perf_counter()
        for _ in range(repeats):
            screen.refresh_data()
        release_ms = (time.perf_counter() - start) * 1000 / repeats
    return home_ms, release_ms


def main() -> None:
    demo = seeded(build_demo(NOW.date(), NOW))
    big = seeded(big_docs())
    base_home, base_release = asyncio.run(refresh_ms(demo))
    home, release = asyncio.run(refresh_ms(big))
    size = f"{big.count(Partnership)} partnerships, {big.count(Session)} sessions, {big.count(Todo)} to-dos"
    for name, value, baseline in (
        ("home_refresh_ms", home, base_home),
        ("release_view_refresh_ms", release, base_release),
    ):
        print(json.dumps({"name": name, "value": round(value, 2), "unit": "ms", "target": 100, "baseline": round(baseline, 2), "data": size}))


if __name__ == "__main__":
    main()
