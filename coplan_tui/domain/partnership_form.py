"""Turn the partnership form's text fields into a Partnership, or a message for each bad field.

Pure, so the rules are tested without a screen. Nothing half-valid ever comes out: either
every field parses and the whole model validates, or ``FormErrors`` names what to fix.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import ValidationError

from .catalogue import Level, Phase, Role
from .dates import parse_date, parse_time
from .errors import DomainError, FormErrors, describe
from .models import Context, KindRule, MeetingMode, Member, Partnership, Schedule, Weekday

FIELDS = (
    "name", "m1_name", "m1_role", "m2_name", "m2_role", "school", "subject", "grade", "phase", "start", "end",
    "level", "lead", "weekday", "time", "minutes", "big_minutes", "feedback_minutes", "mode", "platform",
    "location", "link", "library_part", "aligns_with",
)  # fmt: skip


def fields_of(p: Partnership) -> dict[str, str]:
    """The form's text for an existing partnership (the inverse of ``build``)."""
    s = p.schedule
    m1, m2 = p.members[0], p.members[1]
    return {
        "name": p.name,
        "m1_name": m1.name, "m1_role": m1.role.value, "m2_name": m2.name, "m2_role": m2.role.value,
        "school": p.context.school, "subject": p.context.subject, "grade": p.context.grade,
        "phase": p.phase.value if p.phase else "",
        "start": p.placement_start.isoformat() if p.placement_start else "",
        "end": p.placement_end.isoformat() if p.placement_end else "",
        "level": p.level.value,
        "lead": next((f"m{i + 1}" for i, m in enumerate(p.members[:2]) if m.id == p.lead_id), ""),
        "weekday": s.weekday.value if s else "",
        "time": s.start_time.strftime("%H:%M") if s else "",
        "minutes": str(s.minutes) if s else "60",
        "big_minutes": str(s.big_picture_minutes) if s else "60",
        "feedback_minutes": str(s.feedback_minutes) if s else "15",
        "mode": p.meeting.mode, "platform": p.meeting.platform,
        "location": p.meeting.location, "link": p.meeting.link,
        "library_part": p.library_part, "aligns_with": p.aligns_with,
    }  # fmt: skip


BLANK = {
    **{f: "" for f in FIELDS},
    "m1_role": Role.CT.value, "m2_role": Role.TC.value, "level": Level.COLLABORATION.value,
    "minutes": "60", "big_minutes": "60", "feedback_minutes": "15", "mode": "in_person",
    "library_part": "aligns",
}  # fmt: skip

def _minutes(text: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise DomainError("Enter a number of minutes, for example 45.") from None
    if not 1 <= value <= 240:
        raise DomainError("Enter between 1 and 240 minutes.")
    return value


def build(fields: dict[str, str], today: date, existing: Partnership | None = None, now: datetime | None = None) -> Partnership:
    """The partnership the form describes. Raises FormErrors listing every bad field."""
    f = {k: (fields.get(k) or "").strip() for k in FIELDS}
    errors: dict[str, str] = {}

    def parse(field: str, fn, *args):
        try:
            return fn(*args)
        except DomainError as e:
            errors[field] = str(e)
            return None

    for key in ("m1_name", "m2_name"):
        if not f[key]:
            errors[key] = "Enter this member's name."
    roles = {}
    for key in ("m1_role", "m2_role"):
        try:
            roles[key] = Role(f[key])
        except ValueError:
            errors[key] = "Choose a role."
    phase = Phase(f["phase"]) if f["phase"] else None
    start = parse("start", parse_date, f["start"], today)
    end = parse("end", parse_date, f["end"], today)
    if start and end and end < start:
        errors["end"] = f"The placement ends ({end:%a %d %b %Y}) before it starts ({start:%a %d %b %Y})."
    if phase and "start" not in errors and "end" not in errors and not (start and end):
        errors["start" if not start else "end"] = f"{phase.label} needs both placement dates, for the release plan."
    elif bool(f["start"]) != bool(f["end"]) and not errors.keys() & {"start", "end"}:
        errors["end" if f["start"] else "start"] = "Enter both placement dates, or neither."
    if phase and set(roles.values()) != {Role.CT, Role.TC} and len(roles) == 2:
        errors["m2_role"] = f"{phase.label} pairs a cooperating teacher (CT) with a teacher candidate (TC)."
    schedule = None
    if f["weekday"]:
        at = parse("time", parse_time, f["time"]) if f["time"] else None
        if not f["time"]:
            errors["time"] = "Enter the meeting time, for example 15:30."
        lengths = {k: parse(k, _minutes, f[k]) for k in ("minutes", "big_minutes", "feedback_minutes")}
        if at is not None and None not in lengths.values():
            weekday = Weekday(f["weekday"])
            before = existing.schedule if existing else None
            schedule = Schedule(
                weekday=weekday,
                start_time=at,
                minutes=lengths["minutes"],
                big_picture_minutes=lengths["big_minutes"],
                feedback_minutes=lengths["feedback_minutes"],
                # The rule stays; skips and moves stay while the meetings stay on that day.
                rule=before.rule if before else KindRule(),
                changes=before.changes if before and before.weekday == weekday else [],
            )
    level = Level(f["level"] or Level.COLLABORATION.value)
    if level == Level.COORDINATION and f["lead"] not in ("m1", "m2"):
        errors["lead"] = "Coordination has one lead: choose who leads; the other supports."
    if f["mode"] == "virtual" and not f["platform"]:
        errors["platform"] = "Name the video platform, for example Zoom."
    if errors:
        raise FormErrors(errors)

    old = existing.members if existing else []
    members = []
    for i, key in enumerate(("m1", "m2")):
        kept = old[i].model_dump() if i < len(old) else {}
        try:  # validated, also when editing: a copy with changes would skip the checks
            members.append(Member.model_validate({**kept, "name": f[f"{key}_name"], "role": roles[f"{key}_role"]}))
        except ValidationError as e:
            errors[f"{key}_name"] = describe(e)
    if errors:
        raise FormErrors(errors)
    extra = list(old[2:])
    try:
        edited = dict(
            name=f["name"],
            members=members + extra,
            context=Context(school=f["school"], subject=f["subject"], grade=f["grade"]),
            phase=phase,
            placement_start=start,
            placement_end=end,
            level=level,
            lead_id=members[int(f["lead"][1]) - 1].id if level == Level.COORDINATION else None,
            schedule=schedule,
            meeting=MeetingMode(mode=f["mode"] or "in_person", platform=f["platform"], location=f["location"], link=f["link"]),  # type: ignore[arg-type]
            library_part=f["library_part"] or "aligns",
            aligns_with=f["aligns_with"],
        )
        if existing is None:
            return Partnership(created_at=now, **edited)
        # Every field the form does not show stays as it was: its revision above all, else the
        # store would take the save for an edit of a stale copy.
        return Partnership.model_validate({**dict(existing), **edited})
    except ValidationError as e:
        raise FormErrors(_field_errors(e)) from None


_LOCATIONS = {"name": "name", "school": "school", "subject": "subject", "grade": "grade", "platform": "platform"}


def _field_errors(error: ValidationError) -> dict[str, str]:
    """Each pydantic complaint under the form field it came from; the rest for the whole form."""
    out: dict[str, str] = {}
    for item in error.errors():
        loc = [str(part) for part in item["loc"]]
        field = _LOCATIONS.get(loc[-1], "") if loc else ""
        message = f"{item['msg']}." if field else describe(error)
        out.setdefault(field, message)
    return out
