"""Issue 10, defect 9: "due this week" meant up to Sunday without overdue on Home, and the
next seven days with overdue in the review. One definition now; Home and review agree."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from coplan_tui.domain.demo import build_demo
from coplan_tui.domain.models import Partnership, Todo
from coplan_tui.domain.todo_review import ReviewFilters, view_indices
from coplan_tui.domain.todo_rows import rows_from_models
from coplan_tui.domain.workload import total, workload

NOW = datetime(2026, 11, 23, 15, 30, tzinfo=timezone.utc)


@pytest.mark.parametrize("offset", range(7))  # every weekday, Friday included
def test_home_and_review_count_the_same_todos_due_this_week(offset):
    docs = build_demo(NOW.date(), NOW)
    partnerships = [d for d in docs if isinstance(d, Partnership)]
    todos = [d for d in docs if isinstance(d, Todo)]
    today = NOW.date() + timedelta(days=offset)
    p = partnerships[0]
    # one due in 5 days (past Sunday from Friday on), one overdue, one in exactly 7 days
    extra = [
        Todo(title=title, partnership_id=p.id, due=today + timedelta(days=days), created_at=NOW, updated_at=NOW)
        for title, days in (("soon", 5), ("late", -2), ("next week", 7))
    ]
    todos = todos + extra
    for partnership in partnerships:
        home = total(workload(partnership, todos, today)).this_week
        rows = rows_from_models([t for t in todos if t.partnership_id == partnership.id], partnerships, [])
        review = len(view_indices(rows, ReviewFilters(partnership_id=partnership.id, due="week", status="open"), today, None))
        assert home == review, partnership.display_name
