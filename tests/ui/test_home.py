"""The home screen reads the store; help, quit and the error screen work by keys."""

from __future__ import annotations

from coplan_tui.domain.models import Todo, TodoStatus
from coplan_tui.store import Store
from coplan_tui.ui.app import CoplanApp
from coplan_tui.ui.screens.error import StoreErrorScreen
from coplan_tui.ui.screens.help import HelpScreen
from coplan_tui.ui.screens.home import HomeScreen

from .helpers import settle


async def test_home_lists_partnerships_and_open_todos(demo_store, clock):
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#partnerships").row_count == 2
        open_todos = [t for t in demo_store.all(Todo) if t.is_open]
        assert app.screen.query_one("#todos").row_count == len(open_todos) == 9
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_value == 0


async def test_home_opens_the_store_in_a_worker(demo_store, clock):
    path = demo_store.path
    app = CoplanApp(path, clock=clock, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#partnerships").row_count == 2


async def test_home_refreshes_when_another_process_writes(demo_store, clock):
    app = CoplanApp(demo_store.path, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        other = Store(demo_store.path)
        todo = next(t for t in other.all(Todo) if t.is_open)
        other.put(todo.model_copy(update={"status": TodoStatus.DONE}))
        app._check_file()
        await settle(pilot)
        assert app.screen.query_one("#todos").row_count == 8


async def test_a_corrupt_file_shows_the_error_screen_and_stays_untouched(tmp_path, clock):
    path = tmp_path / "coplan.json"
    path.write_bytes(b'{"todos": {"1": ')
    app = CoplanApp(path, clock=clock, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StoreErrorScreen)
        assert "not valid JSON" in app.screen.message
        await pilot.press("q")
    assert path.read_bytes() == b'{"todos": {"1": '
