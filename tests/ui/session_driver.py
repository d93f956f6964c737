"""Helpers that drive the live session by keys, as a teacher would."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from coplan_tui.store import Store
from coplan_tui.ui.app import CoplanApp

from ..conftest import FakeClock
from .helpers import settle, type_text


def session_app(store: Store, clock: FakeClock, partnership: str = "lee", template: str | None = None, resume: bool = False) -> CoplanApp:
    def start(app: CoplanApp) -> None:
        app.open_session(partnership_query=partnership, template_query=template, resume=resume)

    return CoplanApp(store.path, store=store, clock=clock, poll=False, start=start)


async def start_session(pilot: Pilot) -> None:
    """On the start screen with one partnership matched: enter on template, enter on leader."""
    from coplan_tui.ui.screens.session import SessionScreen
    from coplan_tui.ui.screens.session_start import StartSessionScreen

    # A loaded machine may still be mounting the app when the pilot starts: wait for each screen.
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, StartSessionScreen), "the start screen")
    await wait_for_focus(pilot, "start-templates")
    await pilot.press("enter")
    await wait_for_focus(pilot, "start-leader")
    await pilot.press("enter")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, SessionScreen), "the session screen")
    await settle(pilot)


async def add_todo(pilot: Pilot, title: str, owner_moves: int = 0, feedback: str = "", due: str = "") -> None:
    """From the session screen: leave the notes if needed, press a, fill the dialog, enter."""
    if pilot.app.focused is not None and pilot.app.focused.id == "notes":
        await pilot.press("escape")
    await pilot.press("a")
    await wait_for_focus(pilot, "todo-title-input")
    await type_text(pilot, title)
    await pilot.press("tab")
    for _ in range(owner_moves):
        await pilot.press("down")
    await pilot.press("tab")
    await type_text(pilot, feedback)
    await pilot.press("tab")
    await type_text(pilot, due)
    await pilot.press("enter")
    await settle(pilot)


async def wait_until(pilot: Pilot, condition: Callable[[], bool], what: str, tries: int = 500) -> None:
    """Poll the app rather than sleep a fixed time: fast on an idle machine, patient on a loaded one."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError(f"{what} never came (screen: {pilot.app.screen!r}, focused: {pilot.app.focused!r})")


async def wait_for_focus(pilot: Pilot, widget_id: str) -> None:
    """Wait until the dialog is up and its field focused, so no keystroke lands behind it."""
    await wait_until(pilot, lambda: pilot.app.focused is not None and pilot.app.focused.id == widget_id, f"focus on #{widget_id}")


async def tick(pilot: Pilot, clock: FakeClock, seconds: float) -> None:
    clock.advance(seconds=seconds)
    pilot.app.screen._tick()  # draw now rather than waiting for the next real tick
    await pilot.pause()


async def autosave(pilot: Pilot) -> None:
    """Run the notes autosave now instead of waiting for its half-second interval."""
    pilot.app.screen._autosave()
    await settle(pilot)
