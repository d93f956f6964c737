"""Next meeting from the schedule; who owes what; past sessions and searching their notes."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from coplan_tui.domain.demo import build_demo
from coplan_tui.domain.history import minutes, past_sessions, search_notes, todos_made
from coplan_tui.domain.models import BOTH, Schedule, Session, Todo, Weekday
from coplan_tui.domain.schedule import describe_next, next_session_at
from coplan_tui.domain.workload import total, workload

NOW = datetime(2026, 11, 23, 15, 30, tzinfo=timezone.utc)  # Monday


def demo():
    docs = build_demo(NOW.date(), NOW)
    science = docs[0]
    return science, [d for d in docs if isinstance(d, Session)], [d for d in docs if isinstance(d, Todo)]


def test_next_session_from_the_weekly_schedule():
    science, _, _ = demo()  # Tuesdays 15:30
    assert next_session_at(science, NOW) == datetime(2026, 11, 24, 15, 30, tzinfo=timezone.utc)
    monday = science.model_copy(update={"schedule": Schedule(weekday=Weekday.MON, start_time=time(16, 0))})
    assert describe_next(monday, NOW) == "today 16:00 (60 min)"
    earlier = science.model_copy(update={"schedule": Schedule(weekday=Weekday.MON, start_time=time(8, 0))})
    assert next_session_at(earlier, NOW).date() == date(2026, 11, 30)
    over = science.model_copy(update={"placement_end": NOW.date()})
    assert next_session_at(over, NOW + timedelta(days=1)) is None and describe_next(over, NOW + timedelta(days=1)) == "placement over"
    later = science.model_copy(update={"placement_start": date(2027, 1, 4), "placement_end": None})
    assert next_session_at(later, NOW).date() == date(2027, 1, 5)
    assert describe_next(science.model_copy(update={"schedule": None}), NOW) == "no regular time"


def test_workload_per_member():
    science, _, todos = demo()
    ct, tc = science.members
    loads = workload(science, todos, NOW.date())
    assert (loads[tc.id].open, loads[tc.id].overdue, loads[tc.id].this_week) == (2, 0, 2)  # feedback passed, due ahead
    assert (loads[ct.id].open, loads[ct.id].overdue, loads[ct.id].this_week) == (2, 1, 1)
    assert (loads[BOTH].open, loads[BOTH].this_week) == (1, 1)
    assert total(loads).open == 5


def test_history_lists_minutes_todos_and_finds_notes():
    science, sessions, todos = demo()
    mine = past_sessions(sessions, science.id)
    assert [s.day for s in mine] == sorted((s.day for s in mine), reverse=True)
    planned, actual = minutes(mine[0], NOW)
    assert planned == 60 and actual >= planned
    assert len(todos_made(mine[0], todos)) == 3
    found = search_notes(mine, "Sorting CARDS")
    assert len(found) == 1 and "Sorting cards" in found[0][1]
    assert search_notes(mine, "nothing like this") == []
    assert len(search_notes(mine, "")) == len(mine)
