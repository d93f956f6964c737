"""`coplan session`: open the app straight into a new or resumed session."""

from __future__ import annotations

import argparse

from . import add_db_option, add_terminal_options
from .open_ui import run_ui


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("session", help="open the app straight into a coplanning session")
    add_db_option(p)
    add_terminal_options(p)
    p.add_argument("--partnership", metavar="TEXT", help="part of the partnership's name or a member's name")
    p.add_argument("--template", metavar="TEXT", help="part of the template's name")
    p.add_argument("--resume", action="store_true", help="resume the partnership's unfinished session")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..paths import default_db

    def start(app) -> None:
        from ..ui.screens.home import HomeScreen

        app.push_screen(HomeScreen())
        app.open_session(template_query=args.template, resume=args.resume, partnership_query=args.partnership)

    return run_ui(args, default_db(getattr(args, "db", None)), start=start)
