"""Shared fixtures: real files in tmp dirs, a fixed clock, a seeded demo store."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from coplan_tui.commands.demo import seed_demo
from coplan_tui.store import Store

# Monday 23 November 2026, 15:30, UTC: fixed so screens and snapshots never drift.
FIXED_NOW = datetime(2026, 11, 23, 15, 30, tzinfo=timezone.utc)


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor is drawn or not depending on when a snapshot is taken: with it, the
    focused-Input snapshots failed in 6 of 8 runs. Every text field starts with it off."""
    for widget in (Input, TextArea):
        monkeypatch.setattr(widget.__dict__["cursor_blink"], "_default", False)


@pytest.fixture(autouse=True)
def private_user_folders(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test reads or writes the real user's database, settings or data folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.delenv("COPLAN_DB", raising=False)
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))


class FakeClock:
    """A clock tests move by hand; nothing ever sleeps in real time."""

    def __init__(self, now: datetime = FIXED_NOW):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float = 0, minutes: float = 0) -> None:
        self.now += timedelta(seconds=seconds, minutes=minutes)


@pytest.fixture(autouse=True)
def _private_user_settings(tmp_path_factory, monkeypatch):
    """No test (nor a coplan it starts) reads or writes the real per-user settings file."""
    monkeypatch.setenv("COPLAN_CONFIG", str(tmp_path_factory.mktemp("config") / "settings.json"))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "coplan.json"


@pytest.fixture
def store(db_path: Path, clock: FakeClock) -> Store:
    return Store(db_path, clock=clock)


@pytest.fixture
def demo_store(db_path: Path, clock: FakeClock) -> Store:
    s = Store(db_path, clock=clock)
    seed_demo(s)
    return s
