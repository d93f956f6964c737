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
    """Clinical Practice III, 12 weeks from 2 Nov: Q1 is 2-22 Nov (60-67% TC-led)."""
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
    """Finished sessions ``days`` before today, each led by the member with that role."""
    docs = []
    for days, role in leaders:
        day = TODAY - timedelta(days=days)
        docs.append(
            Session(
                partnership_id=p.id, template=WEEKLY, leader_id=p.member_with_role(role).id, day=day,
                status=SessionStatus.DONE, created_at=datetime.combine(day, time(15), tzinfo=timezone.utc),
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
    # weeks of 2, 9 and 16 Nov: CT, then TC and CT, then TC
    record(store, p, [(20, Role.CT), (13, Role.TC), (12, Role.CT), (6, Role.TC)])
    app = CoplanApp(store.path, store=store, clock=clock, poll=False)
    async with app.run_test(size=(120, 50)) as pilot:
        await open_release(app, pilot)
        text = screen_text(app)
        # 2 of the last 4 sessions were TC-led (50%); Q2 (from 23 Nov) plans 67-75%: behind
        assert "Behind the plan. The TC led 2 of the last 4 sessions (50%); Q2 plans 67–75% TC-led." in text
        assert "Next session (Wed 25 Nov 15:00 (60 min)): Luis Ortiz (TC) leads." in text
        assert "the TC led 2 of the last 4 (50%), below 71%, so the TC leads." in text
        [this_week] = [line for line in text.splitlines() if "Q2  23 Nov▸" in line]
        assert "50% of 4 plan 67–75%" in this_week
        assert "  0% of 1 plan 60–67%" in text  # week of 2 Nov
        assert " 33% of 3 plan 60–67%" in text  # week of 9 Nov
        assert " 50% of 4 plan 60–67%" in text  # week of 16 Nov
        # three more TC-led sessions tip it: 5 of the last 7 is 71%, on plan
        record(store, p, [(5, Role.TC), (4, Role.TC), (3, Role.TC)])
        app._broadcast(external=True)
        await settle(pilot)
        text = screen_text(app)
        assert "On plan. The TC led 5 of the last 7 sessions (71%)" in text
        assert "at or above 71%, so the CT leads." in text


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
