"""SVG snapshots of the home, help and error screens at 80x24 and 160x48."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from coplan_tui.ui.app import CoplanApp

from ..ui.helpers import settle
from .conftest import SIZES


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
def test_error_screen(snap_compare, size):
    # A fixed folder, because the message names the file and snapshots must not drift.
    folder = Path(tempfile.gettempdir()) / "coplan-snapshot-error"
    folder.mkdir(exist_ok=True)
    path = folder / "coplan.json"
    path.write_text("{ not json")
    try:
        assert snap_compare(CoplanApp(path, poll=False), terminal_size=SIZES[size], run_before=settle)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
