"""The filter options `coplan todos` and `coplan export todos` share, and how they apply.

Imports nothing heavy: this is on the listing's fast path.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from ..domain.todo_rows import DUE_CHOICES, TodoRow, UnknownName, due_matches, owner_matches, owners_named, sorted_rows, status_matches, teams_from_raw, teams_named


def today() -> date:
    """The CLI's today; tests replace it."""
    return date.today()


def add_filter_options(parser: argparse.ArgumentParser, default_status: str = "open") -> None:
    parser.add_argument("--partnership", metavar="NAME", help="only this partnership (part of its name, or an id prefix)")
    parser.add_argument("--owner", metavar="NAME|ROLE", help="only this owner: a name, first name, role (CT, TC, LIB...) or me; shared to-dos count for both")
    status = parser.add_mutually_exclusive_group()
    status.add_argument("--open", dest="status", action="store_const", const="open", help="open to-dos (the default)" if default_status == "open" else "open to-dos")
    status.add_argument("--done", dest="status", action="store_const", const="done", help="done to-dos")
    status.add_argument("--all", dest="status", action="store_const", const="all", help="open and done" + (" (the default)" if default_status == "all" else ""))
    parser.set_defaults(status=default_status)
    parser.add_argument("--due", choices=DUE_CHOICES, help="overdue; today or week (the next 7 days), overdue included; none: undated")


def select_rows(args: argparse.Namespace, data: dict[str, Any], day: date) -> list[TodoRow]:
    """Filter and sort the DB's to-dos as the options say. Raises UnknownName."""
    from ..domain.todo_rows import rows_from_raw

    teams = teams_from_raw(data.get("partnerships", {}))
    wanted_teams = teams_named(teams.values(), args.partnership) if args.partnership else None
    from ..identity import as_me

    owner = as_me(args.owner) if args.owner else None
    owners = owners_named([teams[i] for i in (wanted_teams or teams)], owner) if owner else None
    rows = []
    for row in rows_from_raw(data):
        if wanted_teams is not None and row.partnership_id not in wanted_teams:
            continue
        if not status_matches(row, args.status):
            continue
        if owners is not None and not owner_matches(row, owners):
            continue
        if args.due and not due_matches(row, args.due, day):
            continue
        rows.append(row)
    return sorted_rows(rows, day)


__all__ = ["add_filter_options", "select_rows", "today", "UnknownName"]
