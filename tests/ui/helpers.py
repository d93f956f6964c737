"""Driving the app as a user does: Pilot key presses, then look at the screen and the DB."""

from __future__ import annotations

from textual.pilot import Pilot

from coplan_tui.ui.app import CoplanApp


async def settle(pilot: Pilot) -> None:
    """Let workers, queued saves and repaints finish."""
    app = pilot.app
    await pilot.pause()
    # The pilot may start before the app has pushed its first screen: keys sent then are lost.
    for _ in range(500):
        if getattr(app, "_first_screen_seen", False) or len(app.screen_stack) > 1:
            app._first_screen_seen = True  # type: ignore[attr-defined]
            break
        await pilot.pause(0.01)
    await app.workers.wait_for_complete()
    if isinstance(app, CoplanApp) and app.gateway is not None:
        app.gateway.flush()
    await pilot.pause()
    await pilot.pause()
    # A loaded machine may still owe a layout or a repaint: wait for the screen to be drawn.
    for _ in range(100):
        screen = app.screen
        if not (getattr(screen, "_layout_required", False) or getattr(screen, "_dirty_widgets", None)):
            break
        await pilot.pause(0.01)


def screen_text(app) -> str:
    """Everything the screen shows, as plain text."""
    from rich.console import Console

    console = Console(width=app.size.width, record=True, file=open("/dev/null", "w"), color_system=None)
    lines = app.screen._compositor.render_update(full=True)  # type: ignore[attr-defined]
    console.print(lines)
    return console.export_text()
