"""Two partners, two coplan processes, one database: typing at once loses nothing."""

from __future__ import annotations

import json
import random
import re
import time

import pytest

from coplan_tui.domain import timebox
from coplan_tui.domain.models import Partnership, Session
from coplan_tui.domain.templates import BUILTIN_TEMPLATES
from coplan_tui.store import Store

from .harness import Terminal


def running_session(db) -> Session:
    """A session started through the store, as the start screen does."""
    store = Store(db)
    pair = next(p for p in store.all(Partnership) if "science" in p.display_name)
    now = store.clock()
    session = Session(partnership_id=pair.id, template=BUILTIN_TEMPLATES[0], leader_id=pair.members[0].id, day=now.date(), created_at=now)
    session = timebox.start(timebox.ensure_runs(session), now)
    store.put(session)
    return session


def notes_on_disk(db, session_id: str) -> str:
    doc = next(d for d in json.loads(db.read_text())["sessions"].values() if d["id"] == session_id)
    return doc["steps"][0]["notes"]


def open_window(terminal, db) -> Terminal:
    term = terminal("session", "--db", str(db), "--partnership", "science", "--resume", cols=100, rows=30)
    term.wait_for("Step 1/")
    return term


def leave(term: Terminal) -> None:
    term.press("escape")
    term.wait_for("a Add to-do")
    term.press("q")
    term.wait_for("Finish or leave this session?")
    term.press("l")
    term.wait_for("Home")
    term.press("q")
    assert term.wait_exit() == 0


@pytest.mark.serial  # real-clock typing in two processes
def test_two_windows_type_into_one_step_at_once_and_keep_every_word(terminal, demo_db):
    session = running_session(demo_db)
    a, b = open_window(terminal, demo_db), open_window(terminal, demo_db)
    words = {"a": [], "b": []}
    rng = random.Random(11)
    end = time.monotonic() + 10
    n = 0
    while time.monotonic() < end:
        n += 1
        who, term = rng.choice([("a", a), ("b", b)])
        word = f"{who.upper()}{n:04d} "
        for ch in word:  # key by key, as a person types
            term.type(ch)
        words[who].append(word.strip())
        other = b if term is a else a
        other.pump(rng.uniform(0.0, 0.08))
    time.sleep(1.5)
    for term in (a, b):
        term.pump(0.5)
    leave(a)
    leave(b)
    text = notes_on_disk(demo_db, session.id)
    found = set(re.findall(r"[AB]\d{4}", text))
    missing = [w for w in words["a"] + words["b"] if w not in found]
    assert not missing, f"lost {len(missing)} of {len(words['a']) + len(words['b'])} words: {missing[:10]}"


def test_each_window_shows_the_others_text(terminal, demo_db):
    """How fast is measured by tests/benchmarks/two_windows.py; here, that it arrives at all,
    both ways, and that a cursor placed after the other's words types after them."""
    running_session(demo_db)
    a, b = open_window(terminal, demo_db), open_window(terminal, demo_db)
    a.type("Stations worked")
    b.wait_for("Stations worked")
    b.press("end")
    b.type(" and so did groups")
    a.wait_for("Stations worked and so did groups")
