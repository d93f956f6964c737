"""`coplan` with no command, and `coplan open`: the full-screen app."""

from __future__ import annotations

import argparse

from . import add_db_option, add_terminal_options
from .open_ui import run_ui


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("open", help="open the app on your database (the default command)")
    add_db_option(p)
    add_terminal_options(p)
    p.set_defaults(func=open_app)


def open_app(args: argparse.Namespace) -> int:
    from ..paths import default_db

    return run_ui(args, default_db(getattr(args, "db", None)))
