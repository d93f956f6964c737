"""A session's minutes as Markdown: steps with notes, decisions, to-dos by owner, reflection."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from ..domain import timebox
from ..domain.alignment import all_clear_text, check
from ..domain.models import REFLECTION_QUESTIONS, LessonPlan, Partnership, Session, Todo
from ..domain.safe_text import printable
from ..domain.todo_rows import TodoRow, rows_from_models, sorted_rows
from .records import by_owner, md_block, md_escape


def _answer(value: bool | None) -> str:
    return {True: "yes", False: "no", None: "not answered"}[value]


def session_minutes(
    session: Session, partnership: Partnership, todos: Sequence[TodoRow], now: datetime, plan: LessonPlan | None = None
) -> str:
    """Minutes of ``session``; ``todos`` are the rows of the to-dos it produced; ``plan`` the
    lesson plan it worked on, if it still exists."""
    today = now.date()
    leader = partnership.member(session.leader_id) if session.leader_id else None
    lines = [
        f"# Coplanning minutes: {md_escape(partnership.display_name)}",
        "",
        f"- **Date:** {session.day.strftime('%A %d %B %Y')}",
        f"- **Structure:** {md_escape(session.template.name)}",
    ]
    if leader:
        lines.append(f"- **Led by:** {md_escape(leader.name)} ({leader.role.short})")
    lines.append(f"- **With:** {md_escape(', '.join(f'{m.name} ({m.role.short})' for m in partnership.members))}")
    session = timebox.ensure_runs(session)
    runs = session.steps
    planned = timebox.total_planned_minutes(session)
    took = sum(timebox.ran_minutes(timebox.step_elapsed(run, now)) for run in runs)
    lines.append(f"- **Time:** {took} of {planned} planned minutes ({session.status.value})")
    if plan is not None:
        warnings = check(plan, partnership)
        lines.append(f"- **Lesson plan:** {md_escape(plan.title)} ({plan.kind}, {plan.status.value})")
        if warnings:
            lines.append(f"- **Alignment:** {len(warnings)} warning{'s' * (len(warnings) != 1)}")
            lines += [f"  - {md_escape(w.message)}" for w in warnings]
        else:
            lines.append(f"- **Alignment:** {md_escape(all_clear_text(plan))}")
    elif session.plan_id:
        lines.append("- **Lesson plan:** _deleted since_")

    lines += ["", "## Steps"]
    decisions = []
    for i, (step, run) in enumerate(zip(session.template.steps, runs), 1):
        spent = timebox.ran_minutes(timebox.step_elapsed(run, now))
        lines += ["", f"### {i}. {md_escape(step.title)} ({spent} of {timebox.planned_minutes(session, i - 1)} min)", ""]
        lines.append(md_block(run.notes) if run.notes.strip() else "_No notes._")
        if step.outputs and run.notes.strip():
            decisions.append(f"- **{md_escape('; '.join(step.outputs))}:** {md_escape(run.notes)}")
    lines += ["", "## Decisions", ""]
    lines += decisions or ["_None recorded._"]

    lines += ["", "## To-dos by owner"]
    if not todos:
        lines += ["", "_No to-dos came from this session._"]
    lines += by_owner(todos, today)

    lines += ["", "## Reflection", ""]
    for key, question in REFLECTION_QUESTIONS.items():
        lines.append(f"- {question} **{_answer(getattr(session.reflection, key))}**")
    if session.reflection.notes.strip():
        lines += ["", md_block(session.reflection.notes)]
    return printable("\n".join(lines)) + "\n"


def minutes_markdown(
    session: Session, partnership: Partnership, todos: Iterable[Todo], now: datetime, plans: Iterable[LessonPlan] = ()
) -> str:
    """Minutes of ``session`` from every to-do and plan in the store; picks the ones it concerns."""
    mine = [t for t in todos if t.session_id == session.id]
    rows = sorted_rows(rows_from_models(mine, [partnership], [session]), now.date())
    plan = next((p for p in plans if p.id == session.plan_id), None) if session.plan_id else None
    return session_minutes(session, partnership, rows, now, plan)
