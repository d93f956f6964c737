"""Bracketed and hostile titles in the app: shown literally in toasts, never parsed, never a crash."""

from __future__ import annotations

import pytest

from coplan_tui.domain.models import Partnership, Todo
from coplan_tui.domain.todo_changes import new_todo
from coplan_tui.store import Store
from coplan_tui.ui.app import CoplanApp
from coplan_tui.ui.screens.todos import TodosScreen

from .helpers import settle

TITLES = ["See [/r/Teachers] thread", "[/]", "[link=file:///etc/passwd]x[/link]", "Bring the [draft] copy", "[@click=app.quit]Quit[/]"]


def _store_with(db_path, clock, title: str) -> Store:
    from coplan_tui.commands.demo import seed_demo

    store = Store(db_path, clock=clock)
    seed_demo(store)
    for t in store.all(Todo):
        store.delete(Todo, t.id)
    partnership = store.all(Partnership)[0]
    store.put(new_todo(partnership, title, clock()))
    return store


def _toasts(app) -> list[str]:
    return [n.message for n in app._notifications]


def _drawn_toasts(app) -> list[str]:
    from textual.widgets._toast import Toast

    return [toast.render().plain for toast in app.screen.query(Toast)]


@pytest.mark.parametrize("title", TITLES)
async def test_ticking_and_deleting_a_bracketed_title_shows_it_literally(db_path, clock, title):
    store = _store_with(db_path, clock, title)
    app = CoplanApp(store.path, store=store, clock=clock, poll=False)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("T")
        await settle(pilot)
        assert isinstance(app.screen, TodosScreen)
        await pilot.press("x")  # tick: the toast names the to-do
        await settle(pilot)
        assert f"Done: {title}" in _toasts(app)
        assert f"Done: {title}" in _drawn_toasts(app)  # drawn as typed: [draft] stays, [@click] is text
        await pilot.press("u")  # undo: another toast
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, TodosScreen)  # [@click=app.quit] did nothing
    assert app.return_code in (None, 0) and not app._exception


async def test_a_second_export_the_same_day_gets_a_new_name_and_stays_private(demo_store, clock, tmp_path):
    import os
    import stat

    folder = tmp_path / "exports" / "new"
    demo_store.set_setting("export_dir", str(folder))
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    old_umask = os.umask(0)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            await pilot.press("T")
            await settle(pilot)
            for _ in range(2):
                await pilot.press("E")
                await settle(pilot)
                await pilot.press("enter")  # ics
                await settle(pilot)
                await pilot.press("d", "d", "d")  # the second export: other rows (the undated ones)
                await settle(pilot)
    finally:
        os.umask(old_umask)
    first, second = folder / "coplan-todos-2026-11-23.ics", folder / "coplan-todos-2026-11-23-2.ics"
    assert first.exists() and second.exists() and first.read_bytes() != second.read_bytes()
    assert {stat.S_IMODE(p.stat().st_mode) for p in (first, second)} == {0o600}
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
