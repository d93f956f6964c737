"""Joining or resuming a session from the app: every choice offered is the one taken."""

from __future__ import annotations

from datetime import timedelta

import pytest

from coplan_tui.domain import timebox
from coplan_tui.domain.models import Partnership, Session, SessionStatus
from coplan_tui.domain.templates import BUILTIN_TEMPLATES
from coplan_tui.ui.app import CoplanApp
from coplan_tui.ui.dialogs.choice import ChoiceDialog
from coplan_tui.ui.screens.history import HistoryScreen, SessionSummaryScreen
from coplan_tui.ui.screens.session import SessionScreen
from coplan_tui.ui.screens.session_start import StartSessionScreen

from .helpers import screen_text, settle
from .session_driver import wait_until


def _science(store) -> Partnership:
    return next(p for p in store.all(Partnership) if "science" in p.display_name)


def _running(store, clock, minutes_ago: float = 10) -> Session:
    pair = _science(store)
    began = clock() - timedelta(minutes=minutes_ago)
    session = Session(partnership_id=pair.id, template=BUILTIN_TEMPLATES[0], leader_id=pair.members[1].id, day=began.date(), created_at=began)
    session = timebox.start(timebox.ensure_runs(session), began)
    store.put(session)
    return session


def _unfinished(store) -> list[Session]:
    return [s for s in store.all(Session) if s.status != SessionStatus.DONE]


async def _home(pilot) -> None:
    await settle(pilot)
    await wait_until(pilot, lambda: "Alvarez & Lee" in screen_text(pilot.app), "home")


async def _pick(pilot, key: str, by_mouse: bool) -> None:
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), "the choice")
    await settle(pilot)
    if by_mouse:
        await pilot.click(f"#choice-list", offset=(4, [k for k, _ in pilot.app.screen.choices].index(key)))
    else:
        await pilot.press(key)
    await settle(pilot)


@pytest.mark.parametrize("by_mouse", [False, True], ids=["keys", "mouse"])
@pytest.mark.parametrize("choice", ["r", "n", "c"])
async def test_s_on_a_partnership_with_an_unfinished_session_offers_it(demo_store, clock, choice, by_mouse):
    running = _running(demo_store, clock)
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await _home(pilot)
        await pilot.press("s")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog), "the offer")
        await settle(pilot)
        assert "step 1 of 7, 10 min in, running" in screen_text(app)
        await _pick(pilot, choice, by_mouse)
        if choice == "r":
            await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen), "the session")
            assert app.screen.session_id == running.id
        elif choice == "n":
            await wait_until(pilot, lambda: isinstance(app.screen, StartSessionScreen), "the start screen")
        else:
            assert not isinstance(app.screen, (SessionScreen, StartSessionScreen, ChoiceDialog))
    assert [s.id for s in _unfinished(demo_store)] == [running.id]  # nothing started behind the user's back


@pytest.mark.parametrize("choice", ["p", "k", "c"])
async def test_a_session_left_running_for_20_hours_asks_first(demo_store, clock, choice):
    running = _running(demo_store, clock, minutes_ago=20 * 60)
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await _home(pilot)
        await pilot.press("s")
        await _pick(pilot, "r", by_mouse=False)
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog) and "Left running since" in screen_text(app), "the question")
        assert "Pause it at the last activity" in screen_text(app)
        await _pick(pilot, choice, by_mouse=False)
        if choice == "c":
            assert not isinstance(app.screen, SessionScreen)
        else:
            await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen), "the session")
            text = screen_text(app)
            if choice == "k":  # hours when it needs them, never 1224 minutes
                assert "+19:48:" in text and "1224:" not in text
            else:
                assert "PAUSED" in text
    session = demo_store.get(Session, running.id)
    elapsed = timebox.total_elapsed(session, clock())
    if choice == "p":
        assert session.status == SessionStatus.PAUSED and elapsed == timedelta(0)  # paused where it was last touched
    else:
        assert elapsed >= timedelta(hours=20)


async def test_the_palette_lists_every_unfinished_session(demo_store, clock):
    running = _running(demo_store, clock)
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await _home(pilot)
        app.resume_any_session()
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog), "the list")
        await settle(pilot)
        assert "Alvarez & Lee" in screen_text(app) and "step 1 of 7" in screen_text(app)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen), "the session")
        assert app.screen.session_id == running.id


@pytest.mark.parametrize("choice", ["r", "f", "d"])
async def test_history_marks_unfinished_sessions_and_offers_old_ones_to_finish_or_discard(demo_store, clock, choice):
    old = _running(demo_store, clock, minutes_ago=3 * 24 * 60)
    old = timebox.pause(old, old.created_at + timedelta(minutes=12))
    demo_store.put(old)
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(140, 36)) as pilot:
        await _home(pilot)
        await pilot.press("h")
        await wait_until(pilot, lambda: isinstance(app.screen, HistoryScreen), "history")
        await settle(pilot)
        assert "▶ step 1 of 7, 12 min in, paused" in screen_text(app)
        await pilot.press("enter")
        await _pick(pilot, choice, by_mouse=False)
        if choice == "d":
            await pilot.press("y")
            await settle(pilot)
        if choice == "r":
            await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen), "the session")
    after = demo_store.get(Session, old.id)
    if choice == "f":
        assert after.status == SessionStatus.DONE and after.finished_at == old.created_at + timedelta(minutes=12)
    elif choice == "d":
        assert after is None
    else:
        assert after.status != SessionStatus.DONE
