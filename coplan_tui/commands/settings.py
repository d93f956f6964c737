"""`coplan settings [KEY=VALUE ...]`: show or change the per-user settings (not the database's)."""

from __future__ import annotations

import argparse
import sys

CHOICES = {
    "theme": "a theme name (ctrl+p > Change theme lists them; coplan-high-contrast for a projector), or '' to pick by terminal",
    "mouse": "on or off (off: GNU screen passes a lone Escape at once)",
    "tmux_escape_told": "on or off (off: tell again how to set tmux's escape-time)",
}
BOOLEAN = {"on": True, "true": True, "yes": True, "off": False, "false": False, "no": False}


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("settings", help="show or change your own settings: theme, mouse (kept per user, not in the database)")
    p.add_argument("changes", nargs="*", metavar="KEY=VALUE", help="; ".join(f"{k}: {v}" for k, v in CHOICES.items()))
    p.set_defaults(func=run, fast_exit=True)


def _parse(change: str) -> tuple[str, object]:
    key, sep, value = change.partition("=")
    key = key.strip()
    if not sep or key not in CHOICES:
        raise ValueError(f"{change!r}: use KEY=VALUE with KEY one of {', '.join(CHOICES)}")
    if key == "theme":
        if value and not all(c.isalnum() or c in "-_" for c in value):
            raise ValueError(f"theme {value!r}: a theme name has only letters, digits, - and _")
        return key, value
    if value.lower() not in BOOLEAN:
        raise ValueError(f"{key}={value!r}: use on or off")
    return key, BOOLEAN[value.lower()]


def run(args: argparse.Namespace) -> int:
    from .. import settings

    path = settings.config_path()
    try:
        changes = dict(_parse(c) for c in args.changes)
    except ValueError as e:
        print(f"coplan settings: {e}", file=sys.stderr)
        return 2
    if changes:
        settings.save(changes, path)
    values = settings.load(path)
    print(f"# {path}")
    for key in CHOICES:
        value = values[key]
        shown = ("on" if value else "off") if isinstance(value, bool) else (value or "(by terminal)")
        print(f"{key} = {shown}")
    return 0
