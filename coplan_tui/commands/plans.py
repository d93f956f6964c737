"""`coplan plans`: list lesson and unit plans with their status and alignment warnings."""

from __future__ import annotations

import argparse
import json
import sys

from ..domain.safe_text import printable
from . import add_db_option
from .columns import aligned
from .columns import clip as _clip


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("plans", help="list lesson plans with ids, status and alignment-warning counts")
    add_db_option(p)
    p.add_argument("--partnership", metavar="TEXT", help="only this partnership (an id prefix or part of its name)")
    p.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    p.set_defaults(func=run)


def plan_rows(store, partnership_filter: str | None) -> list[dict]:
    """One dict per plan, newest first; raises ValueError for a filter that matches nothing."""
    from datetime import date

    from ..domain.alignment import check
    from ..domain.matching import partnerships_named
    from ..domain.models import LessonPlan, Partnership

    partnerships = partnerships_named(store.all(Partnership), partnership_filter)
    by_id = {p.id: p for p in partnerships}
    plans = [p for p in store.all(LessonPlan) if p.partnership_id in by_id]
    plans.sort(key=lambda p: (by_id[p.partnership_id].display_name.lower(), p.start or p.end or date.max, p.title.lower()))
    return [
        {
            "id": plan.id,
            "title": plan.title,
            "kind": plan.kind,
            "status": plan.status.value,
            "start": plan.start.isoformat() if plan.start else None,
            "partnership": by_id[plan.partnership_id].display_name,
            "partnership_id": plan.partnership_id,
            "objectives": len(plan.objectives),
            "segments": len(plan.segments),
            "warnings": len(check(plan, by_id[plan.partnership_id])),
        }
        for plan in plans
    ]


def format_table(rows: list[dict]) -> str:
    if not rows:
        return "No plans yet."
    header = ["ID", "TITLE", "KIND", "DATE", "STATUS", "WARNINGS", "PARTNERSHIP"]
    body = [
        [r["id"][:8], _clip(r["title"], 40), r["kind"], r["start"] or "-", r["status"], str(r["warnings"]), _clip(r["partnership"], 32)]
        for r in rows
    ]
    return aligned(header, body)


def run(args: argparse.Namespace) -> int:
    from ..paths import default_db
    from ..store import Store

    from ..store.errors import no_database

    path = default_db(getattr(args, "db", None))
    if not path.exists():
        print(f"coplan plans: {no_database(path)}", file=sys.stderr)
        return 1
    store = Store(path, create=False, lazy=True)
    try:
        rows = plan_rows(store, args.partnership)
    except ValueError as e:
        print(printable(f"coplan plans: {e}"), file=sys.stderr)
        return 1
    print(printable(json.dumps(rows, indent=2, ensure_ascii=False) if args.format == "json" else format_table(rows)))
    return 0
