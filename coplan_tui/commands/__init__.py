"""One module per `coplan` subcommand; each registers its own parser."""

import argparse


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """`--db` after the subcommand too, so `coplan check --db x.json` works."""
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="the database file")
