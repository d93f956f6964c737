"""The home dashboard: partnerships at a glance, one key to each next step, the first run."""

from __future__ import annotations

from coplan_tui.domain.models import LessonPlan, Partnership, Session, Todo, TodoStatus
from coplan_tui.store import Store
from coplan_tui.ui.app import CoplanApp
from coplan_tui.ui.screens.error import StoreErrorScreen
from coplan_tui.ui.dialogs.help import HelpScreen
from coplan_tui.ui.screens.home import HomeScreen

from .helpers import screen_text, settle


async def test_dashboard_shows_each_partnership_and_the_selected_one_in_detail(demo_store, clock):
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#partnerships").row_count == 2
        text = screen_text(app)
        # the science pair is first: phase, level, next Tuesday session, to-dos, release status
        assert "CP II · Collaboration" in text and "Tue 24 Nov 15:30 (60 min)" in text
        assert "To-dos: open/overdue/due this week" in text
        assert "CT 2/1/1  TC 2/0/2  both 1/0/1" in text and "on plan" in text
        # detail: the suggested leader and why, and each member's load
        assert "led by Maria Alvarez (CT)" in text
        assert "1 of 1 session in Q3 so far was TC-led (100%); Q3 plans 35–50%: the CT leads next." in text
        assert "To-dos CT   2 open · 1 overdue · 1 due this week" in text
        assert "To-dos TC   2 open · 0 overdue · 2 due this week" in text
        await pilot.press("down")
        await settle(pilot)
        text = screen_text(app)
        assert "Peers share the lead" in text and "Thu 26 Nov 12:10" in text
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_value == 0


async def test_start_session_and_todos_are_one_key_away_with_the_selected_partnership(demo_store, clock):
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    calls = []
    app.open_session = lambda partnership_id=None, **kw: calls.append(("session", partnership_id))  # type: ignore[method-assign]
    app.open_todos = lambda partnership_id=None: calls.append(("todos", partnership_id))  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        science = sorted(demo_store.all(Partnership), key=lambda p: p.display_name)
        await pilot.press("s")
        await pilot.press("down", "t")
        assert calls == [("session", science[0].id), ("todos", science[1].id)]


async def test_history_and_release_open_from_home(demo_store, clock):
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "HistoryScreen"
        await pilot.press("escape", "r")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "ReleaseScreen"
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_home_opens_the_store_in_a_worker(demo_store, clock):
    path = demo_store.path
    app = CoplanApp(path, clock=clock, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#partnerships").row_count == 2


async def test_home_refreshes_when_another_process_writes(demo_store, clock):
    app = CoplanApp(demo_store.path, clock=clock)
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        assert "5 · 1 late" in screen_text(app)
        other = Store(demo_store.path)
        science = next(p for p in other.all(Partnership) if p.phase)
        todo = next(t for t in other.all(Todo) if t.is_open and t.partnership_id == science.id and t.is_overdue(clock().date()))
        other.put(todo.model_copy(update={"status": TodoStatus.DONE}))
        app._check_file()
        await settle(pilot)
        assert "5 · 1 late" not in screen_text(app) and "To-dos CT   1 open · 0 overdue" in screen_text(app)


async def test_first_run_welcomes_and_opens_the_demo(store, clock):
    app = CoplanApp(store.path, store=store, clock=clock, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Welcome to coplan" in text and "Create a partnership" in text and "Open the demo" in text
        await pilot.press("e", "r", "h")  # nothing to edit yet: these do nothing
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("d")
        await settle(pilot)
        assert store.count(Partnership) == 2 and store.count(Session) == 10
        assert app.screen.query_one("#partnerships").row_count == 2
        assert "Welcome to coplan" not in screen_text(app)


async def test_first_run_n_opens_the_partnership_form(store, clock):
    app = CoplanApp(store.path, store=store, clock=clock, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "PartnershipFormScreen"


async def test_delete_asks_first_and_removes_everything_of_the_partnership(demo_store, clock):
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        science = next(p for p in demo_store.all(Partnership) if p.phase)
        await pilot.press("x")
        await settle(pilot)
        assert "Delete Alvarez & Lee" in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        assert demo_store.count(Partnership) == 2
        await pilot.press("x", "y")
        await settle(pilot)
        assert demo_store.get(Partnership, science.id) is None
        for model in (Session, Todo, LessonPlan):
            assert not [d for d in demo_store.all(model) if d.partnership_id == science.id]
        assert demo_store.count(Partnership) == 1
        assert app.screen.query_one("#partnerships").row_count == 1


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


async def test_a_huge_partnership_name_leaves_the_other_columns_and_the_yes_no_on_screen(demo_store, clock):
    """Tester: a 4,967-character name filled Home's table at 160x48 (no phase, next session,
    to-dos or release for any row) and pushed the delete question's y/n off screen."""
    p = sorted(demo_store.all(Partnership), key=lambda p: p.display_name.lower())[0]
    demo_store.put(p.model_copy(update={"name": "x" * 4967}))
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Phase · level" in text and "Release" in text
        assert "x" * 60 not in text
        await pilot.press("x")
        await settle(pilot)
        assert "y  yes" in screen_text(app)
