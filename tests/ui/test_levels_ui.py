"""Levels in the app: the coordination picker and meeting fields saved, what a level change says,
and a cooperation pair's requests on Home."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Select
from textual.widgets._select import SelectCurrent, SelectOverlay

from coplan_tui.domain.catalogue import Level
from coplan_tui.domain.models import Partnership
from coplan_tui.domain.requests import mark_provided, new_request
from coplan_tui.ui.app import CoplanApp
from coplan_tui.ui.screens.partnership_form import PartnershipFormScreen

from .helpers import screen_text, settle, type_text


def library(store) -> Partnership:
    return next(p for p in store.all(Partnership) if not p.phase)


async def open_form(pilot, rows_down: int):
    await settle(pilot)
    await pilot.press(*["down"] * rows_down, "e")
    await settle(pilot)
    assert isinstance(pilot.app.screen, PartnershipFormScreen)


async def pick(pilot, select_id: str, index: int, by_mouse: bool) -> None:
    app = pilot.app
    select = app.screen.query_one(f"#{select_id}", Select)
    select.scroll_visible(animate=False)
    await settle(pilot)
    if by_mouse:
        await pilot.click(select.query_one(SelectCurrent), offset=(2, 0))
        await settle(pilot)
        overlay = select.query_one(SelectOverlay)
        await pilot.click(overlay, offset=(3, index + (1 if overlay.styles.border_top[0] else 0)))
    else:
        select.focus()
        await pilot.press("enter")
        await settle(pilot)
        overlay = select.query_one(SelectOverlay)
        await pilot.press("home", *["down"] * index, "enter")
    await settle(pilot)


@pytest.mark.parametrize("by_mouse", [False, True])
@pytest.mark.parametrize("index, value", [(0, "aligns"), (1, "extra_hands")])
async def test_library_part_every_option_saved(demo_store, clock, by_mouse, index, value):
    p = library(demo_store)
    start = "aligns" if value == "extra_hands" else "extra_hands"
    demo_store.put(p.model_copy(update={"library_part": start}))
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 70)) as pilot:
        await open_form(pilot, 1)
        await pick(pilot, "f-library_part", index, by_mouse)
        assert app.screen.query_one("#f-library_part", Select).value == value
        app.screen.query_one("#f-aligns_with").focus()
        await type_text(pilot, "Evaluating sources [/]")
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = library(demo_store)
    assert saved.library_part == value and saved.aligns_with == "Evaluating sources [/]"


async def test_meeting_room_and_link_are_saved_and_reach_the_calendar(demo_store, clock):
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 70)) as pilot:
        await open_form(pilot, 1)
        app.screen.query_one("#f-location").focus()
        await type_text(pilot, "Library, room 4")
        app.screen.query_one("#f-link").focus()
        await type_text(pilot, "https://meet.example/abc")
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = library(demo_store)
    assert (saved.meeting.location, saved.meeting.link) == ("Library, room 4", "https://meet.example/abc")


@pytest.mark.parametrize("level", list(Level))
async def test_changing_level_says_what_changed(demo_store, clock, level):
    p = library(demo_store)
    before = p.level
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 70)) as pilot:
        await open_form(pilot, 1)
        await pick(pilot, "f-level", list(Level).index(level), by_mouse=False)
        if level == Level.COORDINATION:  # coordination names its one lead (issue 12)
            await pick(pilot, "f-lead", 1, by_mouse=False)
        await pilot.press("ctrl+s")
        await settle(pilot)
        said = " ".join(str(n.message) for n in app._notifications)
    saved = library(demo_store)
    assert saved.level == level
    if level == before:
        assert "was " not in said
    else:
        assert f"Now {level.value} (was {before.value})" in said and "are kept" in said
    assert saved.schedule == p.schedule  # the regular time is kept at every level


async def test_cooperation_pair_sees_requests_on_home_and_no_coplanning(demo_store, clock):
    p = library(demo_store).model_copy(update={"level": Level.COOPERATION})
    now = clock()
    books = new_request(p, "Ten books on volcanoes [/]", now, for_lesson="Lesson 3", needed_by=date(2026, 11, 20))
    cart = mark_provided(new_request(p, "Laptop cart", now), "Cart 2", date(2026, 11, 22))
    demo_store.put(p, books, cart)
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)
        text = screen_text(app)
        assert "no coplanning (cooperation)" in text
        assert "Requests 1 open" in " ".join(text.split()) and "Ten books on volcanoes [/], for Lesson 3, by Fri 20 Nov (late)" in text
        assert "Laptop cart" not in text
