"""SVG snapshots of the home, help and error screens at 80x24 and 160x48."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from coplan_tui.ui.app import CoplanApp
from coplan_tui.ui.text import lit

from ..ui.helpers import settle
from .conftest import SIZES

PLACEHOLDER_FOLDER = "/tmp/coplan-snapshot-error"


@pytest.mark.parametrize("size", sorted(SIZES))
def test_home(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=SIZES[size], run_before=settle)


@pytest.mark.parametrize("size", sorted(SIZES))
def test_home_empty_welcome(snap_compare, make_app, size):
    assert snap_compare(make_app(seed=False), terminal_size=SIZES[size], run_before=settle)


@pytest.mark.parametrize("size", sorted(SIZES))
def test_help(snap_compare, make_app, size):
    assert snap_compare(make_app(), press=["question_mark"], terminal_size=SIZES[size], run_before=settle)


@pytest.mark.parametrize("size", sorted(SIZES))
def test_error_screen(snap_compare, size, tmp_path):
    path = tmp_path / "coplan.json"
    path.write_text("{ not json")

    async def run_before(pilot) -> None:
        await settle(pilot)
        # The message names the file: show a fixed placeholder folder so the snapshot never drifts.
        screen = pilot.app.screen
        shown = screen.message.replace(str(tmp_path), PLACEHOLDER_FOLDER)
        screen.query_one("#error-message", Static).update(lit(shown))
        await settle(pilot)

    assert snap_compare(CoplanApp(path, poll=False), terminal_size=SIZES[size], run_before=run_before)
