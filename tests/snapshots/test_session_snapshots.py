"""SVG snapshots of the live session at 80x24 and 160x48: running, overrun, paused, wrap-up."""

from __future__ import annotations

import pytest
from ..ui.helpers import settle, type_text
from ..ui.session_driver import add_todo, start_session, tick
from .conftest import SIZES


def _session_app(make_app):
    def start(app) -> None:
        app.open_session(partnership_query="lee")

    return make_app(start=start)


async def _running(pilot) -> None:
    await start_session(pilot)
    await type_text(pilot, "Density lab ran long; groups of four worked better.")
    await add_todo(pilot, "Draft the exit ticket", owner_moves=2, feedback="tomorrow", due="fri")
    await tick(pilot, pilot.app.clock, 4 * 60 + 10)


async def _overrun(pilot) -> None:
    await _running(pilot)
    await tick(pilot, pilot.app.clock, 9 * 60)


async def _paused(pilot) -> None:
    await _running(pilot)
    await pilot.press("space")
    await tick(pilot, pilot.app.clock, 120)


async def _wrapup(pilot) -> None:
    await _running(pilot)
    await add_todo(pilot, "Email parents")
    for _ in range(6):
        await pilot.press("n")
    await tick(pilot, pilot.app.clock, 60)
    await settle(pilot)


async def _planning(pilot) -> None:
    await _running(pilot)
    await pilot.press("n", "L")
    await settle(pilot)
    await pilot.press("1")  # link the demo's lesson plan: it opens beside the step
    await settle(pilot)


STATES = {"planning": _planning, "running": _running, "overrun": _overrun, "paused": _paused, "wrapup": _wrapup}


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("state", sorted(STATES))
def test_session(snap_compare, make_app, state, size):
    assert snap_compare(_session_app(make_app), terminal_size=SIZES[size], run_before=STATES[state])
