"""Fixtures for the real-terminal tests: a private home folder per test, and terminals that
are always killed, whatever the test did."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from coplan_tui.commands.demo import seed_demo
from coplan_tui.store import Store

from .harness import Terminal


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    """A demo database seeded with today's real date, as `coplan demo` would."""
    path = tmp_path / "demo.json"
    seed_demo(Store(path))
    return path


@pytest.fixture
def terminal(home: Path) -> Iterator[Callable[..., Terminal]]:
    opened: list[Terminal] = []

    def open_terminal(*args: str, **kwargs) -> Terminal:
        term = Terminal(args, home=home, **kwargs)
        opened.append(term)
        return term

    yield open_terminal
    for term in opened:
        term.close()
