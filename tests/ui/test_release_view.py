"""The release view's figures from recorded sessions, and editing the plan by keys."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from coplan_tui.domain.catalogue import Approach, Phase, Role
from coplan_tui.domain.models import Member, Partnership, Schedule, Session, SessionStatus, Weekday
from coplan_tui.domain.templates import WEEKLY
from coplan_tui.store import Store
from coplan_tui.ui.app import CoplanApp
from coplan_tui.ui.screens.release_view import ReleaseScreen

from ..conftest import FIXED_NOW
from .helpers import screen_text, settle, type_text

TODAY = FIXED_NOW.date()  # Monday 23 November 2026


def cp3_pair(store: Store) -> Partnership:
    """Clinical Practice III, 12 weeks from 2 Nov: Q1 is 2-22 Nov (20-40% TC-led), Q2 from 23 Nov (40-60%)."""
    p = Partnership(
        name="Kim & Ortiz",
        members=[Member(name="Dana Kim", role=Role.CT), Member(name="Luis Ortiz", role=Role.TC)],
        phase=Phase.CP3,
        placement_start=date(2026, 11, 2),
        placement_end=date(2027, 1, 24),
        schedule=Schedule(weekday=Weekday.WED, start_time=time(15, 0)),
    )
    store.put(p)
    return p


def record(store: Store, p: Partnership, leaders: list[tuple[int, Role]]) -> None:
    """Finished sessions ``days`` before today (at 9:00), each led by the member with that role."""
    docs = []
    for days, role in leaders:
        day = TODAY - timedelta(days=days)
        docs.append(
            Session(
                partnership_id=p.id, template=WEEKLY, leader_id=p.member_with_role(role).id, day=day,
                status=SessionStatus.DONE, created_at=datetime.combine(day, time(9), tzinfo=timezone.utc),
            )  # fmt: skip
        )
    store.put(*docs)


async def open_release(app, pilot) -> None:
    await settle(pilot)
    await pilot.press("r")
    await settle(pilot)
    assert isinstance(app.screen, ReleaseScreen)


async def test_figures_follow_the_recorded_leaders(store, clock):
    p = cp3_pair(store)
    # Q1, weeks of 2, 9 and 16 Nov: CT, then TC and CT, then TC
    record(store, p, [(20, Role.CT), (13, Role.TC), (12, Role.CT), (6, Role.TC)])
    app = CoplanApp(store.path, store=store, clock=clock, poll=False)
    async with app.run_test(size=(120, 50)) as pilot:
        await open_release(app, pilot)
        text = screen_text(app)
        # Q2 starts today: nothing held in it yet, and the CT goes first (its middle is 50%)
        assert "No session in Q2 of Clinical Practice III yet; it plans 40–60% TC-led." in text
        assert "Next session (Wed 25 Nov 15:00 (60 min)): Dana Kim (CT) leads." in text
        assert "No session in Q2 yet; Q2 plans 40–60% TC-led: the CT leads next." in text
        [this_week] = [line for line in text.splitlines() if "Q2  23 Nov▸" in line]
        assert "no sessions plan 40–60%" in this_week
        assert "0 of 1 TC plan 20–40%" in text  # week of 2 Nov
        assert "1 of 3 TC plan 20–40%" in text  # week of 9 Nov
        assert "2 of 4 TC plan 20–40%" in text  # week of 16 Nov
        # three TC-led sessions earlier today count at once: 3 of 3 is ahead of 40-60%
        record(store, p, [(0, Role.TC), (0, Role.TC), (0, Role.TC)])
        app._broadcast(external=True)
        await settle(pilot)
        text = screen_text(app)
        assert "Ahead of the plan. 3 of the 3 sessions in Q2 so far were TC-led (100%); Q2 plans 40–60%." in text
        assert "Q2 plans 40–60%: the CT leads next." in text
        # and the regular Wednesday meeting is still the next one (not today: today's already held)
        assert "Next session (Wed 25 Nov 15:00 (60 min)): Dana Kim (CT) leads." in text


async def test_approaches_planned_are_listed_against_the_stage(demo_store, clock):
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 60)) as pilot:
        await open_release(app, pilot)
        text = screen_text(app)
        assert "Station teaching" in text and "expected" in text
        assert "Team teaching" in text and "not in this stage" in text
        assert "Parallel teaching" in text


async def test_edit_a_stage_by_keys_rejects_bad_values_then_saves(store, clock):
    p = cp3_pair(store)
    app = CoplanApp(store.path, store=store, clock=clock, poll=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_release(app, pilot)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("enter")  # edit Q1
        await settle(pilot)
        await pilot.press("tab", "tab", "tab", "tab")  # label, start, end, leader -> from %
        await pilot.press("ctrl+u")
        await type_text(pilot, "80")
        await pilot.press("tab", "ctrl+u")
        await type_text(pilot, "70")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "maximum is below its minimum" in screen_text(app)
        assert store.get(Partnership, p.id).release_plan == []  # nothing saved
        await pilot.press("ctrl+u")  # tick the first approach, one teach, one observe
        await type_text(pilot, "95")
        await pilot.press("tab", "enter")
        await pilot.press("ctrl+s")
        await settle(pilot)
        plan = store.get(Partnership, p.id).release_plan
        assert len(plan) == 4
        assert (plan[0].tc_share_min, plan[0].tc_share_max) == (80, 95)
        assert plan[0].approaches == [Approach.ONE_TEACH_ONE_OBSERVE, Approach.STATION, Approach.SUPPLEMENTAL]
        assert "Edited by you" in screen_text(app)
        await pilot.press("r", "y")
        await settle(pilot)
        assert store.get(Partnership, p.id).release_plan == []


async def test_a_partnership_deleted_by_another_window_closes_its_release_screens(store, clock):
    p = cp3_pair(store)
    app = CoplanApp(store.path, clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_release(app, pilot)
        await pilot.press("e")
        await settle(pilot)
        Store(store.path).delete(Partnership, p.id)
        app._check_file()
        await settle(pilot)
        assert app.screen.__class__.__name__ == "HomeScreen"
        assert app.screen.query_one("#partnerships").row_count == 0


async def test_moving_a_stage_end_moves_the_next_start_so_no_day_falls_in_a_gap(store, clock):
    p = cp3_pair(store)
    app = CoplanApp(store.path, store=store, clock=clock, poll=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_release(app, pilot)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("enter", "tab", "tab")  # edit Q1: its end date
        await pilot.press("ctrl+u", *"2026-11-18", "ctrl+s")
        await settle(pilot)
        assert any("Q2 moved to meet it" in n.message for n in app._notifications)
        # and a Q2 start that would swallow all of Q1 is refused with a message
        await pilot.press("down", "enter", "tab")
        await pilot.press("ctrl+u", *"2026-11-01", "ctrl+s")
        await settle(pilot)
        assert "would start before Q1 does" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
    plan = store.get(Partnership, p.id).release_plan
    assert (plan[0].end, plan[1].start) == (date(2026, 11, 18), date(2026, 11, 19))
    assert plan[1].end == date(2026, 12, 13) and plan[0].guidance  # the rest of Q2 and Q1's words are kept


async def test_a_stage_label_with_markup_is_saved_and_said_literally(store, clock):
    p = cp3_pair(store)
    app = CoplanApp(store.path, store=store, clock=clock, poll=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_release(app, pilot)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("enter", "ctrl+u", *"[/]Q1 [link=x]y[/link]", "ctrl+s")
        await settle(pilot)
        # said as typed: the toast does not read the label as markup
        assert any(n.message == "Saved [/]Q1 [link=x]y[/link]." and not n.markup for n in app._notifications)
    assert store.get(Partnership, p.id).release_plan[0].label == "[/]Q1 [link=x]y[/link]"
