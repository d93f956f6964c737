"""`coplan release`: where the release of responsibility stands, and who leads next.

Prints what Home and the start screen say, from the same rule (``domain.release.advise``)
and the same "as of" moment, without loading the UI.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime

from . import add_db_option


def now() -> datetime:
    """The CLI's clock, in local time like the app's; tests replace it."""
    return datetime.now().astimezone()


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("release", help="the release of responsibility: stage, share so far, status, who leads next and why")
    add_db_option(p)
    p.add_argument("--partnership", metavar="TEXT", help="only this partnership (an id prefix or part of its name)")
    p.add_argument("--as-of", metavar="DATE", help="judge as of the end of this day (2026-11-23, today, +1w...); default: now")
    p.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    p.set_defaults(func=run, fast_exit=True)


def as_of_moment(text: str | None, clock_now: datetime) -> datetime:
    """Now, or the end of the day ``text`` names (today's sessions so far count either way)."""
    from ..domain.dates import parse_date
    from ..domain.release import end_of

    if not text:
        return clock_now
    day = parse_date(text, clock_now.date())
    if day is None or day == clock_now.date():
        return clock_now
    return end_of(day, clock_now.tzinfo)


def release_rows(store, partnership_filter: str | None, as_of: datetime) -> list[dict]:
    """One dict per partnership, by name; raises ValueError for a filter that matches nothing."""
    from ..domain.models import Partnership, Session
    from ..domain.release import advise
    from ..domain.matching import partnerships_named

    partnerships = partnerships_named(sorted(store.all(Partnership), key=lambda p: p.display_name.lower()), partnership_filter)
    sessions = store.all(Session)
    rows = []
    for p in partnerships:
        a = advise(p, sessions, as_of)
        leader = p.member(a.member_id) if a.member_id else None
        stage = a.stage
        rows.append(
            {
                "partnership": p.display_name,
                "partnership_id": p.id,
                "as_of": as_of.isoformat(timespec="seconds"),
                "phase": p.phase.label if p.phase else None,
                "level": p.level.value,
                "stage": None
                if stage is None
                else {
                    "label": stage.label,
                    "start": stage.start.isoformat(),
                    "end": stage.end.isoformat(),
                    "tc_share_min": stage.tc_share_min,
                    "tc_share_max": stage.tc_share_max,
                    "guidance": stage.guidance,
                },
                "sessions": a.sessions,
                "tc_led": a.tc_led,
                "status": a.state,
                "next_leader": None if leader is None else {"id": leader.id, "name": leader.name, "role": leader.role.short},
                "why": a.reason,
                "summary": a.sentence,
            }
        )
    return rows


def _one_line(text: str) -> str:
    """User text on one line, without control characters (the one rule: domain/safe_text.py)."""
    from ..domain.safe_text import printable

    return printable(" ".join(text.split()))


def format_table(rows: list[dict]) -> str:
    """A block per partnership; user text on one line each, never interpreted."""
    if not rows:
        return "No partnerships yet."
    blocks = []
    for r in rows:
        lines = [_one_line(r["partnership"])]
        stage = r["stage"]
        if stage is not None:
            phase = f" of {r['phase']}" if r["phase"] else ""
            lines.append(
                f"  Stage   {_one_line(stage['label'])}{phase}, {stage['start']} to {stage['end']}: "
                f"plans {stage['tc_share_min']}–{stage['tc_share_max']}% TC-led"
            )
            n, t = r["sessions"], r["tc_led"]
            share = f" ({round(100 * t / n)}%)" if n else ""
            lines.append(f"  So far  {t} of {n} session{'s' if n != 1 else ''} TC-led{share}")
        lines.append(f"  Status  {r['status']}")
        leader = r["next_leader"]
        lines.append(f"  Next    {_one_line(leader['name']) + ' (' + leader['role'] + ') leads' if leader else 'nobody suggested'}")
        lines.append(f"  Why     {_one_line(r['why'])}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def run(args: argparse.Namespace) -> int:
    from ..domain.errors import DomainError
    from ..paths import default_db
    from ..store import Store

    path = default_db(getattr(args, "db", None))
    if not path.exists():
        print(f"coplan release: there is no database at {path}", file=sys.stderr)
        return 1
    try:
        as_of = as_of_moment(args.as_of, now())
    except DomainError as e:
        print(f"coplan release: --as-of: {e}", file=sys.stderr)
        return 2
    store = Store(path, create=False, lazy=True)
    try:
        rows = release_rows(store, args.partnership, as_of)
    except ValueError as e:
        print(f"coplan release: {e}", file=sys.stderr)
        return 1
    print(json.dumps(rows, indent=2, ensure_ascii=False) if args.format == "json" else format_table(rows))
    return 0
