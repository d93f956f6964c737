"""Issue 10, defects 5 and 12: moving back does not finish a step, and minutes add up."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from coplan_tui.domain import timebox
from coplan_tui.domain.history import minutes, step_lines
from coplan_tui.domain.models import Session, Interval, StepRun
from coplan_tui.domain.templates import BUILTIN_TEMPLATES
from coplan_tui.ui.widgets.session_summary import steps_table
from coplan_tui.ui.widgets.step_list import render_steps

T0 = datetime(2026, 11, 23, 15, 30, tzinfo=timezone.utc)


def running() -> Session:
    template = BUILTIN_TEMPLATES[0]
    s = Session(partnership_id="p", template=template, day=T0.date(), created_at=T0)
    return timebox.start(s, T0)


def test_next_then_previous_does_not_mark_the_skipped_step_done():
    s = running()
    t = T0 + timedelta(minutes=2)
    untouched_end = timebox.projected_end(s, t)
    back = timebox.go_to(timebox.go_to(s, 1, t), 0, t)
    assert back.current_step == 0
    assert back.steps[1].ended_at is None
    assert "✓" not in render_steps(back, t).plain.splitlines()[1]
    assert timebox.projected_end(back, t) == untouched_end


def test_going_forward_still_marks_the_step_done():
    s = running()
    t = T0 + timedelta(minutes=2)
    ahead = timebox.go_to(s, 1, t)
    assert ahead.steps[0].ended_at == t
    assert "✓" in render_steps(ahead, t).plain.splitlines()[0]


def _ran(seconds: list[int]) -> Session:
    s = running()
    runs = [
        StepRun(intervals=[Interval(start=T0, end=T0 + timedelta(seconds=sec))], started_at=T0, ended_at=T0 + timedelta(seconds=sec))
        for sec in seconds
    ]
    runs += [StepRun() for _ in range(len(s.template.steps) - len(runs))]
    return s.model_copy(update={"steps": runs, "current_step": len(s.template.steps) - 1})


def test_the_total_is_the_sum_of_the_steps_shown():
    s = _ran([36, 36, 36, 24])
    shown = [line.actual for line in step_lines(s, T0)][:4]
    planned, actual = minutes(s, T0)
    assert actual == sum(line.actual for line in step_lines(s, T0))
    table = steps_table(s, T0)
    cells = list(table.columns[3].cells)
    assert [int(str(c)) for c in cells[: len(cells) - 1]][:4] == shown
    assert int(str(cells[-1])) == sum(int(str(c)) for c in cells[:-1])


@pytest.mark.parametrize("seconds, shown", [(79, 2), (60, 1), (60 * 12 + 1, 13), (0, 0)])
def test_an_overrun_shows_in_the_minutes(seconds, shown):
    s = _ran([seconds])
    assert step_lines(s, T0)[0].actual == shown
    first = render_steps(s.model_copy(update={"current_step": 1}), T0).plain.splitlines()[0]
    assert f" {shown}/" in first
