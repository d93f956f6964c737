"""SVG snapshots of the template list and the template editor at 80x24 and 160x48."""

from __future__ import annotations

import pytest

from ..ui.helpers import settle
from .conftest import SIZES


async def _list(pilot) -> None:
    await settle(pilot)
    await pilot.press("m", "down")
    await settle(pilot)


async def _editor(pilot) -> None:
    await _list(pilot)
    await pilot.press("c", "down")
    await settle(pilot)


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("view", ["list", "editor"])
def test_templates(snap_compare, make_app, view, size):
    run = {"list": _list, "editor": _editor}[view]
    assert snap_compare(make_app(), terminal_size=SIZES[size], run_before=run)
