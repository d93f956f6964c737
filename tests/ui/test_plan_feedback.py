"""In the plan editor: comment on an item (every author picker option), resolve it, and send a
draft to the partner for feedback, as keys a user presses."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Select, Static

from coplan_tui.domain.models import LessonPlan, Partnership, Todo
from coplan_tui.store import Store

from .helpers import settle, type_text
from .plan_helpers import cursor_to, editor, plan_app


def detail_text(app) -> str:
    return str(editor(app).query_one(".pe-detail", Static).render())


def demo_plan(store) -> tuple[LessonPlan, Partnership]:
    plan = store.all(LessonPlan)[0]
    return plan, store.get(Partnership, plan.partnership_id)


async def choose(pilot, select_id: str, index: int) -> None:
    select = pilot.app.screen.query_one(f"#{select_id}", Select)
    select.focus()
    await pilot.press("space")  # in a form, enter moves to the next field
    await settle(pilot)
    await pilot.press("home", *["down"] * index, "enter")
    await settle(pilot)


@pytest.mark.parametrize("author_index", [0, 1])
async def test_comment_resolve_and_export(demo_store, clock, author_index):
    plan, p = demo_plan(demo_store)
    seg = plan.segments[0]
    app = plan_app(demo_store, clock, plan.id)
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(pilot)
        editor(app).query_one(".pe-outline").focus()
        await cursor_to(pilot, seg.id)
        await pilot.press("m")
        await settle(pilot)
        await choose(pilot, "field-author", author_index)
        app.screen.query_one("#field-text").focus()
        await type_text(pilot, "Three [/] stations, not four?")
        await pilot.press("ctrl+s")
        await settle(pilot)
        who = p.members[author_index]
        assert f"[open] {who.name} ({p.owner_label(who.id)})" in detail_text(app)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("space", "enter")
        await settle(pilot)
        assert "[resolved]" in detail_text(app) and "Three [/] stations" in detail_text(app)
    [c] = Store(demo_store.path).get(LessonPlan, plan.id).comments
    assert (c.item_id, c.author, c.text, c.resolved) == (seg.id, who.id, "Three [/] stations, not four?", True)


@pytest.mark.parametrize("partner_index", [0, 1])
async def test_send_an_item_for_feedback_makes_the_partners_todo(demo_store, clock, partner_index):
    plan, p = demo_plan(demo_store)
    a = plan.assessments[0]
    before = {t.id for t in demo_store.all(Todo)}
    app = plan_app(demo_store, clock, plan.id)
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(pilot)
        editor(app).query_one(".pe-outline").focus()
        await cursor_to(pilot, a.id)
        await pilot.press("f")
        await settle(pilot)
        await choose(pilot, "field-partner", partner_index)
        app.screen.query_one("#field-by").focus()
        await type_text(pilot, "2026-11-27")
        await pilot.press("ctrl+s")
        await settle(pilot)
    [todo] = [t for t in Store(demo_store.path).all(Todo) if t.id not in before]
    assert (todo.owner, todo.feedback_by, todo.plan_id, todo.item_id) == (p.members[partner_index].id, date(2026, 11, 27), plan.id, a.id)


@pytest.mark.parametrize("me_index", [0, 1])
async def test_a_comment_is_from_me_and_feedback_goes_to_my_partner(demo_store, clock, me_index):
    """Tester: started --as Jordan, a comment's From said Maria (the first member), and saved
    under her name if nobody noticed; feedback always went to the last member."""
    plan, p = demo_plan(demo_store)
    me, partner = p.members[me_index], p.members[1 - me_index]
    app = plan_app(demo_store, clock, plan.id)
    app.user = me.name.split()[0]  # as --as JORDAN or $COPLAN_USER sets it
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(pilot)
        editor(app).query_one(".pe-outline").focus()
        await cursor_to(pilot, plan.segments[0].id)
        await pilot.press("m")
        await settle(pilot)
        assert app.screen.query_one("#field-author", Select).value == me.id
        app.screen.query_one("#field-text").focus()
        await type_text(pilot, "Three stations?")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert app.screen.query_one("#field-partner", Select).value == partner.id
        await pilot.press("escape")
        await settle(pilot)
    [c] = Store(demo_store.path).get(LessonPlan, plan.id).comments
    assert c.author == me.id
