"""The app's error boundary (issue 10, defect 13): an unreadable file is reported once until it
changes; a failure while opening shows the error screen; a failed background job is reported."""

from __future__ import annotations

import os

from coplan_tui.store import Store
from coplan_tui.ui import app as app_module
from coplan_tui.ui.app import CoplanApp
from coplan_tui.ui.screens.error import StoreErrorScreen

from .helpers import settle


def _problems(app) -> list[str]:
    return [n.message for n in app._notifications if n.title == "Database problem"]


async def _poll(pilot) -> None:
    pilot.app._check_file()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_an_unreadable_file_is_reported_once_until_it_changes(demo_store, clock):
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        demo_store.path.write_text("{ torn")
        for _ in range(3):
            await _poll(pilot)
        assert len(_problems(app)) == 1
        demo_store.path.write_text("{ torn differently")
        os.utime(demo_store.path, ns=(1, 1))
        await _poll(pilot)
        assert len(_problems(app)) == 2


async def test_an_unexpected_failure_while_opening_shows_the_error_screen(tmp_path, monkeypatch, clock):
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    from coplan_tui.store import store as store_module

    monkeypatch.setattr(store_module, "Store", broken)  # the app imports it when it opens the file
    app = CoplanApp(tmp_path / "x.json", clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(200):
            if isinstance(app.screen, StoreErrorScreen):
                break
            await pilot.pause(0.01)
        assert isinstance(app.screen, StoreErrorScreen)
        assert "disk on fire" in app.screen.message
        await pilot.press("q")
    assert app.return_code == 1


async def test_a_failed_background_job_is_reported_and_the_app_goes_on(demo_store, clock):
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)

        def boom() -> None:
            raise OSError("export folder vanished")

        worker = app.run_worker(boom, thread=True, name="export x.md", exit_on_error=False)
        for _ in range(200):
            if worker.is_finished and app._notifications:
                break
            await pilot.pause(0.01)
        assert any("export folder vanished" in n.message for n in app._notifications)
        assert app.is_running
