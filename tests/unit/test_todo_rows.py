"""Listing rows agree with the models, and the filters mean what the README says."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from itertools import product

import pytest

from coplan_tui.domain.models import BOTH, Todo
from coplan_tui.domain.todo_review import ReviewFilters, view_indices
from coplan_tui.domain.todo_rows import (
    TodoRow,
    UnknownName,
    due_matches,
    owner_matches,
    owners_named,
    rows_from_models,
    rows_from_raw,
    sorted_rows,
    team_of,
)
from coplan_tui.domain.models import Partnership, Session

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 15, 30, tzinfo=timezone.utc)
DAYS = [None] + [TODAY + timedelta(days=k) for k in (-3, -1, 0, 1, 6, 7)]


@pytest.mark.parametrize("status", ["open", "done"])
def test_row_deadlines_match_the_model_rule(status):
    for fb, due in product(DAYS, DAYS):
        todo = Todo(title="x", partnership_id="p" * 8, feedback_by=fb, due=due, status=status, created_at=NOW, updated_at=NOW)
        row = TodoRow("i" * 8, "x", BOTH, "p" * 8, None, fb, due, status)
        assert row.next_deadline(TODAY) == todo.next_deadline(TODAY), (fb, due)
        assert row.is_overdue(TODAY) == todo.is_overdue(TODAY), (fb, due)


def test_raw_and_model_rows_agree(demo_store):
    raw = {r.id: r.as_record() for r in rows_from_raw(demo_store.raw_tables())}
    models = rows_from_models(demo_store.all(Todo), demo_store.all(Partnership), demo_store.all(Session))
    assert len(raw) == len(models) == 12
    for row in models:
        record = row.as_record()
        for key in ("title", "owner", "owner_name", "partnership", "feedback_by", "due", "status", "session"):
            assert raw[row.id][key] == record[key], key


def _row(due=None, fb=None, status="open", owner=BOTH):
    return TodoRow("i" * 8, "t", owner, "p", None, fb, due, status)


def test_due_filters():
    assert due_matches(_row(due=TODAY - timedelta(days=1)), "overdue", TODAY)
    assert not due_matches(_row(due=TODAY - timedelta(days=1), status="done"), "overdue", TODAY)
    assert due_matches(_row(due=TODAY + timedelta(days=6)), "week", TODAY)
    assert not due_matches(_row(due=TODAY + timedelta(days=7)), "week", TODAY)
    assert not due_matches(_row(due=TODAY - timedelta(days=2)), "week", TODAY)  # overdue is its own filter
    assert due_matches(_row(due=TODAY), "today", TODAY)
    assert not due_matches(_row(due=TODAY + timedelta(days=1)), "today", TODAY)
    assert due_matches(_row(), "none", TODAY) and not due_matches(_row(due=TODAY), "none", TODAY)
    # the deadline that matters now is the feedback one
    assert due_matches(_row(fb=TODAY + timedelta(days=2), due=TODAY + timedelta(days=20)), "week", TODAY)


def test_owner_by_role_or_name_includes_shared_todos(demo_store):
    teams = [team_of(p) for p in demo_store.all(Partnership)]
    rows = rows_from_models(demo_store.all(Todo), demo_store.all(Partnership), [])
    tc = owners_named(teams, "tc")
    mine = [r for r in rows if owner_matches(r, tc)]
    assert {r.owner for r in mine} == {"TC", "both"}
    assert owners_named(teams, "Jordan") == owners_named(teams, "jordan lee") == tc
    with pytest.raises(UnknownName, match="Jordan Lee \\(TC\\)"):
        owners_named(teams, "nobody")


def test_review_view_filters_search_and_sort(demo_store):
    rows = rows_from_models(demo_store.all(Todo), demo_store.all(Partnership), demo_store.all(Session))
    shown = lambda f, me=None: [rows[i].title for i in view_indices(rows, f, TODAY, me)]  # noqa: E731
    assert shown(ReviewFilters()) == [r.title for r in sorted_rows([r for r in rows if r.is_open], TODAY)]
    assert shown(ReviewFilters(status="all")) and len(shown(ReviewFilters(status="all"))) == 12
    assert shown(ReviewFilters(query="exit TICKET")) == ["Draft the exit ticket for energy flow"]
    mine = shown(ReviewFilters(owner="mine"), "Jordan Lee")
    partner = shown(ReviewFilters(owner="partner"), "Jordan Lee")
    assert "Email parents about the field trip form" in mine and "Book the lab cart for Thursday" in partner
    assert not set(mine) & set(partner)
    by_title = shown(ReviewFilters(sort="title"))
    assert by_title == sorted(by_title, key=str.lower)
    assert shown(ReviewFilters(sort="title", reverse=True)) == by_title[::-1]
