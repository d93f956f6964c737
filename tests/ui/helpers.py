"""Driving the app as a user does: Pilot key presses, then look at the screen and the DB."""

from __future__ import annotations

import os
import time
import weakref

from textual import events
from textual.pilot import Pilot

from coplan_tui.ui.app import CoplanApp


_STARTED: weakref.WeakSet = weakref.WeakSet()
# COPLAN_TEST_SETTLE_DELAY=0.6 makes every settle start late, as on a slow machine: the suite
# must pass that way too (it found the blinking-cursor flake).
SETTLE_DELAY_S = float(os.environ.get("COPLAN_TEST_SETTLE_DELAY", "0") or 0)


class NeverSettled(AssertionError):
    """The app was still busy when ``settle`` gave up: the test would have read a stale screen."""


async def settle(pilot: Pilot, timeout: float = 10.0) -> None:
    """Let the first screen arrive, workers and queued saves finish, and the screen be drawn.

    Every wait is bounded and fails loudly: a test that went on after a silent give-up read a
    half-drawn screen, and that was the flake.
    """
    app = pilot.app
    deadline = time.monotonic() + timeout
    await pilot.pause(SETTLE_DELAY_S or None)
    # The pilot may start before the app has pushed its first screen: keys sent then are lost.
    # Only the first time: an app may later go back to its default screen on purpose.
    while app not in _STARTED:
        if len(app.screen_stack) > 1:
            _STARTED.add(app)
        elif time.monotonic() > deadline:
            raise NeverSettled(f"the app pushed no screen in {timeout} s")
        else:
            await pilot.pause(0.01)
    await app.workers.wait_for_complete()
    if isinstance(app, CoplanApp) and app.gateway is not None:
        app.gateway.flush()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()
    # A loaded machine may still owe a layout or a repaint. Textual has no public "drawn" flag,
    # so this one check reads the screen's private state.
    while _owes_a_frame(app.screen):
        if time.monotonic() > deadline:
            raise NeverSettled(f"{app.screen!r} was still not drawn after {timeout} s")
        await pilot.pause(0.01)


def _owes_a_frame(screen) -> bool:
    return bool(getattr(screen, "_layout_required", False) or getattr(screen, "_dirty_widgets", None))


async def type_text(pilot: Pilot, text: str) -> None:
    """Setup text, sent as one paste to the focused field (an Input keeps its first line).

    Pilot spends 80-100 ms on each key, so a test that is not about which key goes where
    pastes its text. Tests of key routing ("q types in the notes, it does not quit") keep
    pressing real keys."""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


def screen_text(app) -> str:
    """Everything the screen shows, as plain text."""
    from rich.console import Console

    console = Console(width=app.size.width, record=True, file=open("/dev/null", "w"), color_system=None)
    lines = app.screen._compositor.render_update(full=True)  # type: ignore[attr-defined]
    console.print(lines)
    return console.export_text()
