"""Creating and editing a partnership by keys: inline errors, nothing saved half-valid."""

from __future__ import annotations

from datetime import date, time

from textual.widgets import Static

from coplan_tui.domain.catalogue import Level, Phase, Role
from coplan_tui.domain.models import Partnership
from coplan_tui.ui.app import CoplanApp
from coplan_tui.ui.screens.home import HomeScreen
from coplan_tui.ui.screens.partnership_form import PartnershipFormScreen
from coplan_tui.ui.screens.roles import RolesScreen

from .helpers import screen_text, settle, type_text


def error_of(app, field: str) -> str:
    label = app.screen.query_one(f"#{field}-error", Static)
    return str(label.render()) if label.display else ""


async def test_create_by_keys_shows_errors_inline_then_saves_the_fixed_form(store, clock):
    app = CoplanApp(store.path, store=store, clock=clock, poll=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, PartnershipFormScreen)
        # The first member's name stays empty; the end date is impossible.
        await pilot.press("tab", "tab")  # m1_role, m2_name, m2_role
        await type_text(pilot, "Jo Lee")
        await pilot.press("tab")
        await pilot.press("tab")
        await type_text(pilot, "LMS")
        await pilot.press("tab")
        await type_text(pilot, "Sci")
        await pilot.press("tab", "7")
        await pilot.press("tab", "enter", "down", "down", "enter")  # phase: Clinical Practice II
        await pilot.press("tab")
        await type_text(pilot, "2026-09-07")
        await pilot.press("tab")
        await type_text(pilot, "2026-13-45")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PartnershipFormScreen)
        assert error_of(app, "m1_name") == "Enter this member's name."
        assert "'2026-13-45' is not a date" in error_of(app, "end")
        assert error_of(app, "start") == ""
        assert "Enter this member's name." in screen_text(app)
        assert store.count(Partnership) == 0  # nothing half-valid was saved
        # The save moved focus to the first bad field; fixing it clears its message at once.
        assert app.focused.id == "f-m1_name"
        await type_text(pilot, "Mia Alv")
        assert error_of(app, "m1_name") == ""
        await pilot.press(*["tab"] * 9, "ctrl+u", *"2026-12-18")
        assert error_of(app, "end") == ""
        await pilot.press("tab", "tab", "enter", "down", "down", "enter", "tab")  # Tuesdays
        await type_text(pilot, "3:30pm")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, RolesScreen)  # setup goes on to strengths and roles
    [p] = store.all(Partnership)
    assert [(m.name, m.role) for m in p.members] == [("Mia Alv", Role.CT), ("Jo Lee", Role.TC)]
    assert (p.context.school, p.context.subject, p.context.grade) == ("LMS", "Sci", "7")
    assert p.phase == Phase.CP2 and p.level == Level.COLLABORATION
    assert (p.placement_start, p.placement_end) == (date(2026, 9, 7), date(2026, 12, 18))
    assert p.schedule.weekday.value == "tue" and p.schedule.start_time == time(15, 30)


async def test_edit_keeps_the_rest_and_escape_asks_before_discarding(demo_store, clock):
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        before = next(p for p in demo_store.all(Partnership) if p.phase)
        await pilot.press("e")
        await settle(pilot)
        assert app.screen.query_one("#f-name").value == before.name
        await pilot.press("ctrl+u", *"Science pair", "q")  # q types, it does not quit
        assert app.screen.query_one("#f-name").value == "Science pairq"
        await pilot.press("escape")
        await settle(pilot)
        assert "Discard your changes?" in screen_text(app)
        await pilot.press("n", "backspace", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    after = demo_store.get(Partnership, before.id)
    assert after.name == "Science pair"
    assert after.members == before.members and after.standing_roles == before.standing_roles
    assert after.schedule == before.schedule


async def test_a_virtual_meeting_needs_its_platform(store, clock):
    app = CoplanApp(store.path, store=store, clock=clock, poll=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await type_text(pilot, "Sam Okafor")  # school librarian
        await pilot.press("tab", "enter", "down", "down", "enter")
        await pilot.press("tab")  # classroom teacher
        await type_text(pilot, "Priya Nair")
        await pilot.press("tab", "enter", "down", "down", "enter")
        app.screen.query_one("#f-mode").focus()
        await pilot.press("enter", "down", "enter", "ctrl+s")
        await settle(pilot)
        assert "Name the video platform" in error_of(app, "platform")
        assert store.count(Partnership) == 0
        await pilot.press("escape", "y")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    assert store.count(Partnership) == 0


async def test_a_name_too_long_is_refused_at_its_field_and_typing_goes_on(demo_store, clock):
    """Issue 10, defect 7: it crashed with a traceback, then on every keystroke after."""
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    before = demo_store.path.read_bytes()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#f-m1_name").value = "[b]x" * 200
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PartnershipFormScreen)
        assert app.screen.shown.get("m1_name")
        app.screen.query_one("#f-name").focus()
        await pilot.press(*"abc")
        await settle(pilot)
        assert isinstance(app.screen, PartnershipFormScreen) and app.return_code in (None, 0)
        assert app.screen.shown.get("m1_name")
    assert demo_store.path.read_bytes() == before
