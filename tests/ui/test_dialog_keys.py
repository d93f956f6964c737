"""Enter does what a dialog's hint says; a dialog fits 80x24; help names screens in words.

Issue 10, defects 6 and 11.
"""

from __future__ import annotations

import pytest

from coplan_tui.domain.models import Session, SessionStatus
from coplan_tui.store import Store
from coplan_tui.ui.app import CoplanApp
from coplan_tui.ui.dialogs.help import HelpScreen
from coplan_tui.ui.dialogs.reflection import ReflectionDialog
from coplan_tui.ui.dialogs.step_dialog import StepDialog
from coplan_tui.ui.screens.history import SessionSummaryScreen
from coplan_tui.ui.screens.templates import TemplateEditorScreen

from .helpers import type_text, screen_text, settle
from .session_driver import session_app, start_session, wait_for_focus, wait_until


async def _to_reflection(pilot) -> None:
    await start_session(pilot)
    await type_text(pilot, "We agreed on stations.")  # not an accidental start: that is discarded
    await settle(pilot)
    await pilot.press("escape", "q")
    await settle(pilot)
    await pilot.press("f")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, ReflectionDialog), "the reflection dialog")


@pytest.mark.parametrize("tabs", [0, 1, 3])
async def test_enter_on_a_reflection_box_finishes(demo_store, clock, tabs):
    """Defect 6: the hint says 'enter finish'; Enter ticked the box instead."""
    app = session_app(demo_store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await _to_reflection(pilot)
        assert "enter finish" in screen_text(app)
        await pilot.press("space", *["tab"] * tabs, "enter")
        await settle(pilot)
        assert isinstance(app.screen, SessionSummaryScreen)
    (done,) = [s for s in Store(demo_store.path).all(Session) if s.finished_at == clock.now]
    assert done.status == SessionStatus.DONE
    r = done.reflection
    assert (r.shared_ideas, r.talked_equally, r.took_up_ideas, r.decided_together) == (True, False, False, False)


async def _step_dialog(pilot) -> None:
    await settle(pilot)
    await pilot.press("m")
    await settle(pilot)
    await pilot.press("down", "down", "down", "c")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, TemplateEditorScreen), "the template editor")
    await settle(pilot)
    await pilot.press("a")
    await wait_for_focus(pilot, "step-title-input")


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (160, 48)])
async def test_the_step_editor_shows_its_hint_and_errors(demo_store, clock, size):
    """Defect 11: at 80x24 the step editor's save hint and its errors were off screen."""
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=size) as pilot:
        await _step_dialog(pilot)
        assert isinstance(app.screen, StepDialog)
        assert "ctrl+s save" in screen_text(app)
        await pilot.press("ctrl+s")  # no title
        await settle(pilot)
        text = screen_text(app)
        assert "ctrl+s save" in text and "title" in text.lower() and "empty" in text


@pytest.mark.parametrize("where", ["home", "session"])
async def test_help_names_the_screen_in_words(demo_store, clock, where):
    """Defect 11: 'Help: SessionScreen'."""
    app = session_app(demo_store, clock) if where == "session" else CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(100, 30)) as pilot:
        if where == "session":
            await start_session(pilot)
            await pilot.press("escape")
        await settle(pilot)
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen), "help")
        await settle(pilot)
        title = next(line for line in screen_text(app).splitlines() if "Help:" in line)
        assert "Screen" not in title and "Help: " in title
