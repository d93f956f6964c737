"""A lesson plan as Markdown, modelled on the CSU coteaching lesson plan template.

Sections: the header (who, when, standards), objectives, assessments, an alignment table
(which assessment measures and which task teaches each objective), then the segments with
each teacher's role side by side in two columns, differentiation and resources.

User text is escaped the way the to-do Markdown escapes it (``md_escape``): a title with
``<script>`` or ``[x](javascript:...)`` stays text, never HTML or a link.
"""

from __future__ import annotations

from ..domain.alignment import assessment_labels, check, lesson_labels, lesson_minutes, objective_labels, own_length, segment_labels, total_minutes, unit_minutes
from ..domain.models import BOTH, LessonPlan, Partnership
from ..domain.plan_comments import comments_on
from ..domain.plan_edits import item_summary
from ..domain.safe_text import printable
from .records import md_escape


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell: one line, escaped, never empty."""
    return md_escape(str(text or "")) or "—"


def _who(partnership: Partnership, owner: str) -> str:
    if owner == BOTH:
        return "Both"
    member = partnership.member(owner)
    return f"{md_escape(member.name)} ({partnership.owner_label(owner)})" if member else "?"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    """``header`` and ``rows`` are Markdown already (escape user text before)."""
    lines = ["| " + " | ".join(h or "—" for h in header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(c or "—" for c in row) + " |" for row in rows]
    return lines


def _length(plan: LessonPlan) -> str:
    """A lesson's length against its segments; a unit's as its header says it (each lesson has its own)."""
    if not plan.lessons:
        length = own_length(plan)
        return f"{length} min (segments: {total_minutes(plan)} min)" if length else f"segments: {total_minutes(plan)} min"
    return ", ".join(unit_minutes(plan).facts())


def plan_to_markdown(plan: LessonPlan, partnership: Partnership) -> str:
    o_names = objective_labels(plan)
    a_names = assessment_labels(plan)
    s_names = segment_labels(plan)
    members = partnership.members
    out: list[str] = [f"# {md_escape(plan.title)}", ""]

    ctx = partnership.context
    facts = [
        ("Kind", f"{plan.kind}, {plan.status.value}"),
        ("Coteachers", "; ".join(f"{md_escape(m.name)} ({m.role.label})" for m in members)),
        ("Partnership", md_escape(partnership.display_name)),
        ("School", md_escape(ctx.school)),
        ("Subject / grade", " / ".join(md_escape(x) for x in (ctx.subject, ctx.grade) if x)),
        ("Date", _dates(plan)),
        ("Length", _length(plan)),
    ]
    out += [f"- **{k}:** {' '.join(v.split())}" for k, v in facts if v]
    if plan.standards:
        out += ["", "## Standards and concepts", ""] + [f"- {md_escape(s)}" for s in plan.standards]

    out += ["", "## Objectives", "", "Students will know / be able to:", ""]
    out += [f"- **{o_names[o.id]}** {md_escape(o.text)}" for o in plan.objectives] or ["- (none yet)"]

    out += ["", "## Assessments", ""]
    if plan.assessments:
        out += _table(
            ["#", "Assessment", "Kind", "Measures", "Designed by", "Graded by"],
            [
                [a_names[a.id], cell(a.text), a.kind, ", ".join(o_names[x] for x in a.objective_ids), _who(partnership, a.designed_by), _who(partnership, a.graded_by)]
                for a in plan.assessments
            ],
        )
    else:
        out.append("(none yet)")

    out += ["", "## Alignment", ""]
    rows = []
    for o in plan.objectives:
        measured = [a_names[a.id] for a in plan.assessments if o.id in a.objective_ids]
        taught = [s_names[s.id] for s in plan.segments if o.id in s.objective_ids]
        rows.append([o_names[o.id], cell(o.text), ", ".join(measured) or "NOT ASSESSED", ", ".join(taught) or "NOT TAUGHT"])
    out += _table(["#", "Objective", "Assessed by", "Taught in"], rows) if rows else ["(no objectives)"]
    warnings = check(plan, partnership)
    out += [""] + ([f"- ⚠ {md_escape(w.message)}" for w in warnings] if warnings else ["No alignment warnings."])

    if plan.lessons:
        out += ["", "## Lessons", ""]
        l_names = lesson_labels(plan)
        for lesson in plan.lessons:
            took = lesson_minutes(plan, lesson.id)
            length = f"{lesson.length_minutes} min (segments: {took} min)" if lesson.length_minutes else f"segments: {took} min"
            day = f"{lesson.day:%a %d %b %Y} · " if lesson.day else ""
            out += [f"### {l_names[lesson.id]} {md_escape(lesson.title)}", "", f"{day}{length}", ""]
            out += _segments(plan, partnership, [x for x in plan.segments if x.lesson_id == lesson.id], o_names, a_names, s_names)
            out.append("")
        loose = [x for x in plan.segments if x.lesson_id is None]
        if loose:
            out += ["### Across the unit", ""] + _segments(plan, partnership, loose, o_names, a_names, s_names)
    else:
        out += ["", "## Lesson segments", ""]
        out += _segments(plan, partnership, plan.segments, o_names, a_names, s_names)

    if plan.differentiation:
        out += ["", "## Differentiation and supports", "", md_escape(plan.differentiation)]
    if plan.outcomes.strip():
        out += ["", "## Outcomes and analysis", "", md_escape(plan.outcomes)]
    if plan.resources:
        out += ["", "## Resources", ""]
        out += _table(["Resource", "Where", "Notes"], [[cell(r.label), cell(r.location), cell(r.notes)] for r in plan.resources])
    if plan.comments:
        names = {**o_names, **a_names, **s_names}
        rows = []
        for item_id in [None, *(i.id for i in (*plan.objectives, *plan.assessments, *plan.segments))]:
            for c in comments_on(plan, item_id):
                on = f"{names[item_id]} {cell(item_summary(plan, item_id))}" if item_id else "the plan"
                rows.append([on, _who(partnership, c.author), c.at.strftime("%Y-%m-%d %H:%M"), "resolved" if c.resolved else "open", cell(c.text)])
        out += ["", "## Comments", ""] + _table(["On", "By", "When", "State", "Comment"], rows)
    return printable("\n".join(out)) + "\n"


def _segments(plan: LessonPlan, partnership: Partnership, segments: list, o_names, a_names, s_names) -> list[str]:
    """The segments as a table with each teacher's role side by side, then their details."""
    if not segments:
        return ["(none yet)"]
    members = partnership.members
    header = ["#", "Phase", "Min", "Task", "Approach", "Objectives"] + [f"{md_escape(m.name)} ({partnership.owner_label(m.id)})" for m in members]
    out = _table(
        header,
        [
            [s_names[s.id], cell(s.phase), str(s.minutes), cell(s.title), s.approach.label if s.approach else "not chosen", ", ".join(o_names[x] for x in s.objective_ids)]
            + [cell(s.roles.get(m.id, "")) for m in members]
            for s in segments
        ],
    )
    for s in [s for s in segments if s.grouping or s.differentiation or s.assessment_ids]:
        out += ["", f"**{s_names[s.id]} {md_escape(s.title)}**", ""]
        if s.assessment_ids:
            out.append(f"- Assessment: {', '.join(a_names[x] for x in s.assessment_ids)}")
        if s.grouping:
            out.append(f"- Grouping and room: {md_escape(s.grouping)}")
        if s.differentiation:
            out.append(f"- Differentiation and supports: {md_escape(s.differentiation)}")
    return out


def _dates(plan: LessonPlan) -> str:
    if plan.start and plan.end and plan.end != plan.start:
        return f"{plan.start.isoformat()} to {plan.end.isoformat()}"
    day = plan.start or plan.end
    return day.isoformat() if day else ""
