"""How plan items read on screen: one line per item in the outline, and a full detail view.

Pure rendering (plan -> rich Text); all user text goes through ``lit`` so it shows literally.
"""

from __future__ import annotations

from rich.text import Text

from ...domain.alignment import AlignmentWarning, assessment_labels, lesson_labels, lesson_minutes, minutes_fact, objective_labels, own_length, segment_labels, total_minutes
from ...domain.catalogue import Approach
from ...domain.models import Assessment, Lesson, LessonPlan, Objective, Partnership, Segment
from ...domain.plan_comments import comment_line, comments_on
from ..text import lit

SHORT = {
    Approach.ONE_TEACH_ONE_OBSERVE: "Teach+observe",
    Approach.ONE_TEACH_ONE_ASSIST: "Teach+assist",
    Approach.STATION: "Station",
    Approach.PARALLEL: "Parallel",
    Approach.SUPPLEMENTAL: "Supplemental",
    Approach.ALTERNATIVE: "Alternative",
    Approach.TEAM: "Team",
}
"""Approach names that fit narrow panes and chart labels."""
NARROW = 70
"""Below this outline width, segment rows use the short approach names."""

SECTIONS = (
    ("objectives", "Objectives", "o"),
    ("assessments", "Assessments", "a"),
    ("segments", "Learning tasks / segments", "s"),
    ("lessons", "Lessons of the unit", "v"),
)


def shown_sections(plan: LessonPlan) -> list[tuple[str, str, str]]:
    """Lessons only for a unit: a single lesson is one flat list of segments."""
    return [s for s in SECTIONS if s[0] != "lessons" or plan.kind == "unit"]


def header_line(plan: LessonPlan) -> Text:
    text = lit(plan.title, "bold")
    facts = [plan.kind, plan.status.value]
    if plan.start:
        facts.append(plan.start.strftime("%a %d %b %Y"))
    facts.append(minutes_fact(plan))
    text.append("  " + " · ".join(facts), style="dim")
    return text


def section_line(plan: LessonPlan, name: str, title: str, key: str) -> Text:
    count = len(getattr(plan, name))
    text = lit(f"{title.upper()} ({count})", "bold underline")
    if name == "segments" and (length := own_length(plan)):
        text.append(f"  {total_minutes(plan)}/{length} min", style="bold")
    text.append(f"  {key}: add", style="dim")
    return text


def _line(flagged: bool, head: Text, body: Text, tail: str, width: int | None) -> Text:
    """``⚠ O1 text  ⟵ links`` on one line: the body is cut short so the links stay visible."""
    text = lit("⚠ ", "bold yellow") if flagged else lit("  ")
    text.append_text(head)
    if width:
        room = max(8, width - text.cell_len - len(tail))
        if body.cell_len > room:
            body.truncate(room - 1)
            body.append("…")
    text.append_text(body)
    text.append(tail, style="dim")
    return text


def _links(ids: list[str], names: dict[str, str]) -> str:
    return ",".join(names[i] for i in ids if i in names) or "—"


class Names:
    """Short names and reverse links of one plan, computed once per redraw (not once per row)."""

    def __init__(self, plan: LessonPlan):
        self.o = objective_labels(plan)
        self.a = assessment_labels(plan)
        self.s = segment_labels(plan)
        self.lessons = lesson_labels(plan)
        self.measured_by: dict[str, list[str]] = {o: [] for o in self.o}
        self.taught_in: dict[str, list[str]] = {o: [] for o in self.o}
        for a in plan.assessments:
            for o in a.objective_ids:
                self.measured_by[o].append(a.id)
        for seg in plan.segments:
            for o in seg.objective_ids:
                self.taught_in[o].append(seg.id)


def item_line(
    plan: LessonPlan,
    item: Objective | Assessment | Segment,
    partnership: Partnership,
    flagged: bool,
    width: int | None = None,
    names: Names | None = None,
) -> Text:
    """One outline row; with ``width`` it fits one line, the full text is in the detail pane."""
    n = names or Names(plan)
    if isinstance(item, Lesson):
        took = lesson_minutes(plan, item.id)
        count = sum(1 for s in plan.segments if s.lesson_id == item.id)
        day = f"{item.day:%a %d %b} · " if item.day else ""
        tail = f"  {day}{count} segment{'s' * (count != 1)} · {took}/{item.length_minutes} min" if item.length_minutes else f"  {day}{count} segments · {took} min"
        return _line(flagged, lit(n.lessons[item.id] + " ", "bold"), lit(" ".join(item.title.split())), tail, width)
    if isinstance(item, Objective):
        tail = f"  ⟵ {_links(n.measured_by[item.id], n.a)} · {_links(n.taught_in[item.id], n.s)}"
        return _line(flagged, lit(n.o[item.id] + " ", "bold"), lit(" ".join(item.text.split())), tail, width)
    if isinstance(item, Assessment):
        tail = f"  {item.kind} → {_links(item.objective_ids, n.o)} · "
        tail += f"{partnership.owner_label(item.designed_by)}/{partnership.owner_label(item.graded_by)}"
        return _line(flagged, lit(n.a[item.id] + " ", "bold"), lit(" ".join(item.text.split())), tail, width)
    body = lit(item.phase + ": ", "italic") if item.phase else lit("")
    body.append_text(lit(" ".join(item.title.split())))
    approach = "no approach" if item.approach is None else (SHORT[item.approach] if width and width < NARROW else item.approach.label)
    tail = f"  {item.minutes}′ · {approach} → {_links(item.objective_ids, n.o)}"
    if item.lesson_id in n.lessons:
        tail += f" · {n.lessons[item.lesson_id]}"
    return _line(flagged, lit(n.s[item.id] + " ", "bold"), body, tail, width)


def detail(plan: LessonPlan, item: Objective | Assessment | Segment | None, partnership: Partnership, warnings: list[AlignmentWarning]) -> Text:
    """Everything about one item, for the detail pane."""
    o_names = objective_labels(plan)
    a_names = assessment_labels(plan)
    if item is None:
        hint = lit(
            "Begin with the end in mind: objectives (o), then assessments (a), then learning tasks (s). "
            "enter edits, l links objectives, p picks an approach, t makes a to-do, i edits the plan's details. "
            "m comments, f sends a draft for feedback, r resolves comments.",
            "dim",
        )
        return hint + _comments(plan, None, partnership)
    out = Text()
    if isinstance(item, Lesson):
        out.append_text(lit(f"{lesson_labels(plan)[item.id]} ", "bold") + lit(item.title))
        out.append("\nDay: ", style="bold")
        out.append_text(lit(f"{item.day:%A %d %B %Y}" if item.day else "not set"))
        took = lesson_minutes(plan, item.id)
        out.append("\nMinutes: ", style="bold")
        out.append_text(lit(f"{took} of {item.length_minutes}" if item.length_minutes else f"{took} (no length set)"))
        names = segment_labels(plan)
        out.append("\nSegments: ", style="bold")
        out.append_text(lit("; ".join(f"{names[s.id]} {s.title}" for s in plan.segments if s.lesson_id == item.id) or "none yet (s adds one; a segment's form picks its lesson)"))
        out.append("\ny copies this lesson with its segments.", style="dim")
    elif isinstance(item, Objective):
        out.append_text(lit(f"{o_names[item.id]} ", "bold") + lit(item.text))
        measured = [f"{a_names[a.id]} {a.text}" for a in plan.assessments if item.id in a.objective_ids]
        taught = [f"{segment_labels(plan)[s.id]} {s.title}" for s in plan.segments if item.id in s.objective_ids]
        out.append("\nAssessed by: ", style="bold")
        out.append_text(lit("; ".join(measured) or "nothing yet"))
        out.append("\nTaught in: ", style="bold")
        out.append_text(lit("; ".join(taught) or "nothing yet"))
    elif isinstance(item, Assessment):
        out.append_text(lit(f"{a_names[item.id]} ", "bold") + lit(item.text) + lit(f"  ({item.kind})", "dim"))
        out.append("\nMeasures: ", style="bold")
        out.append_text(lit("; ".join(f"{o_names[o]}" for o in item.objective_ids) or "no objective yet (l to link)"))
        out.append("\nDesigned by ", style="bold")
        out.append_text(lit(partnership.owner_label(item.designed_by)))
        out.append(" · graded by ", style="bold")
        out.append_text(lit(partnership.owner_label(item.graded_by)))
    else:
        out.append_text(lit(f"{segment_labels(plan)[item.id]} ", "bold") + lit(f"{item.phase}: " if item.phase else "", "italic") + lit(item.title))
        out.append(f"  {item.minutes} min", style="dim")
        out.append("\nApproach: ", style="bold")
        if item.approach:
            out.append_text(lit(item.approach.label) + lit(f": {item.approach.description}", "dim"))
        else:
            out.append("not chosen (p to pick)", style="yellow")
        out.append("\nObjectives: ", style="bold")
        out.append_text(lit(", ".join(o_names[o] for o in item.objective_ids) or "none (l to link)"))
        if item.assessment_ids:
            out.append_text(lit(" · assessment " + ", ".join(a_names[a] for a in item.assessment_ids if a in a_names)))
        for m in partnership.members:
            role = item.roles.get(m.id, "")
            out.append(f"\n{partnership.owner_label(m.id)}: ", style="bold")
            out.append_text(lit(role) if role else lit("no role yet", "yellow"))
        if item.grouping:
            out.append("\nGrouping, room: ", style="bold")
            out.append_text(lit(item.grouping))
        if item.differentiation:
            out.append("\nSupports: ", style="bold")
            out.append_text(lit(item.differentiation))
    mine = [w for w in warnings if w.item_id == item.id]
    for w in mine:
        out.append("\n⚠ ", style="bold yellow")
        out.append_text(lit(w.message, "yellow"))
    return out + _comments(plan, item.id, partnership)


def _comments(plan: LessonPlan, item_id: str | None, partnership: Partnership) -> Text:
    found = comments_on(plan, item_id)
    out = Text()
    if found:
        out.append("\nComments (m adds, r resolves):", style="bold")
    for c in found:
        out.append("\n")
        out.append_text(lit(comment_line(c, partnership), "dim" if c.resolved else ""))
    return out
