"""Past sessions: what was planned against what ran, and searching their notes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from . import timebox
from .models import Session, SessionStatus, Todo


@dataclass(frozen=True)
class StepLine:
    title: str
    planned: int
    actual: int
    """Minutes the step's clock ran (timebox.ran_minutes)."""
    notes: str


def step_lines(session: Session, now: datetime) -> list[StepLine]:
    session = timebox.ensure_runs(session)
    return [
        StepLine(
            title=step.title,
            planned=timebox.planned_minutes(session, i),
            actual=timebox.ran_minutes(timebox.step_elapsed(session.steps[i], now)),
            notes=session.steps[i].notes,
        )
        for i, step in enumerate(session.template.steps)
    ]


def minutes(session: Session, now: datetime) -> tuple[int, int]:
    """(planned, actual) whole minutes; actual is 0 for a session never started."""
    lines = step_lines(session, now)
    return sum(x.planned for x in lines), sum(x.actual for x in lines)


def todos_made(session: Session, todos: Iterable[Todo]) -> list[Todo]:
    return sorted((t for t in todos if t.session_id == session.id), key=lambda t: t.created_at)


def past_sessions(sessions: Iterable[Session], partnership_id: str | None = None) -> list[Session]:
    """Sessions that started, newest first."""
    found = [
        s
        for s in sessions
        if s.status != SessionStatus.PLANNED and (partnership_id is None or s.partnership_id == partnership_id)
    ]
    return sorted(found, key=lambda s: (s.day, s.created_at.isoformat() if s.created_at else ""), reverse=True)


def _texts(session: Session) -> list[tuple[str, str]]:
    texts = [(session.template.steps[i].title, run.notes) for i, run in enumerate(session.steps) if run.notes]
    if session.reflection.notes:
        texts.append(("Reflection", session.reflection.notes))
    return texts


def snippet(text: str, at: int, width: int = 80) -> str:
    """About ``width`` characters of ``text`` around position ``at``."""
    if len(text) <= width:
        return text
    start = max(0, at - width // 3)
    end = min(len(text), start + width)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def search_notes(sessions: Iterable[Session], query: str) -> list[tuple[Session, str]]:
    """Sessions whose notes contain every word of ``query`` (any case), with a snippet."""
    words = query.lower().split()
    if not words:
        return [(s, "") for s in sessions]
    found = []
    for session in sessions:
        texts = _texts(session)
        joined = " ".join(notes for _, notes in texts).lower()
        if not all(w in joined for w in words):
            continue
        phrase = " ".join(words)
        key = phrase if any(phrase in n.lower() for _, n in texts) else words[0]
        where, notes = next(((w, n) for w, n in texts if key in n.lower()), texts[0])
        notes = " ".join(notes.split())
        found.append((session, f"{where}: {snippet(notes, max(notes.lower().find(key), 0))}"))
    return found
