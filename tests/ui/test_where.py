"""What a partner's title bar says this window shows: a screen in words, never a class name.

Tester: "here too" showed 'sessionsummary', 'tododialog', 'formdialog' and 'templateeditor'.
"""

from __future__ import annotations

import pytest

from coplan_tui.domain.models import Partnership
from coplan_tui.ui.app import CoplanApp
from coplan_tui.ui.dialogs.todo_dialog import TodoDialog
from coplan_tui.ui.screens.history import HistoryScreen, SessionSummaryScreen

from .helpers import settle
from .session_driver import wait_until


@pytest.mark.parametrize("keys,expected", [((), "Home"), (("h",), "history"), (("h", "enter"), "session summary")])
async def test_where_names_the_screen_in_words_and_a_dialog_by_the_screen_beneath(demo_store, clock, keys, expected):
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        if keys:
            await wait_until(pilot, lambda: isinstance(app.screen, SessionSummaryScreen if len(keys) > 1 else HistoryScreen), "the screen")
        assert app.where() == (expected, None)
        p = demo_store.all(Partnership)[0]
        app.push_screen(TodoDialog(p, clock.now.date(), clock.now))
        await settle(pilot)
        assert app.where() == (expected, None)
