"""A finished session at a glance, read-only: the live session ends on it and history opens it.

It takes plain domain objects, so any screen can show it: the session, its partnership, the
to-dos (all of them or just the session's) and the time to measure a still-open step against.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...domain.dates import short_date
from ...domain.history import step_lines, todos_made
from ...domain.models import BOTH, REFLECTION_QUESTIONS, Partnership, Session, Todo
from ..text import lit


def heading(session: Session, partnership: Partnership) -> Text:
    leader = partnership.member(session.leader_id) if session.leader_id else None
    text = lit(session.template.name, "bold")
    text.append_text(lit(f"  ·  {session.day:%a %d %b %Y}  ·  {partnership.display_name}"))
    who = f"{leader.name} ({partnership.owner_label(leader.id)})" if leader else "nobody recorded"
    text.append_text(lit(f"\nLed by {who}  ·  {session.status.value}"))
    return text


def steps_table(session: Session, now: datetime) -> Table:
    table = Table(expand=True, box=None, padding=(0, 1), show_edge=False, header_style="bold")
    table.add_column("#", justify="right", width=2, no_wrap=True)
    table.add_column("Step", ratio=2)
    table.add_column("Plan", justify="right", width=4, no_wrap=True)
    table.add_column("Ran", justify="right", width=4, no_wrap=True)
    table.add_column("Notes", ratio=5)
    lines = step_lines(session, now)
    for i, line in enumerate(lines, 1):
        ran = lit(str(line.actual), "bold red" if line.actual > line.planned else "")
        table.add_row(lit(str(i)), lit(line.title), lit(str(line.planned)), ran, lit(line.notes or "—", "" if line.notes else "dim"))
    planned = sum(x.planned for x in lines)
    actual = sum(x.actual for x in lines)
    table.add_row(lit(""), lit("Total", "bold"), lit(str(planned), "bold"), lit(str(actual), "bold"), lit(""))
    return table


def todos_block(session: Session, partnership: Partnership, todos: Iterable[Todo], today: date) -> Text:
    made = todos_made(session, todos)
    text = lit(f"To-dos made in this session ({len(made)})", "bold")
    if not made:
        text.append_text(lit("\n  none", "dim"))
        return text
    owners = [m.id for m in partnership.members] + [BOTH]
    for owner in owners + sorted({t.owner for t in made} - set(owners)):
        mine = [t for t in made if t.owner == owner]
        if not mine:
            continue
        text.append_text(lit(f"\n  {partnership.owner_label(owner)}", "bold"))
        for t in mine:
            mark = "x" if not t.is_open else " "
            deadlines = []
            if t.feedback_by:
                deadlines.append(f"feedback {short_date(t.feedback_by, today)}")
            if t.due:
                deadlines.append(f"due {short_date(t.due, today)}")
            text.append_text(lit(f"\n    [{mark}] "))
            text.append_text(lit(t.title, "dim strike" if not t.is_open else ""))
            if deadlines:
                text.append_text(lit(f"  ({', '.join(deadlines)})", "dim"))
    return text


def reflection_block(session: Session) -> Text:
    text = lit("Reflection", "bold")
    for field, question in REFLECTION_QUESTIONS.items():
        answer = getattr(session.reflection, field)
        mark, style = {True: ("yes", "green"), False: ("no ", "red"), None: (" – ", "dim")}[answer]
        text.append_text(lit("\n  "))
        text.append_text(lit(mark, style))
        text.append_text(lit(f"  {question}"))
    if session.reflection.notes:
        text.append_text(lit("\n  Notes: "))
        text.append_text(lit(session.reflection.notes))
    return text


class SessionSummary(VerticalScroll, can_focus=True):
    """Steps planned against run, the leader, the to-dos by owner, the reflection."""

    DEFAULT_CSS = """
    SessionSummary { height: 1fr; padding: 0 1; }
    SessionSummary > Static { margin-bottom: 1; }
    """

    def __init__(self, session: Session, partnership: Partnership, todos: Iterable[Todo], now: datetime, **kwargs):
        super().__init__(**kwargs)
        self.session = session
        self.partnership = partnership
        self.todos = list(todos)
        self.now = now

    def compose(self) -> ComposeResult:
        yield Static(heading(self.session, self.partnership), classes="summary-heading")
        yield Static(steps_table(self.session, self.now), classes="summary-steps")
        yield Static(todos_block(self.session, self.partnership, self.todos, self.now.date()), classes="summary-todos")
        yield Static(reflection_block(self.session), classes="summary-reflection")
