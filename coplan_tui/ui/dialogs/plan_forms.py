"""The forms behind each plan item: what a teacher fills in, and how it becomes a model.

Each ``*_form`` returns a FormDialog whose result is a validated model (or None on cancel).
Dates accept what teachers type (``thu``, ``+3d``, ``2026-12-01``) through ``form_date``, whose
error names the date field (the form labels it and moves the focus there).
"""

from __future__ import annotations

from datetime import date, datetime

from ...domain.catalogue import Approach
from ...domain.dates import ACCEPTED, form_date
from ...domain.errors import DomainError, FormErrors
from ...domain.models import BOTH, Assessment, Lesson, LessonPlan, Objective, Partnership, PlanStatus, Resource, Segment
from .plan_dialogs import FormDialog, FormField

PHASE_HINT = "for example hook, I do, we do, you do, closure"
NO_APPROACH = "none"


def owner_choices(partnership: Partnership) -> list[tuple[str, str]]:
    return [(f"{m.name} ({partnership.owner_label(m.id)})", m.id) for m in partnership.members] + [("Both", BOTH)]


def approach_choices() -> list[tuple[str, str]]:
    return [("Not chosen yet", NO_APPROACH)] + [(a.label, a.value) for a in Approach]


def _minutes(text: str, what: str = "minutes") -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise DomainError(f"{what}: {text.strip()!r} is not a whole number of minutes") from None
    return value


def objective_form(item: Objective | None) -> FormDialog[Objective]:
    item = item or Objective(text="-")
    start = "" if item.text == "-" else item.text

    def build(v: dict[str, str]) -> Objective:
        return Objective.model_validate({**item.model_dump(), "text": v["text"]})

    return FormDialog(
        "Objective" if start else "New objective",
        [FormField("text", "Students will…", start, placeholder="know / be able to …")],
        build,
        note="What will students know and be able to do?",
    )


def assessment_form(item: Assessment | None, partnership: Partnership) -> FormDialog[Assessment]:
    new = item is None
    item = item or Assessment(text="-")
    owners = owner_choices(partnership)

    def build(v: dict[str, str]) -> Assessment:
        return Assessment.model_validate(
            {**item.model_dump(), "text": v["text"], "kind": v["kind"], "designed_by": v["designed_by"], "graded_by": v["graded_by"]}
        )

    return FormDialog(
        "New assessment" if new else "Assessment",
        [
            FormField("text", "Assessment", "" if new else item.text, placeholder="exit ticket, quiz, observation …"),
            FormField("kind", "Kind", item.kind, choices=[("Formative", "formative"), ("Summative", "summative")]),
            FormField("designed_by", "Designed by", item.designed_by, choices=owners),
            FormField("graded_by", "Graded by", item.graded_by, choices=owners),
        ],
        build,
        note="Link it to the objectives it measures with l.",
    )


def lesson_form(item: Lesson | None, today: date) -> FormDialog[Lesson]:
    def build(v: dict[str, str]) -> Lesson:
        length = _minutes(v["length"], "length") if v["length"].strip() else None
        data = {"title": v["title"], "day": form_date(v, "day", today), "length_minutes": length}
        return Lesson.model_validate({**item.model_dump(), **data} if item else data)

    return FormDialog(
        "Lesson" if item else "New lesson",
        [
            FormField("title", "Lesson", item.title if item else "", placeholder="e.g. Day 2: food webs"),
            FormField("day", "Day", item.day.isoformat() if item and item.day else "", placeholder="2026-12-07, monday, +1w", hint=ACCEPTED),
            FormField("length", "Length (min)", str(item.length_minutes or "") if item else "", placeholder="e.g. 50"),
        ],
        build,
    )


def segment_form(item: Segment | None, partnership: Partnership, lessons: list[Lesson] = (), lesson_id: str | None = None) -> FormDialog[Segment]:
    """``lesson_id``: the lesson a new segment starts in (the one under the cursor)."""
    new = item is None
    item = item or Segment(title="-", lesson_id=lesson_id)
    role_fields = [
        FormField(f"role-{m.id}", f"Role: {partnership.owner_label(m.id)}", item.roles.get(m.id, ""), placeholder=f"what {m.name.split()[0]} does")
        for m in partnership.members
    ]

    def build(v: dict[str, str]) -> Segment:
        roles = {m.id: v[f"role-{m.id}"].strip() for m in partnership.members if v[f"role-{m.id}"].strip()}
        approach = None if v["approach"] == NO_APPROACH else v["approach"]
        return Segment.model_validate(
            {
                **item.model_dump(),
                "phase": v["phase"],
                "title": v["title"],
                "minutes": _minutes(v["minutes"]),
                "approach": approach,
                "roles": roles,
                "grouping": v["grouping"],
                "differentiation": v["differentiation"],
                "lesson_id": (v.get("lesson") or None) if lessons else item.lesson_id,
            }
        )

    return FormDialog(
        "New segment" if new else "Segment",
        [
            FormField("phase", "Phase", item.phase, placeholder=PHASE_HINT),
            FormField("title", "Learning task", "" if new else item.title, placeholder="what students do"),
            FormField("minutes", "Minutes", str(item.minutes)),
            FormField("approach", "Approach", item.approach.value if item.approach else NO_APPROACH, choices=approach_choices()),
            *role_fields,
            FormField("grouping", "Grouping, room", item.grouping, placeholder="groups, where, materials"),
            FormField("differentiation", "Supports", item.differentiation, placeholder="differentiation and supports"),
            *(
                [FormField("lesson", "Lesson", item.lesson_id or "", choices=[("The whole unit", "")] + [(f"L{n} {x.title}", x.id) for n, x in enumerate(lessons, 1)])]
                if lessons
                else []
            ),
        ],
        build,
    )


def plan_info_form(plan: LessonPlan, today: date) -> FormDialog[dict]:
    """Title, kind, status, dates, length, standards: the result is an update dict."""

    def build(v: dict[str, str]) -> dict:
        update = {
            "title": v["title"],
            "kind": v["kind"],
            "status": v["status"],
            "start": form_date(v, "start", today),
            "end": form_date(v, "end", today),
            "length_minutes": _minutes(v["length"], "length") if v["length"].strip() else None,
            "standards": [s.strip() for s in v["standards"].split(";") if s.strip()],
            "differentiation": v["differentiation"],
            "outcomes": v["outcomes"],
            "tc_included": v["tc_included"] == "yes",
        }
        if update["start"] and update["end"] and update["end"] < update["start"]:
            raise FormErrors({"end": f"{update['end']:%a %Y-%m-%d} is before the plan starts ({update['start']:%a %Y-%m-%d})."})
        LessonPlan.model_validate({**plan.model_dump(), **update})
        return update

    return FormDialog(
        "Plan details",
        [
            FormField("title", "Title", plan.title),
            FormField("kind", "Kind", plan.kind, choices=[("Lesson", "lesson"), ("Unit", "unit")]),
            FormField("status", "Status", plan.status.value, choices=[(s.value.capitalize(), s.value) for s in PlanStatus]),
            FormField("start", "Starts", plan.start.isoformat() if plan.start else "", hint=ACCEPTED),
            FormField("end", "Ends", plan.end.isoformat() if plan.end else ""),
            FormField("length", "Length (min)", str(plan.length_minutes or ""), placeholder="e.g. 50; empty for a unit"),
            FormField("standards", "Standards", "; ".join(plan.standards), placeholder="separate with ;"),
            FormField("differentiation", "Supports", plan.differentiation, placeholder="plan-wide differentiation"),
            FormField(
                "tc_included",
                "TC included in planning",
                "yes" if plan.tc_included else "no",
                choices=[("No", "no"), ("Yes: a targeted lesson the TC helped plan", "yes")],
            ),
            FormField("outcomes", "Outcomes", plan.outcomes, placeholder="after teaching: how students did, and why"),
        ],
        build,
    )


def new_plan_form(partnerships: list[Partnership], today: date, now: datetime) -> FormDialog[LessonPlan]:
    def build(v: dict[str, str]) -> LessonPlan:
        return LessonPlan(
            partnership_id=v["partnership"],
            title=v["title"],
            kind=v["kind"],  # type: ignore[arg-type]
            start=form_date(v, "start", today),
            length_minutes=_minutes(v["length"], "length") if v["length"].strip() else None,
            created_at=now,
            updated_at=now,
        )

    fields = [
        FormField("title", "Title", placeholder="e.g. Energy flow in ecosystems"),
        FormField("kind", "Kind", "lesson", choices=[("Lesson", "lesson"), ("Unit", "unit")]),
        FormField("start", "Date", hint=ACCEPTED),
        FormField("length", "Length (min)", "50"),
    ]
    if len(partnerships) > 1:
        fields.insert(0, FormField("partnership", "Partnership", partnerships[0].id, choices=[(p.display_name, p.id) for p in partnerships]))
    form = FormDialog("New plan", fields, build, note="Begin with the end in mind: objectives first, then assessments, then tasks.")
    if len(partnerships) == 1:
        only = partnerships[0].id
        form.build = lambda v: build({**v, "partnership": only})
    return form


def resource_form(item: Resource | None) -> FormDialog[Resource]:
    def build(v: dict[str, str]) -> Resource:
        return Resource(label=v["label"], location=v["location"], notes=v["notes"])

    return FormDialog(
        "Resource" if item else "New resource",
        [
            FormField("label", "Resource", item.label if item else "", placeholder="what it is"),
            FormField("location", "Link or path", item.location if item else "", placeholder="https://… or a shared-drive path"),
            FormField("notes", "Notes", item.notes if item else ""),
        ],
        build,
    )
