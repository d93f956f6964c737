"""One export-folder rule: every export from the app goes to `exports/` beside the database.

The minutes (`M`) and the to-dos (`E`) went to the folder coplan was started in, the plan
(`x`) to `exports/` beside the database: a partner who started coplan elsewhere could not
find the file the other had just exported.
"""

from __future__ import annotations

import stat

import pytest

from coplan_tui.domain.models import LessonPlan
from coplan_tui.ui.app import CoplanApp

from .helpers import settle
from .plan_helpers import plan_app


async def _export_todos(pilot) -> None:
    await pilot.press("T")
    await settle(pilot)
    await pilot.press("E")
    await settle(pilot)
    await pilot.press("enter")  # the first format


async def _export_minutes(pilot) -> None:
    await pilot.press("h")
    await settle(pilot)
    await pilot.press("M")


async def _export_plan(pilot) -> None:
    await pilot.press("x")


EXPORTS = {"todos": (_export_todos, "coplan-todos-*"), "minutes": (_export_minutes, "coplan-minutes-*.md"), "plan": (_export_plan, "plan-*.md")}


@pytest.mark.parametrize("what", list(EXPORTS))
async def test_every_export_goes_beside_the_database_whatever_the_folder(demo_store, clock, tmp_path, monkeypatch, what):
    elsewhere = tmp_path / "started-here"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    press, pattern = EXPORTS[what]
    if what == "plan":
        app = plan_app(demo_store, clock, demo_store.all(LessonPlan)[0].id)
    else:
        app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    folder = demo_store.path.parent / "exports"
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        for _ in range(2):  # the second export takes the next free name
            await press(pilot)
            await settle(pilot)
            if what == "todos":
                await pilot.press("escape")
                await settle(pilot)
            if what == "minutes":
                await pilot.press("escape")
                await settle(pilot)
        messages = " ".join(n.message for n in app._notifications)
    assert list(elsewhere.iterdir()) == []
    files = sorted(folder.glob(pattern))
    assert len(files) == 2 and files[0].read_bytes() == files[1].read_bytes()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)
    assert all(str(f) in messages for f in files)
