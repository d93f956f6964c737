"""One module per `coplan` subcommand; each registers its own parser."""

import argparse
import sys


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """`--db` after the subcommand too, so `coplan check --db x.json` works."""
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="the database file")


def add_terminal_options(parser: argparse.ArgumentParser) -> None:
    """Options of the full-screen app, accepted before or after the command."""
    parser.add_argument(
        "--no-mouse",
        action="store_true",
        default=argparse.SUPPRESS,
        help="no mouse tracking (GNU screen holds a lone Escape while it is on); the `mouse` setting does it for good",
    )



def open_existing(args: argparse.Namespace, command: str):
    """The database a listing or an edit works on, or None after saying there is none."""
    from ..domain.safe_text import printable
    from ..paths import default_db
    from ..store import Store

    path = default_db(getattr(args, "db", None))
    if not path.exists():
        print(printable(f"coplan {command}: there is no database at {path}"), file=sys.stderr)
        return None
    return Store(path, create=False, lazy=True)
