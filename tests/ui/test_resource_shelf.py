"""The partnership's resource shelf: put a plan's resource on it, reuse it in another plan."""

from __future__ import annotations

from coplan_tui.domain.models import LessonPlan, Partnership, Resource
from coplan_tui.domain.partnership_form import build, fields_of
from coplan_tui.domain.shelf import shelve, take, unshelve
from coplan_tui.store import Store

from .helpers import settle
from .plan_helpers import empty_plan, plan_app


async def focus_resources(pilot) -> None:
    app = pilot.app
    while app.focused is None or app.focused.id != "resources":
        await pilot.press("tab")


async def test_shelve_then_take_into_another_plan(demo_store, clock):
    plan = next(iter(demo_store.all(LessonPlan)))
    other = empty_plan(demo_store, clock())
    app = plan_app(demo_store, clock, plan.id)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await focus_resources(pilot)
        await pilot.press("home", "S", "down", "S", "up", "S")  # the first one twice: kept once
        await settle(pilot)
    p = Store(demo_store.path).get(Partnership, plan.partnership_id)
    assert [r.label for r in p.shelf] == [r.label for r in plan.resources[:2]]
    app = plan_app(demo_store, clock, other.id)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await focus_resources(pilot)
        for index in (1, 0, 1):  # each shelf item can be chosen; a second take adds nothing
            await pilot.press("g")
            await settle(pilot)
            await pilot.press(*["down"] * index, "enter")
            await settle(pilot)
    taken = Store(demo_store.path).get(LessonPlan, other.id).resources
    assert [r.label for r in taken] == [plan.resources[1].label, plan.resources[0].label]


async def test_take_by_mouse_and_an_empty_shelf_says_so(demo_store, clock):
    from textual.widgets import OptionList

    plan = empty_plan(demo_store, clock())
    app = plan_app(demo_store, clock, plan.id)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await focus_resources(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert any("The shelf is empty" in str(n.message) for n in app._notifications)
    p = demo_store.get(Partnership, plan.partnership_id)
    demo_store.put(p.model_copy(update={"shelf": [Resource(label="Goggles [/]"), Resource(label="Wolves video 🐺", location="https://x")]}))
    app = plan_app(demo_store, clock, plan.id)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await focus_resources(pilot)
        await pilot.press("g")
        await settle(pilot)
        options = app.screen.query_one("#choice-list", OptionList)
        await pilot.click(options, offset=(4, 1 + (1 if options.styles.border_top[0] else 0)))  # the second, two lines
        await settle(pilot)
    assert [r.label for r in Store(demo_store.path).get(LessonPlan, plan.id).resources] == ["Wolves video 🐺"]


def test_shelf_rules_and_the_form_keeps_the_shelf(demo_store):
    p = next(iter(demo_store.all(Partnership)))
    books = Resource(label="Books", location="Library cart")
    p1, new = shelve(p, books)
    assert new and shelve(p1, Resource(label="BOOKS", location="Library cart"))[1] is False
    assert unshelve(p1, len(p1.shelf) - 1).shelf == p.shelf
    edited = build(fields_of(p1), p1.created_at.date() if p1.created_at else __import__("datetime").date(2026, 11, 23), existing=p1)
    assert edited.shelf == p1.shelf
    plan = next(iter(demo_store.all(LessonPlan)))
    assert take(plan, plan.resources[0])[1] is False
