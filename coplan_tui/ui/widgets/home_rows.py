"""What Home shows of each partnership: its row in the table and the detail below it.

Kept apart from the screen so Home can paint its frame before the database and the
domain (pydantic) are loaded: the screen imports this module once it has data to show.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from ...domain.catalogue import Level
from ...domain.models import BOTH, Partnership, ResourceRequest, Session, Todo
from ...domain.release import Advice, advise, last_held
from ...domain.requests import describe_request, ordered
from ...domain.schedule import describe_next, next_session_at, occurrences
from ...domain.workload import Load, total, workload
from ..text import clip, lit
from .release_chart import STATUS_STYLE


def status_text(status: Advice) -> Text:
    return lit(status.short, STATUS_STYLE.get(status.state, "dim"))


def phase_level(p: Partnership, narrow: bool) -> str:
    phase = p.phase.label.replace("Clinical Practice", "CP") if p.phase else "Peers"
    level = {"cooperation": "Coop.", "coordination": "Coord.", "collaboration": "Collab."}[p.level.value]
    return f"{phase} · {level if narrow else p.level.label}"


def todo_cell(p: Partnership, loads: dict[str, Load], narrow: bool) -> Text:
    """Narrow: ``5 · 1 late`` for the pair. Wide: ``CT 2/1/1  TC 2/0/2  both 1/0/1`` per member."""
    if narrow:
        pair = total(loads)
        text = lit(str(pair.open))
        if pair.overdue:
            text.append_text(lit(f" · {pair.overdue} late", "bold red"))
        return text
    text = Text()
    for owner, load in loads.items():
        if owner == BOTH and not load.open:
            continue
        text.append_text(lit(f"{'  ' if text else ''}{p.owner_label(owner)} {load.open}/"))
        text.append_text(lit(str(load.overdue), "bold red" if load.overdue else ""))
        text.append_text(lit(f"/{load.this_week}"))
    return text


def next_cell(p: Partnership, now, narrow: bool, sessions: list[Session]) -> str:
    held = last_held(p, sessions, now)
    if not narrow:
        return describe_next(p, now, held)
    at = next_session_at(p, now, held)
    return f"{at:%a %d %H:%M}" if at else describe_next(p, now, held)


NAME_WIDTH = 48
"""A name longer than this is clipped in Home's table, so the other columns stay on screen."""


def partnership_row(p: Partnership, sessions: list[Session], todos: list[Todo], now, narrow: bool) -> tuple:
    """The cells of a partnership's row in Home's table (``sessions``: this pair's)."""
    return (
        lit(clip(p.display_name, 24 if narrow else NAME_WIDTH)),
        lit(phase_level(p, narrow)),
        lit(next_cell(p, now, narrow, sessions)),
        todo_cell(p, workload(p, todos, now.date()), narrow),
        status_text(advise(p, sessions, now)),
    )


def detail_table(p: Partnership, sessions: list[Session], todos: list[Todo], now, requests: list[ResourceRequest] = ()) -> Table:
    """The selected partnership (``sessions`` and ``requests``: its own): who, where, next
    session and leader, the meetings ahead, loads, resource requests, release."""
    today = now.date()
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    who = " · ".join(f"{m.name} ({p.owner_label(m.id)})" for m in p.members)
    where = ", ".join(x for x in (p.context.school, p.context.subject, p.context.grade and f"grade {p.context.grade}") if x)
    meeting = "in person" if p.meeting.mode == "in_person" else f"virtual ({p.meeting.platform})"
    grid.add_row(lit("Members"), lit(who))
    grid.add_row(lit("Context"), lit(" · ".join(x for x in (where, meeting) if x)))
    suggestion = advise(p, sessions, now)
    leader = p.member(suggestion.member_id) if suggestion.member_id else None
    nxt = lit(describe_next(p, now, last_held(p, sessions, now)))
    if leader:
        nxt.append_text(lit(f"  led by {leader.name} ({p.owner_label(leader.id)})", "bold"))
    grid.add_row(lit("Next"), nxt)
    grid.add_row(lit("Why"), lit(suggestion.reason, "dim"))
    held = last_held(p, sessions, now)
    ahead = [o for o in occurrences(p, now, 4) if not o.skipped and o.end > now and (held is None or o.regular.date() > held)]
    if ahead:
        grid.add_row(lit("Schedule"), lit(" · ".join(f"{o.start:%a %d %b} {o.kind.label} {o.minutes}" for o in ahead) + "  (c)"))
    loads = workload(p, todos, today)
    for owner, load in loads.items():
        if owner == BOTH and not load.open:
            continue
        line = lit(f"{load.open} open · ")
        line.append_text(lit(f"{load.overdue} overdue", "bold red" if load.overdue else ""))
        line.append_text(lit(f" · {load.this_week} due this week"))
        grid.add_row(lit(f"To-dos {p.owner_label(owner)}"), line)
    waiting = [r for r in ordered(requests) if r.is_open]
    if waiting or p.level == Level.COOPERATION:
        shown = [describe_request(r, today) for r in waiting[:3]] + ([f"… {len(waiting) - 3} more"] if len(waiting) > 3 else [])
        head = f"{len(waiting)} open" + (" (coplan requests add WHAT)" if not waiting else "")
        grid.add_row(lit("Requests"), lit("\n".join([head, *(f"  {line}" for line in shown)])))
    grid.add_row(lit("Release"), lit(suggestion.sentence, STATUS_STYLE.get(suggestion.state, "")))
    return grid
