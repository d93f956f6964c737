"""The live session's to-do pane lists at most PANE_LIMIT carried-forward to-dos, the soonest.

A career's pair had 2,500 open to-dos: the pane laid out every line, so the session took
0.4 s to open and each tick 60 ms. The to-dos screen lists them all; the pane says how many
it leaves out, and never leaves out this session's own to-dos or one ticked in it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from coplan_tui.domain.catalogue import Role
from coplan_tui.domain.models import Member, Partnership, Session, Todo
from coplan_tui.domain.session_todos import PANE_LIMIT, pane_todos
from coplan_tui.domain.templates import WEEKLY

NOW = datetime(2026, 12, 3, 15, 30, tzinfo=timezone.utc)
TODAY = NOW.date()


def _setup(carried: int) -> tuple[Session, list[Todo]]:
    pair = Partnership(name="A & B", members=[Member(name="Ana", role=Role.CT), Member(name="Ben", role=Role.TC)])
    session = Session(partnership_id=pair.id, template=WEEKLY, day=TODAY)
    old = [
        Todo(title=f"Old {n}", partnership_id=pair.id, due=TODAY + timedelta(days=n), created_at=NOW, updated_at=NOW)
        for n in range(carried)
    ]
    mine = Todo(title="Made in this session, no date", partnership_id=pair.id, session_id=session.id, created_at=NOW, updated_at=NOW)
    return session, [*reversed(old), mine]


def test_a_pair_with_few_to_dos_sees_them_all():
    session, todos = _setup(PANE_LIMIT - 1)
    shown, left_out = pane_todos(todos, session, TODAY)
    assert left_out == 0 and len(shown) == PANE_LIMIT


def test_past_the_limit_the_soonest_show_and_this_sessions_own_always():
    session, todos = _setup(PANE_LIMIT + 50)
    ticked = next(t for t in todos if t.title == f"Old {PANE_LIMIT + 10}")
    shown, left_out = pane_todos(todos, session, TODAY, keep=frozenset({ticked.id}))
    titles = [t.title for t in shown]
    assert titles[:PANE_LIMIT] == [f"Old {n}" for n in range(PANE_LIMIT)]  # by deadline, the soonest
    assert "Made in this session, no date" in titles and ticked.title in titles
    assert left_out == 49 and len(shown) == PANE_LIMIT + 2


def test_the_limit_is_not_a_date_window():
    """Overdue ones are the soonest: a to-do late by a year is still shown first."""
    session, todos = _setup(PANE_LIMIT + 5)
    late = todos[0].model_copy(update={"title": "Late", "due": date(2025, 12, 1)})
    shown, _ = pane_todos([late, *todos[1:]], session, TODAY)
    assert shown[0].title == "Late"
