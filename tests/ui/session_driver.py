"""Helpers that drive the live session by keys, as a teacher would."""

from __future__ import annotations

from textual.pilot import Pilot

from coplan_tui.store import Store
from coplan_tui.ui.app import CoplanApp

from ..conftest import FakeClock
from .helpers import settle


def session_app(store: Store, clock: FakeClock, partnership: str = "lee", template: str | None = None, resume: bool = False) -> CoplanApp:
    def start(app: CoplanApp) -> None:
        app.open_session(partnership_query=partnership, template_query=template, resume=resume)

    return CoplanApp(store.path, store=store, clock=clock, poll=False, start=start)


async def start_session(pilot: Pilot) -> None:
    """On the start screen with one partnership matched: enter on template, enter on leader."""
    await settle(pilot)
    await pilot.press("enter", "enter")
    await settle(pilot)


async def add_todo(pilot: Pilot, title: str, owner_moves: int = 0, feedback: str = "", due: str = "") -> None:
    """From the session screen: leave the notes if needed, press a, fill the dialog, enter."""
    if pilot.app.focused is not None and pilot.app.focused.id == "notes":
        await pilot.press("escape")
    await pilot.press("a")
    await wait_for_focus(pilot, "todo-title-input")
    await pilot.press(*title, "tab")
    for _ in range(owner_moves):
        await pilot.press("down")
    await pilot.press("tab", *feedback, "tab", *due, "enter")
    await settle(pilot)


async def wait_for_focus(pilot: Pilot, widget_id: str, tries: int = 200) -> None:
    """Wait until the dialog is up and its field focused, so no keystroke lands behind it."""
    for _ in range(tries):
        focused = pilot.app.focused
        if focused is not None and focused.id == widget_id:
            return
        await pilot.pause(0.01)
    raise AssertionError(f"#{widget_id} never took focus (focused: {pilot.app.focused!r})")


async def tick(pilot: Pilot, clock: FakeClock, seconds: float) -> None:
    clock.advance(seconds=seconds)
    pilot.app.screen._tick()  # draw now rather than waiting for the next real tick
    await pilot.pause()


async def autosave(pilot: Pilot) -> None:
    """Run the notes autosave now instead of waiting for its half-second interval."""
    pilot.app.screen._autosave()
    await settle(pilot)
