"""Properties over every input, not a few examples: how deadlines are read and ordered."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coplan_tui.domain.catalogue import Role
from coplan_tui.domain.dates import parse_date
from coplan_tui.domain.errors import DomainError
from coplan_tui.domain.models import Member, Partnership
from coplan_tui.domain.todo_changes import edited, new_todo

DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NOW = datetime(2026, 11, 23, 15, 30, tzinfo=timezone.utc)
PAIR = Partnership(name="A & B", members=[Member(name="Ana", role=Role.CT), Member(name="Ben", role=Role.TC)])


@given(st.text(max_size=40), DAYS)
def test_any_text_is_a_date_nothing_or_a_clear_error(text, today):
    try:
        result = parse_date(text, today)
    except DomainError as e:
        assert "is not a date" in str(e)
    else:
        assert result is None or isinstance(result, date)
        assert (result is None) == (not text.strip())


@given(DAYS, DAYS, st.sampled_from(["", " ", "  \t"]))
def test_an_iso_date_reads_as_itself_whatever_today_is(day, today, pad):
    assert parse_date(pad + day.isoformat() + pad, today) == day


@given(DAYS, st.sampled_from(WEEKDAYS), st.integers(min_value=3, max_value=9), st.booleans())
def test_a_weekday_is_the_next_one_never_today(today, name, length, upper):
    typed = name[:length].upper() if upper else name[:length]
    day = parse_date(typed, today)
    assert 1 <= (day - today).days <= 7
    assert day.weekday() == WEEKDAYS.index(name)


@given(DAYS, st.integers(min_value=0, max_value=999), st.sampled_from(["d", "w"]))
def test_relative_days_and_weeks_count_from_today(today, n, unit):
    assert parse_date(f"+{n}{unit}", today) == today + timedelta(days=n * (7 if unit == "w" else 1))


@given(st.one_of(st.none(), DAYS), st.one_of(st.none(), DAYS))
def test_feedback_never_comes_after_the_due_date(feedback_by, due):
    wrong_order = feedback_by is not None and due is not None and feedback_by > due
    if wrong_order:
        with pytest.raises(DomainError, match="feedback must come before"):
            new_todo(PAIR, "Draft the rubric", NOW, feedback_by=feedback_by, due=due)
    else:
        todo = new_todo(PAIR, "Draft the rubric", NOW, feedback_by=feedback_by, due=due)
        assert (todo.feedback_by, todo.due) == (feedback_by, due)


@given(st.one_of(st.none(), DAYS), st.one_of(st.none(), DAYS), st.one_of(st.none(), DAYS))
def test_an_edit_keeps_the_order_whichever_date_it_moves(feedback_by, due, new_due):
    if feedback_by and due and feedback_by > due:
        feedback_by, due = due, feedback_by
    todo = new_todo(PAIR, "Draft the rubric", NOW, feedback_by=feedback_by, due=due)
    if feedback_by and new_due and feedback_by > new_due:
        with pytest.raises(DomainError):
            edited(todo, NOW, due=new_due)
    else:
        assert edited(todo, NOW, due=new_due).due == new_due
