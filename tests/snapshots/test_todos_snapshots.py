"""SVG snapshots of the to-do review screen and its editor at 80x24 and 160x48."""

from __future__ import annotations

import pytest

from ..ui.helpers import settle
from .conftest import SIZES


def opened(*keys: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("T")
        await settle(pilot)
        if keys:
            await pilot.press(*keys)
            await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", sorted(SIZES))
def test_todos(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=SIZES[size], run_before=opened())


@pytest.mark.parametrize("size", sorted(SIZES))
def test_todos_all_selected_sorted(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=SIZES[size], run_before=opened("s", "s", "space", "space", "greater_than_sign"))


@pytest.mark.parametrize("size", sorted(SIZES))
def test_todo_editor(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=SIZES[size], run_before=opened("e"))
