"""When the pair meets next, from its regular weekly schedule and the placement dates."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from .models import Partnership


def next_session_at(partnership: Partnership, now: datetime, last_held: date | None = None) -> datetime | None:
    """The next regular meeting at or after ``now`` (still today if its time is ahead).

    ``last_held`` is the day of the pair's latest session: once they met today, today's
    regular meeting has taken place and the next one is a week on.

    None without a schedule, or when the placement is over. Before the placement starts,
    the first meeting on or after its first day.
    """
    schedule = partnership.schedule
    if schedule is None:
        return None
    day = now.date()
    if partnership.placement_start and partnership.placement_start > day:
        day = partnership.placement_start
    ahead = (schedule.weekday.index - day.weekday()) % 7
    candidate = datetime.combine(day + timedelta(days=ahead), schedule.start_time, tzinfo=now.tzinfo)
    if candidate < now or (last_held is not None and candidate.date() <= last_held):
        candidate += timedelta(weeks=1)
    if partnership.placement_end and candidate.date() > partnership.placement_end:
        return None
    return candidate


def describe_next(partnership: Partnership, now: datetime, last_held: date | None = None) -> str:
    """``Tue 24 Nov 15:30 (60 min)``, or why there is none."""
    at = next_session_at(partnership, now, last_held)
    if at is not None:
        assert partnership.schedule is not None
        when = "today" if at.date() == now.date() else f"{at:%a %d %b}"
        return f"{when} {at:%H:%M} ({partnership.schedule.minutes} min)"
    if partnership.schedule is None:
        return "no regular time"
    return "placement over"
