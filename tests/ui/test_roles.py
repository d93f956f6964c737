"""The strengths inventory by keys: suggestions, accepting them, and the default owner after."""

from __future__ import annotations

from datetime import date

from coplan_tui.domain.catalogue import Phase, Role
from coplan_tui.domain.models import BOTH, Member, Partnership
from coplan_tui.domain.roles import default_owner
from coplan_tui.ui.app import CoplanApp
from coplan_tui.ui.screens.home import HomeScreen
from coplan_tui.ui.screens.roles import RolesScreen

from .helpers import screen_text, settle, type_text


def new_pair(store) -> Partnership:
    p = Partnership(
        members=[Member(name="Maria Alvarez", role=Role.CT), Member(name="Jordan Lee", role=Role.TC)],
        phase=Phase.CP1,
        placement_start=date(2026, 11, 2),
        placement_end=date(2027, 1, 29),
    )
    store.put(p)
    return p


async def test_fill_the_inventory_accept_the_suggestions_and_todos_follow_the_roles(store, clock):
    p = new_pair(store)
    ct, tc = p.members
    app = CoplanApp(store.path, store=store, clock=clock, poll=False)
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, RolesScreen)
        assert app.focused.id == "strengths-0"
        await pilot.press(*"Bell-work activities", "enter", *"Lab safety")  # 'a' types, it does not accept
        await pilot.press("tab")
        await type_text(pilot, "tech tools")
        await pilot.press("tab")
        await type_text(pilot, "Designing handouts")
        await pilot.press("tab", "tab")  # past Jordan's challenges, onto the task areas
        text = screen_text(app)
        assert "Handouts                 together  TC         Jordan Lee lists 'Designing handouts'" in text
        assert "Technology               together  TC         Maria Alvarez lists 'tech tools' as a" in text
        assert store.get(Partnership, p.id).standing_roles == []
        await pilot.press("a", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    saved = store.get(Partnership, p.id)
    roles = {r.area: r.member_id for r in saved.standing_roles}
    assert roles == {"Handouts": tc.id, "Bell work": ct.id, "Materials & lab prep": ct.id, "Technology": tc.id}
    assert saved.members[0].strengths == ["Bell-work activities", "Lab safety"]
    assert saved.members[0].challenges == ["tech tools"]
    # the to-do default owner now follows the standing roles
    assert default_owner(saved, "Print the unit handouts") == tc.id
    assert default_owner(saved, "Bell work for Monday") == ct.id
    assert default_owner(saved, "Book the lab cart") == ct.id
    assert default_owner(saved, "Call the parents") == BOTH


async def test_change_an_owner_add_an_area_and_leave_one_to_decide_together(demo_store, clock):
    p = next(x for x in demo_store.all(Partnership) if x.phase)
    ct, tc = p.members
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        app.screen.query_one("#areas").focus()
        await pilot.press("space")  # Handouts: TC -> none (cycle: CT, TC, together)
        await pilot.press("down", "c")  # Bell work: decide together
        await pilot.press("plus")  # a custom area, then pick its owner
        await type_text(pilot, "Lab cart")
        await pilot.press("enter")
        await pilot.press("enter")
        await pilot.press("ctrl+s")
        await settle(pilot)
    roles = {r.area: r.member_id for r in demo_store.get(Partnership, p.id).standing_roles}
    assert roles == {"Lab cart": ct.id}


async def test_escape_with_unsaved_edits_asks_first(demo_store, clock):
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        await pilot.press("end", "enter")
        await type_text(pilot, "Rubrics")
        await pilot.press("escape")
        await settle(pilot)
        assert "Discard your changes?" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
