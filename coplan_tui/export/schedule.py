"""The meetings ahead as a table, JSON records, or an iCalendar file of VEVENTs.

The calendar holds one recurring event per partnership: its RRULE is the regular time,
bounded to the weeks shown, so every date a reader expands from it is one the schedule
means. Big-picture and feedback meetings (other lengths) and moved ones are overrides
(RECURRENCE-ID); skipped ones are EXDATEs. Times are floating: the school's local time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from ..domain.models import Partnership, SessionKind
from ..domain.safe_text import printable
from ..domain.schedule import Occurrence, coplans, describe_rule


@dataclass(frozen=True)
class PartnershipSchedule:
    partnership: Partnership
    occurrences: Sequence[Occurrence]


def records(schedules: Sequence[PartnershipSchedule]) -> list[dict]:
    return [
        {
            "partnership": s.partnership.display_name,
            "partnership_id": s.partnership.id,
            "start": _local(o.start).isoformat(timespec="minutes"),
            "end": _local(o.end).isoformat(timespec="minutes"),
            "regular": _local(o.regular).isoformat(timespec="minutes"),
            "kind": o.kind.value,
            "minutes": o.minutes,
            "status": o.status,
        }
        for s in schedules
        for o in s.occurrences
    ]


def table(schedules: Sequence[PartnershipSchedule]) -> str:
    lines = []
    for s in schedules:
        p = s.partnership
        lines.append(p.display_name)
        if not coplans(p):
            kept = " (its regular time is kept for another level)" if p.schedule else ""
            lines += [f"  cooperation: no coplanning meetings; resource requests instead (coplan requests){kept}", ""]
            continue
        if p.schedule is None:
            lines += ["  no regular time (set one in the partnership form)", ""]
            continue
        lines += [f"  {rule}" for rule in describe_rule(p.schedule)]
        if not s.occurrences:
            lines.append("  no meetings in these weeks (the placement is over)")
        for o in s.occurrences:
            note = "  skipped" if o.skipped else f"  moved from {o.regular:%a %d %b %H:%M}" if o.moved else ""
            lines.append(f"  {o.start:%a %Y-%m-%d %H:%M}  {o.minutes:>3} min  {o.kind.label}{note}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n" if lines else "No partnerships yet.\n"


def _local(at: datetime) -> datetime:
    return at.replace(tzinfo=None)


def _where(event, p: Partnership) -> None:
    meeting = p.meeting
    if meeting.mode == "virtual":
        event.add("location", printable(meeting.link or meeting.platform))
        if meeting.link:
            event.add("url", printable(meeting.link))
    elif meeting.location:
        event.add("location", printable(meeting.location))


def _event(p: Partnership, occurrence: Occurrence, now: datetime):
    from icalendar import Event

    event = Event()
    event.add("uid", f"{p.id}-meetings@coplan")
    event.add("dtstamp", now.astimezone(timezone.utc))
    kind = "" if occurrence.kind == SessionKind.REGULAR else f" ({occurrence.kind.label})"
    event.add("summary", printable(f"Coplanning{kind}: {p.display_name}"))
    event.add("dtstart", _local(occurrence.start))
    event.add("dtend", _local(occurrence.end))
    _where(event, p)
    details = [f"With: {', '.join(f'{m.name} ({m.role.short})' for m in p.members)}"]
    if p.meeting.mode == "virtual":
        details.append(f"Video: {p.meeting.platform}" + (f" {p.meeting.link}" if p.meeting.link else ""))
    event.add("description", printable("\n".join(details)))
    return event


def to_ics(schedules: Sequence[PartnershipSchedule], now: datetime, name: str = "coplan meetings") -> bytes:
    from icalendar import vRecur  # only the calendar format pays for the library

    from .ics import new_calendar

    cal = new_calendar(name)
    for s in schedules:
        series = sorted(s.occurrences, key=lambda o: o.regular)
        if s.partnership.schedule is None or not series:
            continue
        first, last = series[0], series[-1]
        regular = s.partnership.schedule.minutes
        master = _event(s.partnership, Occurrence(first.regular, first.regular, SessionKind.REGULAR, regular), now)
        weekday = s.partnership.schedule.weekday.value[:2].upper()
        master.add("rrule", vRecur(freq="WEEKLY", byday=weekday, until=_local(last.regular)))
        skipped = [_local(o.regular) for o in series if o.skipped]
        if skipped:
            master.add("exdate", skipped)
        cal.add_component(master)
        for o in series:
            if o.skipped or (not o.moved and o.kind == SessionKind.REGULAR):
                continue
            override = _event(s.partnership, o, now)
            override.add("recurrence-id", _local(o.regular))
            cal.add_component(override)
    return cal.to_ical()
