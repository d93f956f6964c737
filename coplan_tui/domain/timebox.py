"""Timebox arithmetic for a live session, as pure functions of (session, now).

The timer is kept as timestamps: each step has the intervals its clock ran. A reopened or
second instance computes the same remaining time from the same document.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from .models import Extension, Interval, Session, SessionStatus, StepRun

MIN_STEP_MINUTES = 1


def ensure_runs(session: Session) -> Session:
    if len(session.steps) == len(session.template.steps):
        return session
    return session.model_copy(update={"steps": [StepRun() for _ in session.template.steps]})


def _replace_step(session: Session, index: int, run: StepRun) -> list[StepRun]:
    steps = list(session.steps)
    steps[index] = run
    return steps


def is_running(session: Session) -> bool:
    return session.status == SessionStatus.RUNNING


def step_elapsed(run: StepRun, now: datetime) -> timedelta:
    total = timedelta()
    for interval in run.intervals:
        end = interval.end or now
        if end > interval.start:
            total += end - interval.start
    return total


def planned_minutes(session: Session, index: int) -> int:
    base = session.template.steps[index].minutes
    run = session.steps[index] if index < len(session.steps) else None
    extra = sum(e.minutes for e in run.extensions) if run else 0
    return max(MIN_STEP_MINUTES, base + extra)


def step_remaining(session: Session, index: int, now: datetime) -> timedelta:
    """Negative once the step runs over."""
    session = ensure_runs(session)
    return timedelta(minutes=planned_minutes(session, index)) - step_elapsed(session.steps[index], now)


def total_planned_minutes(session: Session) -> int:
    session = ensure_runs(session)
    return sum(planned_minutes(session, i) for i in range(len(session.template.steps)))


def total_elapsed(session: Session, now: datetime) -> timedelta:
    return sum((step_elapsed(run, now) for run in session.steps), timedelta())


def projected_end(session: Session, now: datetime) -> datetime:
    """When the session ends if every step from here keeps its timebox; moves with overruns."""
    session = ensure_runs(session)
    left = timedelta()
    for i in range(session.current_step, len(session.template.steps)):
        if i == session.current_step:
            left += max(step_remaining(session, i, now), timedelta())
        elif session.steps[i].ended_at is None:
            left += timedelta(minutes=planned_minutes(session, i)) - step_elapsed(session.steps[i], now)
    return now + left


def _close(run: StepRun, now: datetime) -> StepRun:
    if run.intervals and run.intervals[-1].end is None:
        last = run.intervals[-1]
        return run.model_copy(update={"intervals": [*run.intervals[:-1], Interval(start=last.start, end=max(now, last.start))]})
    return run


def _open(run: StepRun, now: datetime) -> StepRun:
    if run.intervals and run.intervals[-1].end is None:
        return run
    return run.model_copy(
        update={"intervals": [*run.intervals, Interval(start=now)], "started_at": run.started_at or now, "ended_at": None}
    )


def start(session: Session, now: datetime) -> Session:
    """Start (or resume) the clock on the current step."""
    session = ensure_runs(session)
    i = session.current_step
    return session.model_copy(
        update={"steps": _replace_step(session, i, _open(session.steps[i], now)), "status": SessionStatus.RUNNING}
    )


def pause(session: Session, now: datetime) -> Session:
    session = ensure_runs(session)
    i = session.current_step
    return session.model_copy(
        update={"steps": _replace_step(session, i, _close(session.steps[i], now)), "status": SessionStatus.PAUSED}
    )


def toggle(session: Session, now: datetime) -> Session:
    return pause(session, now) if is_running(session) else start(session, now)


def go_to(session: Session, index: int, now: datetime) -> Session:
    """Leave the current step (marking it ended) and enter ``index``; the clock keeps its state."""
    session = ensure_runs(session)
    index = max(0, min(index, len(session.template.steps) - 1))
    if index == session.current_step:
        return session
    running = is_running(session)
    current = _close(session.steps[session.current_step], now)
    if current.started_at is not None:
        current = current.model_copy(update={"ended_at": now})
    steps = _replace_step(session, session.current_step, current)
    target = steps[index]
    if running:
        target = _open(target, now)
    steps[index] = target
    return session.model_copy(update={"steps": steps, "current_step": index})


def extend(session: Session, minutes: int, now: datetime) -> Session:
    """Add (or with a negative number, take away) minutes from the current step."""
    session = ensure_runs(session)
    i = session.current_step
    current = planned_minutes(session, i)
    minutes = max(minutes, MIN_STEP_MINUTES - current)
    if minutes == 0:
        return session
    run = session.steps[i]
    run = run.model_copy(update={"extensions": [*run.extensions, Extension(at=now, minutes=minutes)]})
    return session.model_copy(update={"steps": _replace_step(session, i, run)})


def finish(session: Session, now: datetime) -> Session:
    session = ensure_runs(session)
    i = session.current_step
    run = _close(session.steps[i], now)
    if run.started_at is not None:
        run = run.model_copy(update={"ended_at": now})
    return session.model_copy(
        update={"steps": _replace_step(session, i, run), "status": SessionStatus.DONE, "finished_at": now}
    )


def format_clock(delta: timedelta) -> str:
    """``12:05`` while time is left, ``+1:30`` once over; past an hour ``1:02:05`` and
    ``+20:24:33``, so a session left running overnight never shows 1224 minutes."""
    total = delta.total_seconds()
    over = total < 0
    seconds = int(abs(total))
    if seconds < abs(total):
        seconds += 1  # round away from zero: 0:01 until the last second is gone, +0:01 at once
    hours, rest = divmod(seconds, 3600)
    text = f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"
    return f"+{text}" if over else text


def set_notes(session: Session, index: int, notes: str) -> Session:
    session = ensure_runs(session)
    run = session.steps[index].model_copy(update={"notes": notes})
    return session.model_copy(update={"steps": _replace_step(session, index, run)})
