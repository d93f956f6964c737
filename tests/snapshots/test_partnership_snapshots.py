"""SVG snapshots of the partnership form, inventory, release view and plan, history and summary."""

from __future__ import annotations

import pytest

from ..ui.helpers import settle
from .conftest import SIZES


def keys(*pressed: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press(*pressed)
        await settle(pilot)

    return run_before


SCREENS = {
    "form_new": ("n",),
    "form_errors": ("n", "tab", "tab", "tab", "tab", "tab", "tab", "tab", "tab", *"2026-13-01", "ctrl+s"),
    "form_edit": ("e",),
    "roles": ("i",),
    "release_view": ("r",),
    "release_plan": ("r", "e"),
    "history": ("h",),
    "history_search": ("h", "slash", *"lab"),
    "session_summary": ("h", "down", "enter"),
}


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_screen(snap_compare, make_app, screen, size):
    seed = screen != "form_new"
    assert snap_compare(make_app(seed=seed), terminal_size=SIZES[size], run_before=keys(*SCREENS[screen]))
