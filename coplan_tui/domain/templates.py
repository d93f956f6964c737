"""Built-in session templates, built from the published structures in DOMAIN.md.

Their ids are fixed so that a session's snapshot can be traced back to its template, and so
that copies made by users never collide with them.
"""

from __future__ import annotations

import re

from .catalogue import Level, Role
from .models import Partnership, SessionKind, SessionTemplate, TemplateStep


def _step(title: str, minutes: int, prompts: list[str], outputs: list[str] = (), planning: bool = False) -> TemplateStep:
    return TemplateStep(title=title, minutes=minutes, prompts=list(prompts), outputs=list(outputs), planning=planning)


WEEKLY = SessionTemplate(
    id="builtin-weekly",
    builtin=True,
    name="Weekly coplanning (60 min)",
    purpose="The regular weekly session: reflect (20%), plan instruction (60%), assign responsibilities (20%).",
    steps=[
        _step(
            "Reflect on the last plan",
            12,
            [
                "What worked in last week's lessons, and why?",
                "What didn't work, and why?",
                "What is still open from last time? Check the carried-forward to-dos.",
            ],
            ["What to keep", "What to change"],
        ),
        _step(
            "Standard and concept",
            8,
            ["What standard or concept are we teaching?", "What do students already know?"],
            ["The learning goal, in students' words"],
            planning=True,
        ),
        _step(
            "Coteaching approach per segment",
            10,
            [
                "Which coteaching approach fits each phase (I do / we do / you do)?",
                "Are we leaning on one teach, one assist? What would give more parity?",
            ],
            ["An approach for each segment"],
            planning=True,
        ),
        _step(
            "Who leads each part",
            6,
            ["Who leads each part of the lesson?", "What does the other teacher do at that moment?"],
            ["A role for each teacher in each segment"],
            planning=True,
        ),
        _step(
            "Assessment",
            8,
            ["How will we know students learned it?", "Who designs the check, and who grades it?"],
            ["The assessment, linked to the objectives"],
            planning=True,
        ),
        _step(
            "Materials and resources",
            4,
            ["What materials and resources do we need?", "What scaffolds do diverse learners need?"],
            ["A materials list"],
            planning=True,
        ),
        _step(
            "Responsibilities and deadlines",
            12,
            [
                "What does each of us need to do when we leave?",
                "When is feedback on each draft due, and when must it be ready?",
                "Which standing roles apply (handouts, bell work...)?",
            ],
            ["Every to-do has an owner and a deadline"],
        ),
    ],
)

BIG_PICTURE = SessionTemplate(
    id="builtin-big-picture",
    builtin=True,
    name="Big-picture planning (50 min)",
    purpose="Plan a unit or a quarter, beginning with the end in mind.",
    steps=[
        _step(
            "Objectives",
            10,
            ["What will students know and be able to do at the end?", "Which standards does the unit address?"],
            ["Objectives: students will know / be able to..."],
            planning=True,
        ),
        _step(
            "Co-design the assessment",
            12,
            ["How will students show each objective?", "Which checks are formative, which summative?"],
            ["Assessments linked to every objective"],
            planning=True,
        ),
        _step(
            "Align the learning tasks",
            12,
            ["Which tasks teach each objective and prepare for the assessment?", "Is any task linked to no objective?"],
            ["Learning tasks aligned to objectives and assessment"],
            planning=True,
        ),
        _step(
            "Coteaching approaches",
            8,
            ["Which approach suits each task?", "Does the mix fit where we are in the placement?"],
            ["An approach per segment"],
            planning=True,
        ),
        _step(
            "Roles",
            8,
            ["Who leads each part, and who monitors and assesses?", "Who drafts what, and by when?"],
            ["Roles and to-dos with deadlines"],
        ),
    ],
)

FEEDBACK = SessionTemplate(
    id="builtin-feedback",
    builtin=True,
    name="Feedback on drafts (15 min)",
    purpose="One teacher shares a draft; the other gives feedback; the pair decides next steps.",
    steps=[
        _step("Share the draft", 4, ["What is the draft, and what feedback is wanted?"], ["The draft is on screen"]),
        _step(
            "Feedback",
            7,
            ["What works well?", "What is unclear or missing?", "Does it match the objectives and the assessment?"],
            ["Specific suggestions"],
        ),
        _step("Next steps", 4, ["What changes, who makes them, and by when?"], ["To-dos with deadlines"]),
    ],
)

CHECK_IN = SessionTemplate(
    id="builtin-check-in",
    builtin=True,
    name="Quick check-in (15 min)",
    purpose="A short agenda: content, instruction, and removing barriers for learners.",
    steps=[
        _step("Content", 5, ["What is the most essential content this week?"], ["The essential content"]),
        _step("Instruction", 5, ["How will we teach it, and who leads which part?"], ["Approach and roles"]),
        _step(
            "Removing barriers",
            5,
            ["Which learners may struggle, and what supports will we give?"],
            ["Supports and who prepares them"],
        ),
    ],
)

LIBRARY_COLLABORATION = SessionTemplate(
    id="builtin-library-collaboration",
    builtin=True,
    name="Librarian-teacher collaboration (45 min)",
    purpose="Formal planning between equal partners for a unit at the collaboration level.",
    steps=[
        _step(
            "Shared goals",
            8,
            ["What will students know and be able to do?", "What is the shared goal for this unit?"],
            ["Student learning outcomes"],
            planning=True,
        ),
        _step(
            "Co-design the assessment",
            10,
            ["How will we co-monitor progress?", "How do we share assessing and analysing outcomes?"],
            ["Assessment and who grades it"],
            planning=True,
        ),
        _step(
            "Design the lessons and coteaching",
            15,
            [
                "Which coteaching approaches: team, parallel, station or alternative?",
                "Which library resources, tools or strategies does the unit need?",
            ],
            ["Segments with an approach and both roles"],
            planning=True,
        ),
        _step("Schedule and responsibilities", 12, ["Who prepares what, and when do we teach?"], ["To-dos with deadlines"]),
    ],
)

COORDINATION_CHECK_IN = SessionTemplate(
    id="builtin-coordination",
    builtin=True,
    name="Coordination check-in (10 min)",
    purpose="The brief conversation of coordination: align library instruction with the class topic.",
    steps=[
        _step("Topic and objective", 4, ["What topic or objective is the class addressing?"], ["The topic"]),
        _step(
            "How the library supports it",
            4,
            ["How will library instruction or resources align with it?", "Is an extra pair of hands needed in the room?"],
            ["The support to give"],
        ),
        _step("Next steps", 2, ["Who does what, and when?"], ["To-dos"]),
    ],
)

BUILTIN_TEMPLATES: tuple[SessionTemplate, ...] = (
    WEEKLY,
    BIG_PICTURE,
    FEEDBACK,
    CHECK_IN,
    LIBRARY_COLLABORATION,
    COORDINATION_CHECK_IN,
)


def default_template_for(partnership: Partnership, kind: SessionKind | None = None) -> SessionTemplate:
    """The template a new session starts with: the level's, or the scheduled kind's.

    Cooperation has no coplanning, so it gets the shortest check-in when a pair meets
    anyway; coordination's coplanning is a brief conversation; a librarian pair at
    collaboration has its own structure.
    """
    if kind == SessionKind.BIG_PICTURE:
        return BIG_PICTURE
    if kind == SessionKind.FEEDBACK:
        return FEEDBACK
    if partnership.level == Level.COORDINATION:
        return COORDINATION_CHECK_IN
    if partnership.level == Level.COOPERATION:
        return CHECK_IN
    if partnership.member_with_role(Role.LIBRARIAN) is not None:
        return LIBRARY_COLLABORATION
    return WEEKLY


def fitted(template: SessionTemplate, minutes: int) -> SessionTemplate:
    """The template with its step times scaled to ``minutes`` in all (each step at least 1).

    Largest remainders keep the total exact; the "(N min)" in the name follows.
    """
    total = template.total_minutes
    if minutes == total or minutes < len(template.steps):
        return template
    spare = minutes - len(template.steps)
    shares = [(s.minutes - 1) * spare / max(1, total - len(template.steps)) for s in template.steps]
    if total == len(template.steps):
        shares = [spare / len(template.steps)] * len(template.steps)
    whole = [int(x) for x in shares]
    order = sorted(range(len(shares)), key=lambda i: shares[i] - whole[i], reverse=True)
    for i in order[: spare - sum(whole)]:
        whole[i] += 1
    steps = [s.model_copy(update={"minutes": 1 + w}) for s, w in zip(template.steps, whole)]
    name = re.sub(r"\(\d+ min\)$", f"({minutes} min)", template.name)
    return template.model_copy(update={"steps": steps, "name": name})
