"""`coplan sessions`: every session with its id, for `coplan export session ID`."""

from __future__ import annotations

import argparse
import json
import sys

from ..domain.safe_text import printable
from . import add_db_option, open_existing
from .columns import aligned
from .columns import clip as _clip


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("sessions", help="list coplanning sessions with their ids (for `coplan export session ID`)")
    add_db_option(p)
    p.add_argument("--partnership", metavar="TEXT", help="only this partnership (an id prefix or part of its name)")
    p.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    p.set_defaults(func=run)


def session_rows(store, partnership_filter: str | None) -> list[dict]:
    """One dict per session, newest first; raises ValueError for a filter that matches nothing."""
    from ..domain.history import minutes, todos_made
    from ..domain.models import LessonPlan, Partnership, Session, Todo
    from ..domain.matching import partnerships_named

    partnerships = partnerships_named(store.all(Partnership), partnership_filter)
    by_id = {p.id: p for p in partnerships}
    plans = {p.id: p for p in store.all(LessonPlan)}
    todos = store.all(Todo)
    now = store.clock()
    sessions = [s for s in store.all(Session) if s.partnership_id in by_id]
    sessions.sort(key=lambda s: (s.day, s.created_at.isoformat() if s.created_at else ""), reverse=True)
    rows = []
    for s in sessions:
        p = by_id[s.partnership_id]
        leader = p.member(s.leader_id) if s.leader_id else None
        planned, actual = minutes(s, now)
        plan = plans.get(s.plan_id) if s.plan_id else None
        rows.append(
            {
                "id": s.id,
                "day": s.day.isoformat(),
                "partnership": p.display_name,
                "partnership_id": p.id,
                "template": s.template.name,
                "status": s.status.value,
                "leader": leader.name if leader else None,
                "planned_minutes": planned,
                "minutes": actual,
                "todos": len(todos_made(s, todos)),
                "plan": plan.title if plan else None,
            }
        )
    return rows


def format_table(rows: list[dict]) -> str:
    if not rows:
        return "No sessions yet."
    header = ["ID", "DATE", "TEMPLATE", "STATUS", "LEADER", "RAN", "TO-DOS", "PLAN", "PARTNERSHIP"]
    body = [
        [
            r["id"][:8], r["day"], _clip(r["template"], 32), r["status"], _clip(r["leader"] or "-", 18),
            f"{r['minutes']}/{r['planned_minutes']}", str(r["todos"]), _clip(r["plan"] or "-", 28), _clip(r["partnership"], 28),
        ]
        for r in rows
    ]  # fmt: skip
    return aligned(header, body) + "\n\nMinutes of one: coplan export session ID"


def run(args: argparse.Namespace) -> int:
    store = open_existing(args, "sessions")
    if store is None:
        return 1
    try:
        rows = session_rows(store, args.partnership)
    except ValueError as e:
        print(printable(f"coplan sessions: {e}"), file=sys.stderr)
        return 1
    print(printable(json.dumps(rows, indent=2, ensure_ascii=False) if args.format == "json" else format_table(rows)))
    return 0
