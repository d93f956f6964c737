"""`coplan schedule`: the meetings of the weeks ahead, each with its kind; skip or move one,
or change the rule that decides the kinds."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime

from ..domain.safe_text import printable
from . import add_db_option

FORMATS = ("table", "json", "ics")


def now() -> datetime:
    """The CLI's clock, in the local time zone; tests replace it."""
    return datetime.now().astimezone()


def register(subparsers: argparse._SubParsersAction) -> None:
    from ..domain.catalogue import RULE_CHOICES

    p = subparsers.add_parser(
        "schedule",
        help="the coplanning meetings of the weeks ahead (table, json or ics); skip or move one",
        description=(
            "List the regular meetings of the next weeks, each big-picture, feedback on drafts or regular, "
            "with that kind's length. The options that change something need one partnership."
        ),
    )
    add_db_option(p)
    p.add_argument("--partnership", metavar="TEXT", help="only this partnership (an id prefix or part of its name)")
    p.add_argument("--weeks", type=int, default=8, metavar="N", help="how many weeks ahead (default 8)")
    p.add_argument("--format", choices=FORMATS, default="table", help="table (default), json, or ics (a calendar file on stdout)")
    change = p.add_mutually_exclusive_group()
    change.add_argument("--skip", metavar="DATE", help="skip the meeting of this regular date")
    change.add_argument("--move", nargs=2, metavar=("DATE", "NEW"), help="move the meeting of DATE to NEW ('YYYY-MM-DD HH:MM')")
    change.add_argument("--restore", metavar="DATE", help="put a skipped or moved meeting back to its regular time")
    p.add_argument("--big-picture", choices=sorted(RULE_CHOICES["big_picture"]), help="which meetings are big-picture")
    p.add_argument("--feedback", choices=sorted(RULE_CHOICES["feedback"]), help="which meetings are for feedback on drafts")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..domain.errors import DomainError
    from ..domain.models import Partnership
    from ..domain.schedule import occurrences
    from ..export.schedule import PartnershipSchedule, records, table, to_ics
    from ..paths import default_db
    from ..store import Store
    from ..domain.matching import partnerships_named

    path = default_db(getattr(args, "db", None))
    if not path.exists():
        print(printable(f"coplan schedule: there is no database at {path}"), file=sys.stderr)
        return 1
    if not 1 <= args.weeks <= 104:
        print(printable("coplan schedule: --weeks is between 1 and 104"), file=sys.stderr)
        return 2
    store = Store(path, create=False, lazy=True)
    try:
        partnerships = partnerships_named(sorted(store.all(Partnership), key=lambda p: p.display_name.lower()), args.partnership)
    except ValueError as e:
        print(printable(f"coplan schedule: {e}"), file=sys.stderr)
        return 1
    at = now()
    if args.skip is not None or args.move or args.restore is not None or args.big_picture or args.feedback:
        try:
            changed = _changed(partnerships, args, at)
        except (DomainError, ValueError) as e:
            print(printable(f"coplan schedule: {_message(e)}"), file=sys.stderr)
            return 1
        store.put(changed)
        partnerships = [changed]
    schedules = [PartnershipSchedule(p, occurrences(p, at, args.weeks)) for p in partnerships]
    if args.format == "ics":
        sys.stdout.buffer.write(to_ics(schedules, at))
        sys.stdout.flush()
    elif args.format == "json":
        print(printable(json.dumps(records(schedules), indent=2, ensure_ascii=False)))
    else:
        sys.stdout.write(printable(table(schedules)))
    return 0


def _message(error: Exception) -> str:
    from pydantic import ValidationError

    from ..domain.errors import describe

    return describe(error) if isinstance(error, ValidationError) else str(error)


def _changed(partnerships: list, args: argparse.Namespace, at: datetime):
    """The one partnership with its schedule changed as the options say."""
    from ..domain.dates import parse_date
    from ..domain.errors import DomainError
    from ..domain.schedule import change_meeting, parse_move, regular_schedule, with_rule

    if len(partnerships) != 1:
        names = "; ".join(p.display_name for p in partnerships)
        raise DomainError(f"say which partnership to change with --partnership ({names})")
    p = partnerships[0]
    regular_schedule(p)  # says to set one when there is none
    today = at.date()

    def meeting_day(text: str):
        day = parse_date(text, today)
        if day is None:
            raise DomainError("give the regular date of the meeting, for example 2026-12-01")
        return day

    if args.big_picture or args.feedback:
        p = p.model_copy(update={"schedule": with_rule(p.schedule, args.big_picture, args.feedback)})
    schedule = p.schedule
    if args.skip is not None:
        schedule = change_meeting(p, meeting_day(args.skip), at, skip=True)
    elif args.restore is not None:
        schedule = change_meeting(p, meeting_day(args.restore), at)
    elif args.move:
        day = meeting_day(args.move[0])
        new_day_text, _, new_time_text = args.move[1].strip().partition(" ")
        schedule = change_meeting(p, day, at, moved_to=parse_move(schedule, new_day_text, new_time_text, today))
    return p.model_copy(update={"schedule": schedule})
