"""Unfinished sessions: which there are, how far each got, and one left running.

A pair often leaves a session for later, or a partner joins one already under way, so the
app offers every unfinished session to join or resume instead of starting another. A
session whose clock was left running (a closed laptop, a lost SSH connection) must not
record the night as one long step: it is paused at its last activity unless the pair says
the time was real. Time is passed in.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from . import timebox
from .models import Session, SessionStatus

STALE_AFTER = timedelta(days=1)
"""An unfinished session older than this can be finished or discarded from the list."""
RUNAWAY_GRACE = timedelta(hours=1)
"""A running session this far past its planned length was left running, not run."""


def unfinished(sessions: Iterable[Session], partnership_id: str | None = None) -> list[Session]:
    """Sessions not finished, newest first (one partnership's, or everyone's)."""
    found = [s for s in sessions if s.status != SessionStatus.DONE and partnership_id in (None, s.partnership_id)]
    return sorted(found, key=lambda s: (s.day, s.created_at.timestamp() if s.created_at else 0.0), reverse=True)


def last_activity(session: Session) -> datetime | None:
    """The last moment anyone did something in the session."""
    moments = [session.last_activity, session.created_at]
    for run in session.steps:
        for interval in run.intervals:
            moments += [interval.start, interval.end]
        moments += [e.at for e in run.extensions]
    found = [m for m in moments if m is not None]
    return max(found, default=None)


def progress(session: Session, now: datetime) -> str:
    """``step 3 of 7, 24 min in, paused``: enough to recognise the session."""
    minutes = int(timebox.total_elapsed(session, now).total_seconds() // 60)
    state = "running" if timebox.is_running(session) else ("not started" if session.status == SessionStatus.PLANNED else "paused")
    return f"step {session.current_step + 1} of {len(session.template.steps)}, {minutes} min in, {state}"


def is_stale(session: Session, now: datetime) -> bool:
    moment = last_activity(session)
    return moment is not None and now - moment > STALE_AFTER


def left_running_since(session: Session, now: datetime) -> datetime | None:
    """When a session still running past its planned length plus RUNAWAY_GRACE was last
    touched; None for a session that is simply running."""
    if not timebox.is_running(session):
        return None
    planned = timedelta(minutes=timebox.total_planned_minutes(session))
    if timebox.total_elapsed(session, now) <= planned + RUNAWAY_GRACE:
        return None
    return last_activity(session)


def pause_at_last_activity(session: Session, now: datetime) -> Session:
    """Pause a session left running where it was last touched, not now."""
    moment = left_running_since(session, now) or now
    return timebox.pause(session, moment)
