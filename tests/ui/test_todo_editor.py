"""The one to-do editor, opened from each place that edits to-dos, behaves the same.

Issue 10, defects 2, 3, 4 and 8: the session's editor moved a TC's to-do to the CT, Enter
flipped the owner, a new to-do opened on the CT, an error outlived its cause, the session
accepted feedback after the due date, and only the session followed the standing roles.
"""

from __future__ import annotations

from datetime import date

import pytest

from coplan_tui.domain.models import BOTH, LessonPlan, Partnership, Role, Todo
from coplan_tui.store import Store
from coplan_tui.ui.app import CoplanApp
from coplan_tui.ui.dialogs.todo_dialog import TodoDialog
from coplan_tui.ui.screens.todos import TodosScreen
from coplan_tui.ui.widgets.choice_set import ChoiceSet
from coplan_tui.ui.widgets.todo_table import TodoTable

from .helpers import screen_text, settle, type_text
from .plan_helpers import plan_app
from .session_driver import session_app, start_session, wait_for_focus, wait_until

NEW = ["session", "review", "plan"]
EDIT = ["session", "review"]


def lee(store) -> Partnership:
    return next(p for p in store.all(Partnership) if "science" in p.display_name)


def a_tc_todo(store) -> Todo:
    p = lee(store)
    tc = p.member_by_role(Role.TC) if hasattr(p, "member_by_role") else next(m for m in p.members if m.role == Role.TC)
    todo = next(t for t in store.all(Todo) if t.partnership_id == p.id and t.owner == tc.id and t.is_open)
    return todo


def app_for(where: str, store, clock) -> CoplanApp:
    if where == "session":
        return session_app(store, clock, partnership="lee")
    if where == "plan":
        plan = next(pl for pl in store.all(LessonPlan) if pl.partnership_id == lee(store).id)
        return plan_app(store, clock, plan.id)
    return CoplanApp(store.path, store=store, clock=clock, poll=False, start=lambda app: app.push_screen(TodosScreen(lee(store).id)))


async def open_editor(pilot, where: str, todo: Todo | None = None) -> TodoDialog:
    """Open the to-do editor as a user does there: new when ``todo`` is None, else on it."""
    app = pilot.app
    if where == "session":
        await start_session(pilot)
        if todo is not None:
            app.screen._select(todo.id)
            await pilot.pause()
            await pilot.press("escape")  # out of the notes
            await pilot.press("e")
        else:
            await pilot.press("escape", "a")
    elif where == "review":
        await wait_until(pilot, lambda: isinstance(app.screen, TodosScreen), "the review screen")
        await settle(pilot)
        if todo is not None:
            table = app.screen.query_one(TodoTable)
            while table.current is None or table.current.id != todo.id:
                await pilot.press("down")
            await pilot.press("e")
        else:
            await pilot.press("n")
    else:
        await settle(pilot)
        await pilot.press("t")
    await wait_for_focus(pilot, "todo-title-input")
    assert isinstance(app.screen, TodoDialog)
    return app.screen


async def set_title(pilot, text: str) -> None:
    pilot.app.screen.query_one("#todo-title-input").value = ""
    await type_text(pilot, text)


def on_disk(store, todo_id: str) -> Todo | None:
    return Store(store.path).get(Todo, todo_id)


def saved_new(store, title: str) -> Todo:
    (todo,) = [t for t in Store(store.path).all(Todo) if t.title == title]
    return todo


@pytest.mark.parametrize("where", NEW)
async def test_a_new_todo_follows_the_standing_roles(demo_store, clock, where):
    """Defect 8: 'Handouts' is the TC's standing role in the demo."""
    tc = next(m for m in lee(demo_store).members if m.role == Role.TC)
    app = app_for(where, demo_store, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_editor(pilot, where)
        await set_title(pilot, "Print the handouts")
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, TodoDialog)
    assert saved_new(demo_store, "Print the handouts").owner == tc.id


@pytest.mark.parametrize("where", ["session", "review"])
async def test_a_new_todo_opens_on_both(demo_store, clock, where):
    """Defect 3: the dialog opened on the CT although the default owner is both."""
    app = app_for(where, demo_store, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = await open_editor(pilot, where)
        assert dialog.query_one(ChoiceSet).chosen_index() == 2
        await set_title(pilot, "Water the plants")
        await pilot.press("enter")
        await settle(pilot)
    assert saved_new(demo_store, "Water the plants").owner == BOTH


@pytest.mark.parametrize("where", EDIT)
async def test_editing_the_date_keeps_the_owner(demo_store, clock, where):
    """Defect 2: saving after changing only the date moved a TC's to-do to the CT."""
    todo = a_tc_todo(demo_store)
    app = app_for(where, demo_store, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_editor(pilot, where, todo)
        app.screen.query_one("#todo-due").value = "2026-12-04"
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, TodoDialog)
    after = on_disk(demo_store, todo.id)
    assert after.due == date(2026, 12, 4) and after.owner == todo.owner


@pytest.mark.parametrize("where", NEW)
@pytest.mark.parametrize("index", [0, 1, 2])
@pytest.mark.parametrize("how", ["keys", "click"])
async def test_every_owner_can_be_chosen_and_is_saved(demo_store, clock, where, index, how):
    """Defect 3: Enter on the owner list saves, as the hint says, with the owner shown."""
    p = lee(demo_store)
    owners = [m.id for m in p.members] + [BOTH]
    app = app_for(where, demo_store, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = await open_editor(pilot, where)
        await set_title(pilot, "Water the plants")
        picker = dialog.query_one(ChoiceSet)
        if how == "keys":
            await pilot.press("tab")
            assert app.focused is picker
            while picker._selected != index:
                await pilot.press("down")
            await pilot.press("space")
        else:
            await pilot.click(list(picker.query("Choice"))[index])
            await pilot.pause()
        assert picker.chosen_index() == index
        await pilot.press("enter") if app.focused is picker else await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, TodoDialog), "enter saves"
    assert saved_new(demo_store, "Water the plants").owner == owners[index]


@pytest.mark.parametrize("where", NEW)
async def test_the_title_error_goes_when_a_title_is_typed(demo_store, clock, where):
    app = app_for(where, demo_store, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_editor(pilot, where)
        await set_title(pilot, "")
        await pilot.press("enter")
        await pilot.pause()
        assert "title" in screen_text(app).lower() and "empty" in screen_text(app)
        await type_text(pilot, "W")
        assert "empty" not in screen_text(app)


@pytest.mark.parametrize("where", NEW)
async def test_feedback_after_due_is_refused_everywhere(demo_store, clock, where):
    """Defect 4: the session's editor accepted it, and the JSON export then failed its own import."""
    app = app_for(where, demo_store, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_editor(pilot, where)
        await set_title(pilot, "Late feedback")
        app.screen.query_one("#todo-feedback").value = "2026-12-10"
        app.screen.query_one("#todo-due").value = "2026-12-01"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TodoDialog)
        assert "feedback" in screen_text(app)
    assert not [t for t in Store(demo_store.path).all(Todo) if t.title == "Late feedback"]


@pytest.mark.parametrize("where", EDIT)
async def test_open_and_save_unchanged_leaves_the_file_byte_identical(demo_store, clock, where):
    todo = a_tc_todo(demo_store)
    app = app_for(where, demo_store, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_editor(pilot, where, todo)
        before = demo_store.path.read_bytes()
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, TodoDialog)
        assert demo_store.path.read_bytes() == before
