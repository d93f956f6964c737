"""A pair corrects its record: who led, the "TC included" mark, deleting, accidental starts.

Every picker is tried on every option (the suggested one and the other), by keys and by a
mouse click, and the test reads back what was saved.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta, timezone

import pytest
from textual.widgets import OptionList, RadioButton, Select

from coplan_tui.domain.catalogue import Level, Phase, Role
from coplan_tui.domain.models import LessonPlan, Member, Partnership, Session, SessionStatus, Todo
from coplan_tui.domain.templates import WEEKLY
from coplan_tui.store import Store
from coplan_tui.ui.app import CoplanApp
from coplan_tui.ui.dialogs.confirm import ConfirmScreen
from coplan_tui.ui.screens.history import HistoryScreen
from coplan_tui.ui.screens.home import HomeScreen
from coplan_tui.ui.screens.partnership_form import PartnershipFormScreen
from coplan_tui.ui.screens.release_view import ReleaseScreen
from coplan_tui.ui.screens.session import SessionScreen

from ..conftest import FIXED_NOW
from .helpers import screen_text, settle
from .session_driver import add_todo, session_app, wait_for_focus, wait_until

TODAY = FIXED_NOW.date()


def cp1_pair(store: Store) -> Partnership:
    p = Partnership(
        name="Reyes & Cho",
        members=[Member(name="Ana Reyes", role=Role.CT), Member(name="Min Cho", role=Role.TC)],
        phase=Phase.CP1,
        placement_start=date(2026, 10, 5),
        placement_end=date(2026, 12, 27),  # Q1 5-25 Oct, Q2 26 Oct-15 Nov, Q3 16 Nov-6 Dec
    )
    store.put(p)
    return p


def held(store: Store, p: Partnership, days_ago: int, role: Role = Role.CT) -> Session:
    day = TODAY - timedelta(days=days_ago)
    s = Session(
        partnership_id=p.id, template=WEEKLY, leader_id=p.member_with_role(role).id, day=day, status=SessionStatus.DONE,
        created_at=datetime.combine(day, time(9), tzinfo=timezone.utc),
    )  # fmt: skip
    store.put(s)
    return s


def app_for(store, clock) -> CoplanApp:
    return CoplanApp(store.path, store=store, clock=clock, poll=False)


async def open_history(app, pilot) -> None:
    await settle(pilot)
    await pilot.press("h")
    await settle(pilot)
    assert isinstance(app.screen, HistoryScreen)


# --- the start screen's leader picker -----------------------------------------------------------


@pytest.mark.parametrize("how", ["keys", "click"])
@pytest.mark.parametrize("index", [0, 1])
async def test_start_screen_leader_every_option_is_the_one_saved(demo_store, clock, how, index):
    """The suggestion (the CT, for the demo pair) is preselected; either member can be chosen."""
    app = session_app(demo_store, clock)
    p = next(x for x in demo_store.all(Partnership) if x.phase)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_focus(pilot, "start-templates")
        await pilot.press("enter")
        await wait_for_focus(pilot, "start-leader")
        buttons = list(app.screen.query(RadioButton))
        assert [b.value for b in buttons] == [True, False]  # Maria Alvarez (CT) is suggested
        if how == "keys":
            await pilot.press(*["down"] * index, "enter")
        else:
            await pilot.click(buttons[index])
            await pilot.pause()
            assert [b.value for b in buttons] == [i == index for i in range(2)]
            await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen), "the session")
        await settle(pilot)
        [session] = [s for s in demo_store.all(Session) if s.status == SessionStatus.RUNNING]
        assert session.leader_id == p.members[index].id


# --- the partnership form's lead (coordination) -------------------------------------------------


@pytest.mark.parametrize("how", ["keys", "click"])
@pytest.mark.parametrize("index", [0, 1])
async def test_coordination_lead_every_option_by_keys_and_click_is_saved(store, clock, how, index):
    app = app_for(store, clock)
    async with app.run_test(size=(110, 50)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, PartnershipFormScreen)
        await pilot.press(*"Sam Okafor", "tab", "enter", "down", "down", "enter")  # school librarian
        await pilot.press("tab", *"Priya Nair", "tab", "enter", "down", "down", "enter")  # classroom teacher
        assert not app.screen.query_one("#lead-field").display  # collaboration: no lead to name
        app.screen.query_one("#f-level").focus()
        await pilot.press("enter", "up", "enter")  # Coordination
        await settle(pilot)
        assert app.screen.query_one("#lead-field").display
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "choose who leads" in screen_text(app) and store.count(Partnership) == 0
        lead = app.screen.query_one("#f-lead", Select)
        if how == "keys":
            lead.focus()
            await pilot.press("enter", *["down"] * (index + 1), "enter")
        else:
            await pilot.click(lead.query_one("SelectCurrent"))
            await pilot.pause()
            assert lead.expanded
            overlay = lead.query_one("SelectOverlay", OptionList)
            labels = [str(overlay.get_option_at_index(i).prompt) for i in range(overlay.option_count)]
            assert labels == ["Choose who leads", "First member: Sam Okafor", "Second member: Priya Nair"]
            await pilot.click(overlay, offset=(4, index + 1))
            await settle(pilot)
        assert lead.value == f"m{index + 1}"
        await pilot.press("ctrl+s")
        await settle(pilot)
    [p] = store.all(Partnership)
    assert p.level == Level.COORDINATION and p.lead_id == p.members[index].id


# --- history: who led, the mark, delete -----------------------------------------------------------


@pytest.mark.parametrize("how", ["keys", "click"])
@pytest.mark.parametrize("index", [0, 1])
async def test_correct_the_leader_of_a_past_session_by_keys_and_click(store, clock, how, index):
    p = cp1_pair(store)
    s = held(store, p, 3, Role.TC)  # recorded as TC-led by mistake
    app = app_for(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_history(app, pilot)
        await pilot.press("l")
        await settle(pilot)
        options = app.screen.query_one("#choice-list", OptionList)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert labels == ["[1] Ana Reyes (CT)", "[2] Min Cho (TC)  (recorded now)"]
        if how == "keys":
            await pilot.press(*["down"] * index, "enter")
        else:
            await pilot.click(options, offset=(4, index))
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert store.get(Session, s.id).leader_id == p.members[index].id
        assert (p.members[index].name.split()[0]) in screen_text(app)


async def test_correcting_the_leader_of_a_running_session_changes_the_advice(store, clock):
    p = cp1_pair(store)
    s = held(store, p, 0, Role.TC).model_copy(update={"status": SessionStatus.PAUSED})
    store.put(s)
    app = app_for(store, clock)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        assert "1 of 1 session in Q3 so far was TC-led" in screen_text(app)
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("l", "1")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert "0 of 1 session in Q3 so far was TC-led" in screen_text(app)
    assert store.get(Session, s.id).leader_id == p.members[0].id


async def test_delete_a_session_asks_first_keeps_its_todos_and_the_backup_keeps_it(store, clock):
    p = cp1_pair(store)
    s = held(store, p, 2)
    keep = held(store, p, 9)
    todo = Todo(title="Print the cards", partnership_id=p.id, session_id=s.id, created_at=FIXED_NOW, updated_at=FIXED_NOW)
    store.put(todo)
    store = Store(store.path, clock=clock)  # a new run of coplan: its first change backs the file up
    app = app_for(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_history(app, pilot)
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "Its 1 to-do stay" in screen_text(app) or "Its 1 to-do" in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        assert store.get(Session, s.id) is not None
        await pilot.press("x", "y")
        await settle(pilot)
        assert "1 session" in screen_text(app)
    assert store.get(Session, s.id) is None and store.get(Session, keep.id) is not None
    assert store.get(Todo, todo.id).session_id is None  # the to-do is still owed
    backups = sorted((store.path.parent / "backups").glob("*.json"))
    assert backups and s.id in json.dumps(json.loads(backups[-1].read_text()))


async def test_mark_tc_included_and_the_cp1_release_view_counts_them_per_stage(store, clock):
    p = cp1_pair(store)
    q2_session = held(store, p, 20)  # 3 Nov: Q2
    held(store, p, 2)  # 21 Nov: Q3, not marked
    plan = LessonPlan(partnership_id=p.id, title="Targeted: fractions", start=date(2026, 11, 18), created_at=FIXED_NOW)
    store.put(plan)
    app = app_for(store, clock)
    async with app.run_test(size=(140, 50)) as pilot:
        await open_history(app, pilot)
        await pilot.press("down", "i")  # the older session (newest first)
        await settle(pilot)
        assert store.get(Session, q2_session.id).tc_included
        await pilot.press("escape", "p")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("i", *["tab"] * 8, "space", "down", "enter", "ctrl+s")  # space opens a form's list
        await settle(pilot)
        assert store.get(LessonPlan, plan.id).tc_included
        while not isinstance(app.screen, HomeScreen):
            await pilot.press("escape")
            await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ReleaseScreen)
        text = screen_text(app)
        assert "TC in planning" in text
        q1, q2, q3 = (next(line for line in text.splitlines() if f"{q} " in line and " – " in line) for q in ("Q1", "Q2", "Q3"))
        assert q1.split("%")[1].split()[0] == "0"
        assert q2.split("%")[1].split()[0] == "1"
        assert q3.split("%")[1].split()[0] == "1"
        # the toggle takes the mark off again
        await pilot.press("escape", "h", "down", "i")
        await settle(pilot)
        assert not store.get(Session, q2_session.id).tc_included


# --- an accidental start -------------------------------------------------------------------------


async def leave_now(pilot, choice: str = "l") -> None:
    if pilot.app.focused is not None and pilot.app.focused.id == "notes":
        await pilot.press("escape")
    await pilot.press("q")
    await settle(pilot)
    await pilot.press(choice)
    await settle(pilot)


@pytest.mark.parametrize("choice", ["l", "f"])
async def test_a_thirty_second_start_is_discarded_when_left(demo_store, clock, choice):
    before = {s.id for s in demo_store.all(Session)}
    app = session_app(demo_store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        from .session_driver import start_session

        await start_session(pilot)
        clock.advance(seconds=30)
        await leave_now(pilot, choice)
        await wait_until(pilot, lambda: not isinstance(app.screen, SessionScreen), "leaving")
        assert any("Discarded" in n.message for n in app._notifications)
    assert {s.id for s in demo_store.all(Session)} == before


@pytest.mark.parametrize("kept_by", ["two minutes", "notes", "a to-do"])
async def test_a_session_with_time_notes_or_a_todo_is_kept(demo_store, clock, kept_by):
    before = {s.id for s in demo_store.all(Session)}
    app = session_app(demo_store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        from .session_driver import autosave, start_session

        await start_session(pilot)
        if kept_by == "two minutes":
            clock.advance(minutes=2)
        elif kept_by == "notes":
            await pilot.press(*"ok")
            await autosave(pilot)
        else:
            await add_todo(pilot, "Bring the rubric")
        await leave_now(pilot, "l")
    assert len({s.id for s in demo_store.all(Session)} - before) == 1


async def test_hostile_names_and_labels_show_literally_in_the_advice_and_the_pickers(store, clock):
    ct_name, tc_name = "[/]Ana [link=x]y[/link]", "Min \x1b]52;c;aGk=\x07 نص 🙂"
    p = cp1_pair(store)
    p = p.model_copy(update={"members": [p.members[0].model_copy(update={"name": ct_name}), p.members[1].model_copy(update={"name": tc_name})]})
    plan = release_plan_with_label(p, "[bold]Q1[/bold]" + "x" * 400)
    store.put(plan)
    held(store, plan, 1)
    app = app_for(store, clock)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "[/]Ana [link=x]y[/link]" in text
        await pilot.press("h", "l")
        await settle(pilot)
        text = screen_text(app)
        assert "[1] [/]Ana [link=x]y[/link] (CT)" in text and "نص 🙂" in text
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("escape", "r")
        await settle(pilot)
        assert isinstance(app.screen, ReleaseScreen)
        assert "[bold]Q1[/bold]" in screen_text(app)


def release_plan_with_label(p: Partnership, label: str) -> Partnership:
    from coplan_tui.domain.release import release_plan

    stages = release_plan(p)
    return p.model_copy(update={"release_plan": [stages[0].model_copy(update={"label": label}), *stages[1:]]})


@pytest.mark.parametrize("how", ["keys", "click"])
@pytest.mark.parametrize("index", [0, 1])
async def test_correct_who_leads_from_the_running_session(demo_store, clock, how, index):
    from .session_driver import autosave, start_session

    p = next(x for x in demo_store.all(Partnership) if x.phase)
    app = session_app(demo_store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await start_session(pilot)  # the suggested leader: the CT
        await pilot.press(*"kept")  # notes typed so far survive the correction
        await pilot.press("escape", "w")
        await settle(pilot)
        options = app.screen.query_one("#choice-list", OptionList)
        assert "(recorded now)" in str(options.get_option_at_index(0).prompt)
        if how == "keys":
            await pilot.press(*["down"] * index, "enter")
        else:
            await pilot.click(options, offset=(4, index))
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        assert f"led by {p.members[index].name}" in screen_text(app)
        await autosave(pilot)
    [running] = [s for s in demo_store.all(Session) if s.status == SessionStatus.RUNNING]
    assert running.leader_id == p.members[index].id and running.steps[0].notes == "kept"


@pytest.mark.parametrize("how", ["keys", "click"])
@pytest.mark.parametrize("value", ["yes", "no"])
async def test_plan_details_tc_included_every_option_by_keys_and_click(store, clock, how, value):
    p = cp1_pair(store)
    plan = LessonPlan(partnership_id=p.id, title="Fractions", tc_included=value == "no", created_at=FIXED_NOW)
    store.put(plan)
    app = app_for(store, clock)
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        field = app.screen.query(Select).last()
        assert field.value == ("no" if value == "yes" else "yes")  # it starts on the other one
        if how == "keys":
            field.focus()
            await pilot.press("space", "down" if value == "yes" else "up", "enter")  # space opens a form's list
        else:
            await pilot.click(field.query_one("SelectCurrent"))
            await pilot.pause()
            overlay = field.query_one("SelectOverlay", OptionList)
            await pilot.click(overlay, offset=(4, 1 if value == "yes" else 0))
        await settle(pilot)
        assert field.value == value
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert store.get(LessonPlan, plan.id).tc_included is (value == "yes")
