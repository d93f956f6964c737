"""The schedule in a real terminal: from Home, skip a meeting, start the next big-picture one
with its kind's template; and a cooperation pair sees requests, not meetings."""

from __future__ import annotations

from coplan_tui.domain.catalogue import Level
from datetime import datetime

from coplan_tui.domain.models import Partnership, Session, SessionKind
from coplan_tui.domain.schedule import occurrences
from coplan_tui.store import Store


def test_skip_and_start_a_big_picture_meeting(terminal, demo_db):
    term = terminal("--db", str(demo_db))
    term.wait_for("Start session")
    term.press("c")
    term.wait_for("The rule (b, f to change)")
    assert "big-picture" in term.text()
    term.press("k")
    term.wait_for("skipped")
    science = next(p for p in Store(demo_db).all(Partnership) if p.phase)
    shown = occurrences(science, datetime.now().astimezone(), 8)
    downs = next(i for i, o in enumerate(shown) if i > 0 and o.kind == SessionKind.BIG_PICTURE)
    for _ in range(downs):
        term.press("down")
    term.wait_quiet(0.2)
    term.press("s")
    term.wait_for("Who leads?")
    assert "Big-picture planning" in term.text()
    term.press("ctrl+s")
    term.wait_for("Step 1/")
    term.press("q")
    term.wait_quiet(0.5)
    term.close()
    store = Store(demo_db)
    science = next(p for p in store.all(Partnership) if p.phase)
    assert len(science.schedule.changes) == 1 and science.schedule.changes[0].skip
    newest = max(store.all(Session), key=lambda s: s.created_at)
    assert newest.template.id == "builtin-big-picture" and newest.template.total_minutes == science.schedule.big_picture_minutes


def test_cooperation_pair_has_requests_not_meetings(terminal, demo_db):
    store = Store(demo_db)
    library = next(p for p in store.all(Partnership) if not p.phase)
    store.put(library.model_copy(update={"level": Level.COOPERATION}))
    term = terminal("--db", str(demo_db))
    term.wait_for("Start session")
    term.wait_for("no coplanning (cooperation)")
    term.press("down")
    term.wait_for("Requests")
    term.press("c")
    term.wait_for("Cooperation has no coplanning meetings")
    term.close()
