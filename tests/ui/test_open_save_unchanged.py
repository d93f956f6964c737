"""Invariant (issue 10): open any editor on an existing document and save without touching
anything, and the database file stays byte-identical.

Byte-identical, not "the same user fields": the store bumps ``rev`` and ``updated_by`` on every
put, so the only way to keep the file as it was is for an unchanged save to write nothing. The
to-do editor has its own test in test_todo_editor.py; this file covers every other editor.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from coplan_tui.domain.models import Lesson, LessonPlan, Partnership, ReleaseStage, Resource, SessionTemplate
from coplan_tui.domain.release import release_plan
from coplan_tui.domain.template_edits import copy_template
from coplan_tui.domain.templates import WEEKLY
from coplan_tui.ui.app import CoplanApp
from coplan_tui.ui.screens.home import HomeScreen
from coplan_tui.ui.screens.partnership_form import PartnershipFormScreen
from coplan_tui.ui.screens.plan import PlanScreen
from coplan_tui.ui.screens.release_plan import ReleasePlanScreen, StageDialog
from coplan_tui.ui.screens.roles import RolesScreen
from coplan_tui.ui.screens.templates import TemplateEditorScreen
from coplan_tui.ui.dialogs.plan_dialogs import FormDialog
from coplan_tui.ui.dialogs.step_dialog import StepDialog

from .helpers import settle
from .plan_helpers import cursor_to, plan_app
from .session_driver import wait_until


def _partnership(store, word: str) -> Partnership:
    return next(p for p in store.all(Partnership) if word in p.display_name)


def _home_app(store, clock) -> CoplanApp:
    return CoplanApp(store.path, store=store, clock=clock, poll=False)


async def _home_on(pilot: Pilot, p: Partnership) -> None:
    """Home with its cursor on ``p``, moved there by the arrow keys."""
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, HomeScreen), "Home")
    await settle(pilot)
    for _ in range(10):
        if pilot.app.screen.selected is not None and pilot.app.screen.selected.id == p.id:
            return
        await pilot.press("down")
    raise AssertionError(f"Home never selected {p.display_name}")


async def _saved_unchanged(pilot: Pilot, open_editor: Callable[[Pilot], Awaitable[type]], save: tuple[str, ...] = ("ctrl+s",)) -> None:
    """Open the editor, take the file's bytes, save untouched, and check the editor closed."""
    editor = await open_editor(pilot)
    await settle(pilot)
    assert isinstance(pilot.app.screen, editor), f"{editor.__name__} did not open"
    before = pilot.app.store.path.read_bytes()
    await pilot.press(*save)
    await settle(pilot)
    assert not isinstance(pilot.app.screen, editor), "the save did not close the editor"
    pilot.app._before = before  # type: ignore[attr-defined]


def _assert_unchanged(app: CoplanApp) -> None:
    after = app.store.path.read_bytes()
    assert after == app._before, "saving an untouched editor changed the database file"  # type: ignore[attr-defined]


# --- the partnership form, the inventory and roles -----------------------------------------


@pytest.mark.parametrize("word", ["Okafor", "science"])
async def test_partnership_form(demo_store, clock, word):
    p = _partnership(demo_store, word)
    app = _home_app(demo_store, clock)
    async with app.run_test(size=(100, 40)) as pilot:

        async def open_form(pilot):
            await _home_on(pilot, p)
            await pilot.press("e")
            return PartnershipFormScreen

        await _saved_unchanged(pilot, open_form)
        _assert_unchanged(app)


@pytest.mark.parametrize("word", ["Okafor", "science"])
async def test_inventory_and_roles(demo_store, clock, word):
    p = _partnership(demo_store, word)
    app = _home_app(demo_store, clock)
    async with app.run_test(size=(100, 40)) as pilot:

        async def open_roles(pilot):
            await _home_on(pilot, p)
            await pilot.press("i")
            return RolesScreen

        await _saved_unchanged(pilot, open_roles)
        _assert_unchanged(app)


# --- a release stage -----------------------------------------------------------------------


def _edited_plan(store) -> None:
    """Store an edited release plan on the science pair (the demo follows the defaults)."""
    p = _partnership(store, "science")
    stages = release_plan(p)
    stages[0] = stages[0].model_copy(update={"tc_share_max": stages[0].tc_share_max - 1})
    store.put(p.model_copy(update={"release_plan": stages}))


@pytest.mark.parametrize("plan", ["defaults", "edited"])
@pytest.mark.parametrize("stage", [0, -1])
async def test_release_stage(demo_store, clock, plan, stage):
    if plan == "edited":
        _edited_plan(demo_store)
    p = _partnership(demo_store, "science")
    app = _home_app(demo_store, clock)
    async with app.run_test(size=(100, 40)) as pilot:

        async def open_stage(pilot):
            await _home_on(pilot, p)
            await pilot.press("r")
            await settle(pilot)
            await pilot.press("e")
            await wait_until(pilot, lambda: isinstance(app.screen, ReleasePlanScreen), "the release plan")
            await settle(pilot)
            table = app.screen.query_one("#stages", DataTable)
            target = table.row_count - 1 if stage == -1 else stage
            while table.cursor_row != target:
                await pilot.press("down")
            await pilot.press("enter")
            return StageDialog

        await _saved_unchanged(pilot, open_stage)
        _assert_unchanged(app)


# --- each plan item, the plan's details, a resource ----------------------------------------


def _unit_with_a_lesson(store, now) -> LessonPlan:
    plan = next(iter(store.all(LessonPlan)))
    unit = plan.model_copy(
        update={"kind": "unit", "lessons": [Lesson(title="Day 1: food webs", day=date(2026, 12, 7), length_minutes=50)]}
    )
    store.put(unit)
    return unit


ITEMS = ["objectives", "assessments", "segments", "lessons"]


@pytest.mark.parametrize("section", ITEMS)
async def test_plan_item(demo_store, clock, section):
    plan = _unit_with_a_lesson(demo_store, clock())
    item = getattr(plan, section)[0]
    app = plan_app(demo_store, clock, plan.id)
    async with app.run_test(size=(120, 40)) as pilot:

        async def open_item(pilot):
            await settle(pilot)
            await cursor_to(pilot, item.id)
            await pilot.press("e")
            return FormDialog

        await _saved_unchanged(pilot, open_item)
        _assert_unchanged(app)


async def test_plan_details(demo_store, clock):
    plan = next(iter(demo_store.all(LessonPlan)))
    app = plan_app(demo_store, clock, plan.id)
    async with app.run_test(size=(120, 40)) as pilot:

        async def open_details(pilot):
            await settle(pilot)
            await pilot.press("i")
            return FormDialog

        await _saved_unchanged(pilot, open_details)
        _assert_unchanged(app)


async def test_plan_resource(demo_store, clock):
    plan = next(iter(demo_store.all(LessonPlan)))
    assert plan.resources and all(isinstance(r, Resource) for r in plan.resources)
    app = plan_app(demo_store, clock, plan.id)
    async with app.run_test(size=(160, 48)) as pilot:

        async def open_resource(pilot):
            await wait_until(pilot, lambda: isinstance(app.screen, PlanScreen), "the plan screen")
            await settle(pilot)
            app.screen.query_one("#resources").focus()
            await pilot.pause()
            await pilot.press("e")
            return FormDialog

        await _saved_unchanged(pilot, open_resource)
        _assert_unchanged(app)


# --- a template step -------------------------------------------------------------------------


@pytest.mark.parametrize("step", [0, -1])
async def test_template_step(demo_store, clock, step):
    template = copy_template(WEEKLY, set())
    demo_store.put(template)
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False, start=lambda app: app.push_screen(TemplateEditorScreen(template)))
    async with app.run_test(size=(100, 40)) as pilot:

        async def open_step(pilot):
            await wait_until(pilot, lambda: isinstance(app.screen, TemplateEditorScreen), "the template editor")
            await settle(pilot)
            for _ in range(len(template.steps) - 1 if step == -1 else step):
                await pilot.press("down")
            await pilot.press("e")
            return StepDialog

        await _saved_unchanged(pilot, open_step)
        _assert_unchanged(app)
    assert demo_store.get(SessionTemplate, template.id) == template
