"""Screens beneath refresh when they come back to the top, not on every save (issue 10)."""

from __future__ import annotations

from coplan_tui.domain.models import Todo
from coplan_tui.ui.app import CoplanApp
from coplan_tui.ui.screens.home import HomeScreen
from coplan_tui.ui.screens.session import SessionScreen

from .helpers import screen_text, settle
from .session_driver import add_todo, wait_until


async def test_home_under_the_session_refreshes_only_when_it_is_back_on_top(demo_store, clock, monkeypatch):
    refreshed: list[int] = []
    original = HomeScreen.refresh_data

    def counting(self, *args, **kwargs):
        refreshed.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(HomeScreen, "refresh_data", counting)
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        before = len(demo_store.all(Todo))
        await pilot.press("s")
        await wait_until(pilot, lambda: app.focused is not None and app.focused.id == "start-templates", "the start screen")
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.focused is not None and app.focused.id == "start-leader", "the leader")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen), "the session")
        await settle(pilot)
        refreshed.clear()
        for title in ("One", "Two", "Three"):
            await add_todo(pilot, title)
        assert len(demo_store.all(Todo)) == before + 3
        assert refreshed == [], "Home rebuilt under the session"
        await pilot.press("escape", "q", "l")
        await wait_until(pilot, lambda: app.screen is home, "home again")
        await settle(pilot)
        assert len(refreshed) >= 1
        assert app.screen is home and "To-dos" in screen_text(app)
