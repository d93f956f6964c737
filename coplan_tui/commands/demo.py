"""`coplan demo`: the app on a sample database, seeded on first use."""

from __future__ import annotations

import argparse

from . import add_db_option, add_terminal_options
from .open_ui import run_ui


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("demo", help="open the app on demo data (seeded on first use)")
    add_db_option(p)
    add_terminal_options(p)
    p.add_argument("--no-ui", action="store_true", help="seed the demo database and exit")
    p.set_defaults(func=run)


def seed_demo(store) -> bool:
    """Fill an empty store with the demo; leave a used one alone. Returns whether it seeded."""
    from ..domain.demo import build_demo
    from ..domain.models import Partnership

    if store.count(Partnership):
        return False
    now = store.clock()
    store.put(*build_demo(now.date(), now))
    return True


def run(args: argparse.Namespace) -> int:
    from ..paths import demo_db
    from ..store import Store

    path = demo_db(getattr(args, "db", None))
    store = Store(path)
    seeded = seed_demo(store)
    if args.no_ui:
        print(f"{'Seeded' if seeded else 'Already seeded:'} demo database at {path}")
        return 0
    return run_ui(args, path, store=store)


__all__ = ["seed_demo"]
