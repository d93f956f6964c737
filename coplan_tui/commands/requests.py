"""`coplan requests [list|add|done]`: a cooperation pair's resource requests, no UI."""

from __future__ import annotations

import argparse
import json
import sys

from ..domain.safe_text import printable
from . import add_db_option, open_existing


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "requests",
        help="resource requests: what the teacher asked for and what the librarian provided (list|add|done)",
        description="Without an action, lists the open requests (like `requests list`).",
    )
    add_db_option(p)
    _list_options(p)
    p.set_defaults(func=run_list)
    actions = p.add_subparsers(title="actions", metavar="ACTION")
    listing = actions.add_parser("list", help="list requests, open ones first")
    add_db_option(listing)
    _list_options(listing)
    listing.set_defaults(func=run_list)
    add = actions.add_parser("add", help="ask for a resource", description="Dates: YYYY-MM-DD, today, tomorrow, a weekday, +3d, +2w.")
    add_db_option(add)
    add.add_argument("what", metavar="WHAT", help="what is asked for")
    add.add_argument("--for", dest="for_lesson", default="", metavar="LESSON", help="which lesson or date it is for")
    add.add_argument("--by", metavar="DATE", help="when it is needed")
    add.add_argument("--partnership", metavar="NAME", help="which partnership (needed when there are several)")
    add.set_defaults(func=run_add)
    done = actions.add_parser("done", help="mark a request provided", description="By id or its first characters (see `coplan requests`).")
    add_db_option(done)
    done.add_argument("id", metavar="ID-PREFIX")
    done.add_argument("--provided", default="", metavar="TEXT", help="what was provided")
    done.add_argument("--on", metavar="DATE", help="when it was provided (default: today)")
    done.set_defaults(func=run_done)


def _list_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--partnership", metavar="NAME", default=argparse.SUPPRESS, help="only this partnership")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--all", dest="which", action="store_const", const="all", default=argparse.SUPPRESS, help="open and provided")
    which.add_argument("--provided", dest="which", action="store_const", const="provided", default=argparse.SUPPRESS, help="provided only")
    p.add_argument("--format", choices=("table", "json"), default=argparse.SUPPRESS, help="table (default) or json")


def today():
    """The CLI's today; tests replace it."""
    from datetime import date

    return date.today()


def run_list(args: argparse.Namespace) -> int:
    from ..domain.models import Partnership, ResourceRequest
    from ..domain.requests import describe_request, ordered
    from ..domain.matching import partnerships_named

    store = open_existing(args, "requests list")
    if store is None:
        return 1
    try:
        partnerships = {p.id: p for p in partnerships_named(store.all(Partnership), getattr(args, "partnership", None))}
    except ValueError as e:
        print(printable(f"coplan requests: {e}"), file=sys.stderr)
        return 1
    which = getattr(args, "which", "open")
    found = [r for r in store.all(ResourceRequest) if r.partnership_id in partnerships]
    found = [r for r in ordered(found) if which == "all" or r.status == which]
    day = today()
    if getattr(args, "format", "table") == "json":
        rows = [
            {
                **r.model_dump(mode="json"),
                "status": r.status,
                "partnership": partnerships[r.partnership_id].display_name,
                "requested_by_name": partnerships[r.partnership_id].owner_label(r.requested_by),
            }
            for r in found
        ]
        print(printable(json.dumps(rows, indent=2, ensure_ascii=False)))
        return 0
    if not found:
        print(printable("No resource requests." if which == "all" else f"No {which} resource requests."))
        return 0
    for r in found:
        mark = "[ ]" if r.is_open else "[x]"
        print(printable(f"{r.id[:8]}  {mark} {describe_request(r, day)}  ({partnerships[r.partnership_id].display_name})"))
    return 0


def run_add(args: argparse.Namespace) -> int:
    from ..domain.dates import parse_date
    from ..domain.errors import DomainError
    from ..domain.requests import describe_request, new_request
    from .todos import pick_partnership

    store = open_existing(args, "requests add")
    if store is None:
        return 1
    day = today()
    try:
        partnership = pick_partnership(store, args.partnership)
        needed_by = parse_date(args.by, day) if args.by else None
        request = new_request(partnership, args.what, store.clock(), for_lesson=args.for_lesson, needed_by=needed_by)
    except DomainError as e:
        print(printable(f"coplan requests add: {e}"), file=sys.stderr)
        return 2
    store.put(request)
    print(printable(f"Asked {request.id[:8]}: {describe_request(request, day)} ({partnership.display_name})."))
    return 0


def run_done(args: argparse.Namespace) -> int:
    from ..domain.dates import parse_date
    from ..domain.errors import DomainError
    from ..domain.models import ResourceRequest
    from ..domain.requests import describe_request, mark_provided

    store = open_existing(args, "requests done")
    if store is None:
        return 1
    day = today()
    request = store.find(ResourceRequest, args.id)
    try:
        on = parse_date(args.on, day) if args.on else day
        provided = mark_provided(request, args.provided, on or day)
    except DomainError as e:
        print(printable(f"coplan requests done: {e}"), file=sys.stderr)
        return 2
    store.put(provided)
    print(printable(f"Provided {provided.id[:8]}: {describe_request(provided, day)}"))
    return 0
