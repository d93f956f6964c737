"""Snapshot apps: a seeded demo DB, a fixed clock, no file polling, no cursor blink."""

from __future__ import annotations

import pytest

from coplan_tui.commands.demo import seed_demo
from coplan_tui.store import Store
from coplan_tui.ui.app import CoplanApp

from ..conftest import FakeClock

SIZES = {"small": (80, 24), "large": (160, 48)}


@pytest.fixture
def make_app(tmp_path):
    def make(seed: bool = True, **kwargs: object) -> CoplanApp:
        clock = kwargs.pop("clock", None) or FakeClock()
        store = Store(tmp_path / "demo.json", clock=clock)
        if seed:
            seed_demo(store)
        return CoplanApp(store.path, store=store, clock=clock, poll=False, **kwargs)

    return make
