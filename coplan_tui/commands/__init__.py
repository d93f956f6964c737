"""One module per `coplan` subcommand; each registers its own parser."""

import argparse


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

