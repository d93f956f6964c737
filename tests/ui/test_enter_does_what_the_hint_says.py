"""Invariant (issue 10): Enter does what the hint says, on every field of every dialog that
promises it.

Each dialog is opened on real data and Tab walks its fields; on each one Enter must do what
the dialog's hint says (save, finish, or move to the next field and save on the last), and
never what the widget under the cursor does by itself (flip a radio, tick a box, open a list).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from textual.screen import Screen

from coplan_tui.domain.models import BOTH, Partnership, Reflection, Todo
from coplan_tui.ui.app import CoplanApp
from coplan_tui.ui.dialogs.choice import ChoiceDialog
from coplan_tui.ui.dialogs.confirm import ConfirmScreen
from coplan_tui.ui.dialogs.plan_dialogs import ChecklistDialog, FormDialog, FormField
from coplan_tui.ui.dialogs.reflection import ReflectionDialog
from coplan_tui.ui.dialogs.todo_dialog import TodoDialog

from .helpers import screen_text, settle
from .session_driver import wait_until

NO_RESULT = object()


@dataclass
class Case:
    hint: str
    """The words of the dialog's hint that promise what Enter does."""
    make: Callable[[Any, Any], Screen]
    """(store, clock) -> the dialog."""
    expect: Callable[[Any, Any], Any]
    """(store, clock) -> what saving the dialog untouched returns."""
    next_field: bool = False
    """Enter moves to the next field, and saves on the last (a multi-field form)."""


def _lee(store) -> Partnership:
    return next(p for p in store.all(Partnership) if "Lee" in p.display_name)


def _todo(store) -> Todo:
    lee = _lee(store)
    return next(t for t in store.all(Todo) if t.partnership_id == lee.id and t.owner != BOTH and t.due and t.feedback_by)


def _new_todo(store, clock) -> TodoDialog:
    return TodoDialog(_lee(store), clock.now.date(), clock.now, title="Print the exit tickets", owner=_lee(store).members[1].id)


FIELDS = [
    FormField("title", "Title", "Food webs"),
    FormField("kind", "Kind", "b", choices=[("a", "a"), ("b", "b"), ("c", "c")]),
    FormField("who", "Who", "x", choices=[("x", "x"), ("y", "y")]),
    FormField("note", "Note", "ok"),
]
VALUES = {"title": "Food webs", "kind": "b", "who": "x", "note": "ok"}

CASES = {
    "new to-do": Case("enter save", _new_todo, lambda s, c: ("owner", _lee(s).members[1].id)),
    "edit to-do": Case(
        "enter save", lambda s, c: TodoDialog(_lee(s), c.now.date(), c.now, todo=_todo(s)), lambda s, c: _todo(s)
    ),
    "form": Case("enter: next/save", lambda s, c: FormDialog("A form", FIELDS, dict), lambda s, c: VALUES, next_field=True),
    "checklist": Case(
        "enter: save",
        lambda s, c: ChecklistDialog("Tick", [("one", "1", True), ("two", "2", False)]),
        lambda s, c: NO_RESULT,  # nothing changed: nothing to save, and a toast says so
    ),
    "reflection": Case(
        "enter finish",
        lambda s, c: ReflectionDialog(Reflection(shared_ideas=True, notes="keep")),
        # finishing answers every question as shown: an unticked box is a "no"
        lambda s, c: Reflection(shared_ideas=True, talked_equally=False, took_up_ideas=False, decided_together=False, notes="keep"),
    ),
    "choice": Case(
        "",
        lambda s, c: ChoiceDialog("Pick", [("one", "One"), ("two", "Two"), ("three", "Three")], current="two"),
        lambda s, c: "two",
    ),
}


def _focus_stops(dialog: Screen) -> list[str]:
    return [w.id or repr(w) for w in dialog.focus_chain]


def _host(store, clock, case: Case, results: list) -> CoplanApp:
    def start(app: CoplanApp) -> None:
        app.push_screen(case.make(store, clock), results.append)

    return CoplanApp(store.path, store=store, clock=clock, poll=False, start=start)


STOPS = {  # the focus stops each dialog has; checked against the dialog below
    "new to-do": 5,
    "edit to-do": 5,
    "form": 4,
    "checklist": 1,
    "reflection": 5,
    "choice": 1,
}


@pytest.mark.parametrize(
    "name,stop", [(name, stop) for name, count in STOPS.items() for stop in range(max(count, 1))]
)
async def test_enter_on_every_field_does_what_the_hint_says(demo_store, clock, name, stop):
    case = CASES[name]
    results: list = []
    app = _host(demo_store, clock, case, results)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, type(case.make(demo_store, clock))), name)
        await settle(pilot)
        dialog = app.screen
        assert len(dialog.focus_chain) == STOPS[name], _focus_stops(dialog)
        assert case.hint in screen_text(app)
        for _ in range(stop):
            await pilot.press("tab")
        await pilot.pause()
        if case.next_field:
            chain = dialog.focus_chain
            for at in range(stop, len(chain) - 1):
                assert app.focused is chain[at]
                await pilot.press("enter")
                await pilot.pause()
                assert app.screen is dialog, f"enter on {chain[at].id} closed the form before its last field"
                assert app.focused is chain[at + 1], f"enter on {chain[at].id} did not move to the next field"
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is not dialog, f"enter to close the {name} dialog")
        await settle(pilot)
        toasts = " ".join(str(n.message) for n in app._notifications)
    expected = case.expect(demo_store, clock)
    assert len(results) == 1
    result = results[0]
    if expected is NO_RESULT:
        assert result is None and "Nothing changed" in toasts
    elif isinstance(expected, tuple):
        field, value = expected
        assert getattr(result, field) == value, f"enter changed the {field}"
    else:
        assert result == expected


@pytest.mark.parametrize("how", ["keys", "click"])
async def test_a_checklist_shows_its_ticks_without_colour_and_saves_what_it_shows(demo_store, clock, monkeypatch, how):
    """Resolving comments: ticked and unticked rows looked the same under NO_COLOR."""
    monkeypatch.setenv("NO_COLOR", "1")
    results: list = []
    case = Case("enter: save", lambda s, c: ChecklistDialog("Tick", [("one", "1", True), ("two", "2", False)]), lambda s, c: None)
    app = _host(demo_store, clock, case, results)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, ChecklistDialog), "the checklist")
        await settle(pilot)
        text = screen_text(app)
        assert "[x] one" in text and "[ ] two" in text
        if how == "keys":
            await pilot.press("space", "down", "space")
        else:
            rows = app.screen.query_one("#checklist")
            top = rows.gutter.top
            await pilot.click(rows, offset=(3, top))
            await pilot.click(rows, offset=(3, top + 1))
        await pilot.pause()
        text = screen_text(app)
        assert "[ ] one" in text and "[x] two" in text
        await pilot.press("enter")
        await settle(pilot)
    assert results == [["2"]]


async def test_enter_answers_no_question_that_throws_work_away(demo_store, clock):
    """Tester: Enter on "Discard your changes?" discarded a new partnership's form, though the
    hint offers only y and n. Enter now does nothing there; y and n (or escape) answer."""
    for key, expected in (("y", True), ("n", False), ("escape", False)):
        results: list = []
        case = Case("y  yes", lambda s, c: ConfirmScreen("Discard your changes?"), lambda s, c: expected)
        app = _host(demo_store, clock, case, results)
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
            await settle(pilot)
            assert "n or escape  no" in screen_text(app)
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, ConfirmScreen) and results == []
            await pilot.press(key)
            await settle(pilot)
        assert results == [expected]


async def test_the_arrows_move_between_the_reflection_questions(demo_store, clock):
    """Tester: only Tab moved between the questions; the arrows did nothing."""
    results: list = []
    case = Case("enter finish", lambda s, c: ReflectionDialog(Reflection()), lambda s, c: None)
    app = _host(demo_store, clock, case, results)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, ReflectionDialog), "the reflection")
        await settle(pilot)
        await pilot.press("down", "down", "space", "up", "space", "down", "down", "down")
        assert app.focused.id == "reflect-notes"
        await pilot.press("enter")
        await settle(pilot)
    r = results[0]
    assert (r.shared_ideas, r.talked_equally, r.took_up_ideas, r.decided_together) == (False, True, True, False)
