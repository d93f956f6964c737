"""`coplan` with no command, and `coplan open`: the full-screen app."""

from __future__ import annotations

import argparse

from . import add_db_option


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("open", help="open the app on your database (the default command)")
    add_db_option(p)
    p.set_defaults(func=open_app)


def open_app(args: argparse.Namespace) -> int:
    from ..paths import default_db
    from ..ui.app import run_app

    return run_app(default_db(getattr(args, "db", None)))
