"""`coplan check`: is this file a sound coplan database?"""

from __future__ import annotations

import argparse
import sys

from . import add_db_option


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("check", help="validate the database file and print a summary")
    add_db_option(p)
    p.set_defaults(func=run, fast_exit=True)


def run(args: argparse.Namespace) -> int:
    from ..domain.models import LessonPlan, Partnership, Session, SessionTemplate, Todo
    from ..paths import default_db
    from ..store import Store, StoreError
    from ..store.schema import SCHEMA_VERSION

    from ..store.errors import no_database

    path = default_db(getattr(args, "db", None))
    if not path.exists():
        print(f"coplan check: {no_database(path)}", file=sys.stderr)
        return 1
    try:
        store = Store(path, create=False, count_only=True)
    except StoreError as e:
        print(f"coplan check: NOT SOUND. {e}", file=sys.stderr)
        return 1
    from ..domain.wording import counted

    counts = {
        "partnership": store.count(Partnership),
        "session": store.count(Session),
        "to-do": store.count(Todo),
        "plan": store.count(LessonPlan),
        "custom template": store.count(SessionTemplate),
    }
    summary = ", ".join(counted(n, what) for what, n in counts.items())
    print(f"{path}: sound (schema {SCHEMA_VERSION}). {summary}.")
    return 0
