"""Quitting while the disk refuses saves asks first, and prints what was not saved."""

from __future__ import annotations

import errno

import pytest

from coplan_tui.domain.models import Partnership, Todo
from coplan_tui.store import store as store_module
from coplan_tui.ui import gateway as gateway_module
from coplan_tui.ui.app import CoplanApp
from coplan_tui.ui.dialogs.confirm import ConfirmScreen

from .helpers import screen_text, settle
from .session_driver import wait_until


@pytest.mark.parametrize("answer", ["y", "n"])
async def test_quit_with_changes_waiting_asks_and_prints_them(demo_store, clock, monkeypatch, capsys, answer):
    monkeypatch.setattr(gateway_module, "RETRY_S", 30.0)

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(store_module, "atomic_write", disk_full)
        pair = demo_store.all(Partnership)[0]
        app.save(Todo(title="Book the [red]lab[/] cart", notes="ask Sam", partnership_id=pair.id, created_at=clock(), updated_at=clock()))
        await settle(pilot)
        await wait_until(pilot, lambda: app.waiting_changes == 1, "the waiting change")
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        await settle(pilot)
        assert "1 change(s) are not saved yet" in screen_text(app)
        await pilot.press(answer)
        if answer == "n":
            await settle(pilot)
            assert app.is_running and not isinstance(app.screen, ConfirmScreen)
            assert app.gateway.unsaved()  # still kept, still retried
            monkeypatch.undo()
        else:
            await wait_until(pilot, lambda: not app.is_running, "the app to end")
    if answer == "y":
        assert app.return_value == 1
        printed = capsys.readouterr().err
        assert "coplan could not save these changes" in printed
        assert "Book the [red]lab[/] cart" in printed and "ask Sam" in printed
