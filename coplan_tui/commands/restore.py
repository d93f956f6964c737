"""`coplan restore`: list the backups, or restore one after validating it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import add_db_option


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("restore", help="list the backups, or restore one (--from)")
    add_db_option(p)
    p.add_argument("--from", dest="source", metavar="BACKUP", help="a backup's file name, number from the list, or path")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..paths import default_db
    from ..store.backups import backup_time, list_backups
    from ..store.restore import RestoreError, restore_backup

    path = default_db(getattr(args, "db", None))
    backups = list_backups(path)
    if not args.source:
        if not backups:
            print(f"No backups of {path} yet (they are made before the first change of each run).")
            return 0
        print(f"Backups of {path}, newest first:")
        for n, b in enumerate(backups, 1):
            made = backup_time(path, b)
            when = made.strftime("%a %d %b %Y %H:%M:%S") if made else "?"
            print(f"{n:3}  {when}  {_contents(b)}  {b.name}")
        print("Restore one with: coplan restore --db PATH --from N")
        return 0
    source = _resolve(args.source, backups)
    if source is None:
        print(f"coplan restore: no backup {args.source!r}; run `coplan restore` to list them", file=sys.stderr)
        return 1
    try:
        kept = restore_backup(path, source)
    except RestoreError as e:
        print(f"coplan restore: {e}", file=sys.stderr)
        return 1
    print(f"Restored {path} from {source.name}." + (f" The file it replaced is kept as {kept.name}." if kept else ""))
    return 0


def _contents(backup: Path) -> str:
    """What a backup holds, so the right one can be picked: counts, or why it is unusable."""
    from ..store.raw import parse_file
    from ..store.schema import SchemaProblem

    try:
        data = parse_file(backup.read_bytes())
    except SchemaProblem as e:
        return f"unreadable: {e}"
    except OSError as e:
        return f"unreadable: {e.strerror or e}"
    counts = [(len(data.get(t, {})), word) for t, word in _COUNTED]
    return ", ".join(f"{n} {word}{'s' * (n != 1)}" for n, word in counts)


_COUNTED = (("partnerships", "partnership"), ("sessions", "session"), ("todos", "to-do"), ("plans", "plan"))


def _resolve(source: str, backups: list[Path]) -> Path | None:
    if source.isdigit() and 1 <= int(source) <= len(backups):
        return backups[int(source) - 1]
    for b in backups:
        if b.name == source:
            return b
    candidate = Path(source).expanduser()
    return candidate if candidate.is_file() else None
