"""Invariant (issue 10): every option of every Select in the forms can be chosen, by keys
(space opens, arrows, enter) and by mouse click, and it is the one saved.

Covers what test_pickers.py and test_todo_editor.py do not: the plan item forms (an
assessment's kind, designed by, graded by; the plan's kind and status) and the partnership
form's level and phase. Each option is tried, including those the form does not start on.
"""

from __future__ import annotations

import pytest
from textual.widgets import Select
from textual.widgets._select import SelectOverlay

from coplan_tui.domain.catalogue import Level, Phase
from coplan_tui.domain.models import BOTH, LessonPlan, Partnership, PlanStatus
from coplan_tui.store import Store
from coplan_tui.ui.app import CoplanApp
from coplan_tui.ui.dialogs.plan_dialogs import FormDialog
from coplan_tui.ui.screens.home import HomeScreen
from coplan_tui.ui.screens.partnership_form import PartnershipFormScreen

from .helpers import settle
from .plan_helpers import cursor_to, plan_app
from .session_driver import wait_until


async def choose(pilot, select: Select, value, how: str) -> None:
    """Choose ``value`` in ``select`` as a user does: by keys from where the list opens, or by clicks."""
    values = [v for _, v in select._options]
    target = values.index(value)
    if how == "keys":
        select.focus()
        await pilot.pause()
        await pilot.press("space")  # in a form, enter moves to the next field
        await pilot.pause()
        overlay = select.query_one(SelectOverlay)
        start = overlay.highlighted or 0
        for _ in range(abs(target - start)):
            await pilot.press("down" if target > start else "up")
        await pilot.press("enter")
    else:
        await pilot.click(select.query_one("SelectCurrent"))
        await settle(pilot)
        assert select.expanded, f"the click at {select.region} opened the list"
        overlay = select.query_one(SelectOverlay)
        y = overlay._index_to_line[target] - int(overlay.scroll_offset.y)
        await pilot.click(overlay, offset=(3, y + overlay.gutter.top))
    await pilot.pause()
    assert select.value == value


def _plan(store) -> LessonPlan:
    return next(iter(store.all(LessonPlan)))


def _science(store) -> Partnership:
    return next(p for p in store.all(Partnership) if "science" in p.display_name)


OWNERS = ["m0", "m1", BOTH]


def _assessment_cases():
    for field, values in (("kind", ["formative", "summative"]), ("designed_by", OWNERS), ("graded_by", OWNERS)):
        for value in values:
            yield field, value


@pytest.mark.parametrize("how", ["keys", "click"])
@pytest.mark.parametrize("field,value", list(_assessment_cases()))
async def test_every_assessment_option_can_be_chosen_and_is_saved(demo_store, clock, field, value, how):
    plan = _plan(demo_store)
    members = [m.id for m in _science(demo_store).members]
    value = {"m0": members[0], "m1": members[1]}.get(value, value)
    item = plan.assessments[0]
    app = plan_app(demo_store, clock, plan.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await cursor_to(pilot, item.id)
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, FormDialog), "the assessment form")
        await settle(pilot)
        await choose(pilot, app.screen.query_one(f"#field-{field}", Select), value, how)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, FormDialog)
    saved = Store(demo_store.path).get(LessonPlan, plan.id).assessments[0]
    assert getattr(saved, field) == value


DETAILS = [("kind", v) for v in ("lesson", "unit")] + [("status", s.value) for s in PlanStatus]


@pytest.mark.parametrize("how", ["keys", "click"])
@pytest.mark.parametrize("field,value", DETAILS)
async def test_every_plan_kind_and_status_can_be_chosen_and_is_saved(demo_store, clock, field, value, how):
    plan = _plan(demo_store)
    app = plan_app(demo_store, clock, plan.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await wait_until(pilot, lambda: isinstance(app.screen, FormDialog), "the plan details")
        await settle(pilot)
        await choose(pilot, app.screen.query_one(f"#field-{field}", Select), value, how)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, FormDialog)
    saved = Store(demo_store.path).get(LessonPlan, plan.id)
    assert str(getattr(saved, field).value if field == "status" else saved.kind) == value


PARTNERSHIP = [("level", lv.value) for lv in Level] + [("phase", "")] + [("phase", ph.value) for ph in Phase]


@pytest.mark.parametrize("how", ["keys", "click"])
@pytest.mark.parametrize("field,value", PARTNERSHIP)
async def test_every_level_and_phase_can_be_chosen_and_is_saved(demo_store, clock, field, value, how):
    p = _science(demo_store)
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 48)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "Home")
        await settle(pilot)
        while app.screen.selected.id != p.id:
            await pilot.press("down")
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, PartnershipFormScreen), "the form")
        await settle(pilot)
        select = app.screen.query_one(f"#f-{field}", Select)
        select.scroll_visible(animate=False)
        await settle(pilot)
        await choose(pilot, select, value, how)
        if field == "level" and value == Level.COORDINATION.value:
            await choose(pilot, app.screen.query_one("#f-lead", Select), "m2", "keys")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, PartnershipFormScreen), "the form saved"
    saved = Store(demo_store.path).get(Partnership, p.id)
    got = saved.level.value if field == "level" else (saved.phase.value if saved.phase else "")
    assert got == value
