"""Every step with its timebox; the current one highlighted, done ones with their actual time."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.widgets import Static

from ...domain import timebox
from ...domain.models import Session


def render_steps(session: Session, now: datetime) -> Text:
    session = timebox.ensure_runs(session)
    out = Text(no_wrap=True, overflow="ellipsis")
    for i, step in enumerate(session.template.steps):
        run = session.steps[i]
        planned = timebox.planned_minutes(session, i)
        elapsed = timebox.step_elapsed(run, now)
        current = i == session.current_step
        if current:
            marker, style = "▶ ", "bold reverse"
        elif run.ended_at is not None:
            marker, style = "✓ ", "dim"
        else:
            marker, style = "  ", ""
        if run.ended_at is not None and not current:
            mins = timebox.ran_minutes(elapsed)
            time_part = f"{mins}/{planned}m"
        else:
            time_part = f"{planned}m"
        line = Text(f"{marker}{i + 1}. ", style=style)
        line.append(Text(step.title, style=style))
        line.append(Text(f" {time_part}", style=style if current else "dim"))
        out.append(line)
        out.append("\n")
    out.rstrip()
    return out


class StepList(Static):
    """A read-only list drawn with render_steps: n and p move between steps."""
