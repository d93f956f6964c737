"""The `coplan` command. Subcommands that need no UI never import textual."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from . import __version__

# Each module defines register(subparsers); its parser sets `func(args) -> int`.
COMMAND_MODULES = (
    "coplan_tui.commands.app",
    "coplan_tui.commands.demo",
    "coplan_tui.commands.check",
    "coplan_tui.commands.restore",
    "coplan_tui.commands.session",
    "coplan_tui.commands.keymap",
    "coplan_tui.commands.todos",
    "coplan_tui.commands.transfer",
    "coplan_tui.commands.plans",
    "coplan_tui.commands.schedule",
    "coplan_tui.commands.sessions",
    "coplan_tui.commands.requests",
    "coplan_tui.commands.release",
    "coplan_tui.commands.serve",
    "coplan_tui.commands.settings",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coplan",
        description="Timed coplanning sessions for coteaching pairs, with a live to-do list.",
        epilog="Run `coplan COMMAND --help` for a command's options. Data: --db PATH, $COPLAN_DB, or the user data dir.",
    )
    parser.add_argument("--version", action="version", version=f"coplan {__version__}")
    parser.add_argument("--db", metavar="PATH", help="the database file (default: $COPLAN_DB or coplan.json in the data dir)")
    parser.add_argument("--as", dest="as_user", metavar="NAME", help="who you are, for 'mine', presence and who changed what (default: $COPLAN_USER)")
    from .commands import add_terminal_options

    add_terminal_options(parser)
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    from .store.errors import StoreError

    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "as_user", None):
        from .identity import USER_ENV

        os.environ[USER_ENV] = args.as_user.strip()
    func = getattr(args, "func", None)
    if func is None:
        from .commands.app import open_app

        func = open_app
    try:
        code = int(func(args) or 0)
    except StoreError as e:
        from .domain.safe_text import printable

        print(printable(f"coplan: {e}"), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `coplan ... | head`: the reader left; that is not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    if argv is None and getattr(args, "fast_exit", False):
        _exit_now(code)
    return code


def _exit_now(code: int) -> None:
    """End a read-only command without freeing its data one object at a time (~10 ms at
    10,000 to-dos). Only for commands that wrote nothing and only when run as a program."""
    import os

    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
