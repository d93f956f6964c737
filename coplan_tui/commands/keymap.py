"""`coplan keymap`: remap keys by binding id, stored per database (the app applies it at start)."""

from __future__ import annotations

import argparse
import sys

from . import add_db_option

# Terminals send these as backspace, enter and tab: a binding on them could never fire.
UNUSABLE = {f"ctrl+{letter}" for letter in "hjmi"}


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("keymap", help="show or change key bindings by binding id")
    add_db_option(p)
    p.add_argument("changes", nargs="*", metavar="ID=KEYS", help="e.g. session.next_step=right,n")
    p.add_argument("--reset", action="store_true", help="forget every change")
    p.set_defaults(func=run)


def binding_ids() -> dict[str, tuple[str, str]]:
    """Every binding id in the app -> (default keys, description)."""
    import importlib
    import inspect
    import pkgutil

    from textual.binding import Binding

    from .. import ui

    found: dict[str, tuple[str, str]] = {}
    for info in pkgutil.walk_packages(ui.__path__, ui.__name__ + "."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if not cls.__module__.startswith("coplan_tui"):
                continue
            for b in cls.__dict__.get("BINDINGS", []):
                if isinstance(b, Binding) and b.id:
                    found[b.id] = (b.key, b.description or b.action)
    return found


def parse_changes(changes: list[str], known: dict[str, tuple[str, str]]) -> dict[str, str]:
    parsed: dict[str, str] = {}
    for change in changes:
        binding_id, sep, keys = change.partition("=")
        binding_id, keys = binding_id.strip(), keys.replace(" ", "")
        if not sep or not keys:
            raise ValueError(f"{change!r}: write ID=KEYS, e.g. session.next_step=right,n")
        if binding_id not in known:
            raise ValueError(f"{binding_id!r} is not a binding id; run `coplan keymap` to list them")
        bad = UNUSABLE & set(keys.split(","))
        if bad:
            raise ValueError(f"{', '.join(sorted(bad))}: terminals send these as backspace, enter or tab")
        parsed[binding_id] = keys
    return parsed


def run(args: argparse.Namespace) -> int:
    from ..paths import default_db
    from ..store import Store

    store = Store(default_db(getattr(args, "db", None)), lazy=True)
    current = dict(store.setting("keymap", {}) or {})
    known = binding_ids()
    if args.reset:
        store.set_setting("keymap", {})
        print("Keys are back to the defaults.")
        return 0
    if args.changes:
        try:
            current.update(parse_changes(args.changes, known))
        except ValueError as e:
            print(f"coplan keymap: {e}", file=sys.stderr)
            return 2
        store.set_setting("keymap", current)
        print("Saved; the app uses them the next time it opens.")
    print("Your changes:" if current else "No changes: every key is the default.")
    for binding_id, keys in sorted(current.items()):
        print(f"  {binding_id} = {keys}")
    if not args.changes:
        print("\nBinding ids (default keys, action):")
        for binding_id, (keys, what) in sorted(known.items()):
            print(f"  {binding_id:34} {keys:18} {what}")
    return 0
