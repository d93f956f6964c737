"""How much typing it takes to set up a placement: the issue's "under five minutes" target.

Run: python tests/benchmarks/setup_keys.py. Drives the real app with Pilot from an empty
database: the partnership form (names, roles, school, subject, grade, phase, dates, weekly
time), then three strengths and a challenge each, accept the suggested roles, save. It
counts the key presses and converts them to minutes at a slow 2 keys per second (about 24
words a minute). The baseline is the same flow with no inventory (form only).
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from coplan_tui.domain.models import Partnership  # noqa: E402
from coplan_tui.store import Store  # noqa: E402
from coplan_tui.ui.app import CoplanApp  # noqa: E402

NOW = datetime(2026, 8, 31, 9, 0, tzinfo=timezone.utc)
KEYS_PER_SECOND = 2.0

FORM = [
    "n",  # the form opens on the first member's name; the partnership name is optional
    *"Maria Alvarez", "tab", "tab",
    *"Jordan Lee", "tab", "tab",
    *"Lincoln Middle School", "tab", *"Science", "tab", "7", "tab",
    "enter", "down", "down", "enter", "tab",  # Clinical Practice II
    *"2026-09-07", "tab", *"2026-12-18", "tab", "tab",
    "enter", "down", "down", "enter", "tab", *"15:30",  # Tuesdays
    "ctrl+s",
]  # fmt: skip
INVENTORY = [
    *"Classroom routines", "enter", *"Bell work", "enter", *"Lab safety", "tab",
    *"New tech tools", "tab",
    *"Designing handouts", "enter", *"Digital tools", "enter", *"Small groups", "tab",
    *"Transitions", "tab",
    "a", "ctrl+s",
]  # fmt: skip


async def run(keys: list[str]) -> tuple[float, bool]:
    store = Store(Path(tempfile.mkdtemp()) / "setup.json", clock=lambda: NOW)
    app = CoplanApp(store.path, store=store, clock=lambda: NOW, poll=False)
    start = time.perf_counter()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            if key == "ctrl+s":
                await app.workers.wait_for_complete()
                app.gateway.flush()
                await pilot.pause()
        app.gateway.flush()
    elapsed = time.perf_counter() - start
    saved = store.all(Partnership)
    ok = len(saved) == 1 and bool(saved[0].schedule) and (len(keys) == len(FORM) or len(saved[0].standing_roles) >= 4)
    return elapsed, ok


def main() -> None:
    form_time, form_ok = asyncio.run(run(FORM))
    full_time, full_ok = asyncio.run(run(FORM + INVENTORY))
    if not (form_ok and full_ok):
        raise SystemExit("the scripted setup did not save a complete partnership")
    full, form = len(FORM + INVENTORY), len(FORM)
    print(json.dumps({"name": "setup_keystrokes", "value": full, "unit": "keys", "target": None, "baseline": form}))
    print(json.dumps({"name": "setup_minutes_at_2_keys_per_s", "value": round(full / KEYS_PER_SECOND / 60, 2), "unit": "min", "target": 5, "baseline": round(form / KEYS_PER_SECOND / 60, 2)}))
    print(json.dumps({"name": "setup_app_seconds_under_pilot", "value": round(full_time, 2), "unit": "s", "target": None, "baseline": round(form_time, 2)}))


if __name__ == "__main__":
    main()
