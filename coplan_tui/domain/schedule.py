"""When the pair meets next, from its regular weekly schedule and the placement dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from .catalogue import RULE_CHOICES, Level
from .dates import parse_date, parse_time
from .errors import DomainError, FormErrors
from .models import KindRule, OccurrenceChange, Partnership, Schedule, SessionKind


def next_session_at(partnership: Partnership, now: datetime, last_held: date | None = None) -> datetime | None:
    """The next meeting not over at ``now`` (still today if it has not ended), skips and
    moves included. None without a schedule, or when the placement is over. Before the
    placement starts, the first meeting on or after its first day.

    ``last_held`` is the day of the pair's latest session: once they met today, today's
    regular meeting has taken place and the next one is a week on.
    """
    found = next_occurrence(partnership, now, last_held)
    return found.start if found else None


def describe_next(partnership: Partnership, now: datetime, last_held: date | None = None) -> str:
    """``Tue 24 Nov 15:30 (60 min)``, ``Tue 01 Dec 15:30 big-picture (90 min)``, or why there is none."""
    found = next_occurrence(partnership, now, last_held)
    if found is not None:
        at = found.start
        when = "today" if at.date() == now.date() else f"{at:%a %d %b}"
        kind = "" if found.kind == SessionKind.REGULAR else f" {found.kind.label}"
        return f"{when} {at:%H:%M}{kind} ({found.minutes} min)"
    if not coplans(partnership):
        return "no coplanning (cooperation)"
    if partnership.schedule is None:
        return "no regular time"
    return "placement over"


# --- The weeks ahead ---------------------------------------------------------------

@dataclass(frozen=True)
class Occurrence:
    """One meeting of the series in the weeks ahead."""

    regular: datetime
    """When the series puts it (the calendar's RECURRENCE-ID)."""
    start: datetime
    """When it happens: ``regular`` unless it was moved."""
    kind: SessionKind
    minutes: int
    skipped: bool = False

    @property
    def moved(self) -> bool:
        return self.start != self.regular

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)

    @property
    def status(self) -> str:
        return "skipped" if self.skipped else "moved" if self.moved else "as usual"


def coplans(partnership: Partnership) -> bool:
    """Cooperation has no coplanning (seed 002): its regular time, if any, is kept but paused."""
    return partnership.level != Level.COOPERATION


def kind_of(rule: KindRule, day: date) -> SessionKind:
    """The kind of the regular meeting on ``day``; weekly meetings make this a calendar rule."""
    if _is_big_picture(rule, day):
        return SessionKind.BIG_PICTURE
    if rule.feedback == "after_big_picture" and _is_big_picture(rule, day - timedelta(weeks=1)):
        return SessionKind.FEEDBACK
    if rule.feedback == "every_other" and (day.day - 1) // 7 % 2 == 1:
        return SessionKind.FEEDBACK
    return SessionKind.REGULAR


def _is_big_picture(rule: KindRule, day: date) -> bool:
    if rule.big_picture == "first_of_month":
        return day.day <= 7
    if rule.big_picture == "last_of_month":
        return (day + timedelta(weeks=1)).month != day.month
    return False


def describe_rule(schedule: Schedule) -> list[str]:
    """The rule in words, one line per kind, with each kind's length."""
    big = RULE_CHOICES["big_picture"][schedule.rule.big_picture]
    feedback = RULE_CHOICES["feedback"][schedule.rule.feedback]
    if schedule.rule.big_picture == "never" and schedule.rule.feedback == "after_big_picture":
        feedback = "never (there are no big-picture meetings)"
    return [
        f"Big-picture ({schedule.big_picture_minutes} min): {big}",
        f"Feedback on drafts ({schedule.feedback_minutes} min): {feedback}",
        f"Regular ({schedule.minutes} min): all the others",
    ]


def occurrences(partnership: Partnership, now: datetime, weeks: int = 8) -> list[Occurrence]:
    """The meetings from today for ``weeks`` weeks, inside the placement, in time order.

    The regular days from today on, each as changed; and a meeting moved out of an
    earlier regular day (or in from a later one) to a time from today on: a meeting
    counts where it happens. Skipped ones are kept (marked) so a screen can show and
    undo them. Times carry ``now``'s time zone; a moved meeting's stored time is the
    school's local time.
    """
    schedule = partnership.schedule
    if schedule is None or weeks < 1 or not coplans(partnership):
        return []
    first = now.date()
    if partnership.placement_start and partnership.placement_start > first:
        first = partnership.placement_start
    first += timedelta(days=(schedule.weekday.index - first.weekday()) % 7)
    last = now.date() + timedelta(weeks=weeks) - timedelta(days=1)
    if partnership.placement_end and partnership.placement_end < last:
        last = partnership.placement_end
    changes = {c.day: c for c in schedule.changes}
    days = []
    day = first
    while day <= last:
        days.append(day)
        day += timedelta(weeks=1)
    days += [
        c.day
        for c in schedule.changes
        if c.moved_to is not None and not first <= c.day <= last and now.date() <= c.moved_to.date() <= last
        and _in_placement(partnership, c.day)
    ]  # fmt: skip
    found = []
    for day in days:
        regular = datetime.combine(day, schedule.start_time, tzinfo=now.tzinfo)
        kind = kind_of(schedule.rule, day)
        change = changes.get(day)
        if change and change.moved_to and change.moved_to.date() < now.date():
            continue  # moved to a day already over: it happened, or did not, in the past
        start = change.moved_to.replace(tzinfo=now.tzinfo) if change and change.moved_to else regular
        found.append(Occurrence(regular, start, kind, schedule.minutes_for(kind), skipped=bool(change and change.skip)))
    return sorted(found, key=lambda o: (o.start, o.regular))


def _in_placement(partnership: Partnership, day: date) -> bool:
    return (partnership.placement_start is None or partnership.placement_start <= day) and (
        partnership.placement_end is None or day <= partnership.placement_end
    )


def next_occurrence(partnership: Partnership, now: datetime, last_held: date | None = None) -> Occurrence | None:
    """The next meeting not skipped that has not ended yet, nor been held already (a session
    on or after the day it happens, ``last_held``, held it)."""
    start = now
    if partnership.placement_start and partnership.placement_start > now.date():
        start = datetime.combine(partnership.placement_start, time(0), tzinfo=now.tzinfo)
    return next(
        (
            o
            for o in occurrences(partnership, start, weeks=9)
            if not o.skipped and o.end > now and (last_held is None or o.start.date() > last_held)
        ),
        None,
    )


def with_change(schedule: Schedule, regular_day: date, *, skip: bool = False, moved_to: datetime | None = None) -> Schedule:
    """The schedule with one meeting skipped or moved; neither (the default) puts it back."""
    kept = [c for c in schedule.changes if c.day != regular_day]
    if skip or moved_to is not None:
        kept.append(OccurrenceChange(day=regular_day, skip=skip, moved_to=moved_to))
    return Schedule.model_validate({**schedule.model_dump(), "changes": sorted(kept, key=lambda c: c.day)})


# --- Changing one meeting ----------------------------------------------------------
#
# The rules a skip, move or restore keeps, here once for the schedule screen and
# `coplan schedule`. ``with_change`` only writes the change down.

def parse_move(schedule: Schedule, day_text: str, time_text: str, today: date) -> datetime:
    """The new date and time a move's two fields mean (an empty time keeps the regular one),
    in the school's local time. Raises FormErrors naming the field that is wrong: "day" or "time"."""
    errors: dict[str, str] = {}
    new_day = None
    try:
        new_day = parse_date(day_text, today)
        if new_day is None:
            errors["day"] = "give the date to move the meeting to, for example 2026-12-03 or thursday."
    except DomainError as e:
        errors["day"] = str(e)
    at = schedule.start_time
    try:
        if time_text.strip():
            at = parse_time(time_text)
    except DomainError as e:
        errors["time"] = str(e)
    if errors:
        raise FormErrors(errors)
    return datetime.combine(new_day, at)


def regular_schedule(partnership: Partnership) -> Schedule:
    """The pair's regular schedule, or a DomainError saying to set one."""
    if partnership.schedule is None:
        raise DomainError(f"{partnership.display_name} has no regular time; set one in the partnership form first.")
    return partnership.schedule


def change_meeting(
    partnership: Partnership, regular_day: date, now: datetime, *, skip: bool = False, moved_to: datetime | None = None
) -> Schedule:
    """The pair's schedule with the meeting of ``regular_day`` skipped, moved to ``moved_to``
    (naive: the school's local time, as ``parse_move`` gives it), or, with neither, put back;
    or a DomainError saying why not.

    A meeting to skip or move is one of the series, inside the placement, that happens
    from today on (where it happens: a meeting moved to a later day can be changed until
    then); the error names the nearest ones. A meeting moves to no time before ``now``
    (later today is fine; the minute it is now counts as now), nor outside the placement,
    nor onto the time another meeting of the series happens; those errors are a FormErrors
    for the move's "day" or "time" field. Only a skipped or moved meeting can be put back.
    """
    schedule = regular_schedule(partnership)
    if not coplans(partnership):
        raise DomainError("Cooperation has no coplanning meetings; change the level in the partnership form to meet again.")
    change = next((c for c in schedule.changes if c.day == regular_day), None)
    if not skip and moved_to is None:
        if change is not None and change.skip and change.moved_to is not None:
            return with_change(schedule, regular_day, moved_to=change.moved_to)  # back to the move
        if change is not None:
            return with_change(schedule, regular_day)
        _check_meeting_day(partnership, schedule, regular_day, now.date())
        raise DomainError(f"The meeting of {regular_day:%a %Y-%m-%d} is neither skipped nor moved: there is nothing to restore.")
    happens = change.moved_to.date() if change and change.moved_to else regular_day
    _check_meeting_day(partnership, schedule, regular_day, now.date(), happens)
    if skip and change is not None and change.skip:
        raise DomainError(f"The meeting of {regular_day:%a %Y-%m-%d} is already skipped: restore it to meet then.")
    if moved_to is not None:
        _check_move(partnership, schedule, regular_day, moved_to, now)
    elif change is not None:
        moved_to = change.moved_to  # a moved meeting skipped keeps its move
    return with_change(schedule, regular_day, skip=skip, moved_to=moved_to)


def _check_move(partnership: Partnership, schedule: Schedule, regular_day: date, moved_to: datetime, now: datetime) -> None:
    """Raise a FormErrors unless the meeting of ``regular_day`` may move to ``moved_to``."""
    local_now = now.replace(tzinfo=None, second=0, microsecond=0)
    if moved_to < local_now:
        if moved_to.date() < local_now.date():
            raise FormErrors({"day": f"{moved_to:%a %Y-%m-%d} is in the past: choose today or a later day."})
        raise FormErrors({"time": f"{moved_to:%H:%M} today is already over (it is {local_now:%H:%M} now): choose a later time."})
    start, end = partnership.placement_start, partnership.placement_end
    if end is not None and moved_to.date() > end:
        raise FormErrors({"day": f"{moved_to:%a %Y-%m-%d} is after the placement ends ({end:%a %Y-%m-%d}): choose a day up to then."})
    if start is not None and moved_to.date() < start:
        raise FormErrors({"day": f"{moved_to:%a %Y-%m-%d} is before the placement starts ({start:%a %Y-%m-%d}): choose a day from then on."})
    changes = {c.day: c for c in schedule.changes}
    other = moved_to.date()
    taken = [c.day for c in schedule.changes if c.day != regular_day and c.moved_to == moved_to and not c.skip]
    if (
        other != regular_day
        and other.weekday() == schedule.weekday.index
        and moved_to.time() == schedule.start_time
        and other not in changes
    ):
        taken.append(other)
    if taken:
        raise FormErrors(
            {"day": f"{moved_to:%a %Y-%m-%d %H:%M} is when the meeting of {taken[0]:%a %Y-%m-%d} happens: choose another day or time."}
        )


def _check_meeting_day(partnership: Partnership, schedule: Schedule, day: date, today: date, happens: date | None = None) -> None:
    """Raise a DomainError unless ``day`` is a regular meeting date inside the placement
    whose meeting happens (on ``happens``, else on ``day``) from ``today`` on; the message
    names the nearest ones."""
    happens = day if happens is None else happens
    first = max(today, partnership.placement_start or today)
    first += timedelta(days=(schedule.weekday.index - first.weekday()) % 7)
    last = partnership.placement_end
    if last is not None:
        last -= timedelta(days=(last.weekday() - schedule.weekday.index) % 7)
    if day.weekday() == schedule.weekday.index and _in_placement(partnership, day) and happens >= today:
        return
    meets = f"{date(2024, 1, 1) + timedelta(days=schedule.weekday.index):%A}s"  # 2024-01-01 was a Monday
    if day.weekday() != schedule.weekday.index:
        why = f"{day:%a %Y-%m-%d} is not a regular meeting day: the pair meets on {meets}"
    elif happens < today and happens != day:
        why = f"the meeting of {day:%a %Y-%m-%d} was moved to {happens:%a %Y-%m-%d}, which is in the past"
    elif day < today:
        why = f"{day:%a %Y-%m-%d} is in the past"
    elif partnership.placement_start and day < partnership.placement_start:
        why = f"{day:%a %Y-%m-%d} is before the placement starts ({partnership.placement_start:%a %Y-%m-%d})"
    else:
        why = f"{day:%a %Y-%m-%d} is after the placement ends ({partnership.placement_end:%a %Y-%m-%d})"
    if last is not None and last < first:
        raise DomainError(f"{why[:1].upper()}{why[1:]}, and no meetings are left in the placement.")
    before = day - timedelta(days=(day.weekday() - schedule.weekday.index) % 7)
    after = day + timedelta(days=(schedule.weekday.index - day.weekday()) % 7)
    near = sorted({min(max(d, first), last) if last else max(d, first) for d in (before, after)})
    names = " and ".join(f"{d:%a %Y-%m-%d}" for d in near)
    raise DomainError(f"{why[:1].upper()}{why[1:]}; the nearest {'meetings are' if len(near) > 1 else 'meeting is'} {names}.")


def with_rule(schedule: Schedule, big_picture: str | None = None, feedback: str | None = None) -> Schedule:
    """The schedule with a new kind rule; raises ValueError for a choice that does not exist."""
    rule = KindRule(
        big_picture=big_picture or schedule.rule.big_picture,  # type: ignore[arg-type]
        feedback=feedback or schedule.rule.feedback,  # type: ignore[arg-type]
    )
    return Schedule.model_validate({**schedule.model_dump(), "rule": rule})
