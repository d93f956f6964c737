"""Backups beside the DB: ``backups/<name>.<timestamp>.json``, mode 0600, thinned by age.

A backup belongs to exactly one database: its name is the database's full file name, a
dot, then the timestamp, and listing matches that whole shape. Matching by prefix once
restored ``plan-old.json``'s backup over ``plan.json`` and let ``x.json``'s pruning delete
``x-2.json``'s backups. Backups made before this scheme (``<stem>-<timestamp>.json``) are
still found, for ``.json`` databases, by the same exact match.
"""

from __future__ import annotations

import os
import re
import shutil
from datetime import datetime
from pathlib import Path

from ..domain.retention import NEWEST, backups_to_keep
from .atomic import PRIVATE_FILE, ensure_private_dir, fsync_dir, private_temp, real_path

KEEP = NEWEST
STAMP = "%Y%m%dT%H%M%S-%f"
_STAMP = r"(\d{8}T\d{6}-\d{6})(?:-\d+)?\.json"


def backup_dir(db_path: Path) -> Path:
    return real_path(db_path).parent / "backups"


def _pattern(db_path: Path) -> re.Pattern[str]:
    db_path = real_path(db_path)
    shapes = [re.escape(db_path.name) + r"\." + _STAMP]
    if db_path.suffix == ".json":
        shapes.append(re.escape(db_path.stem) + "-" + _STAMP)
    return re.compile("|".join(f"(?:{s})" for s in shapes))


def backup_time(db_path: Path, backup: Path) -> datetime | None:
    """When ``backup`` (one of ``db_path``'s) was made, from its name."""
    m = _pattern(db_path).fullmatch(backup.name)
    if m is None:
        return None
    s = next(g for g in m.groups() if g)  # YYYYMMDDTHHMMSS-ffffff; no strptime, which is slow to load
    try:
        return datetime(int(s[0:4]), int(s[4:6]), int(s[6:8]), int(s[9:11]), int(s[11:13]), int(s[13:15]), int(s[16:22]))
    except ValueError:
        return None


def list_backups(db_path: Path) -> list[Path]:
    """This DB's backups, and only this DB's, newest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    pattern = _pattern(db_path)
    found = []
    for entry in os.scandir(folder):
        m = pattern.fullmatch(entry.name)
        if m and entry.is_file(follow_symlinks=False):
            found.append((next(g for g in m.groups() if g), entry.name))
    return [folder / name for _, name in sorted(found, reverse=True)]


def make_backup(db_path: Path, now: datetime, keep: int = KEEP) -> Path:
    """Copy the DB into the backup folder, then prune by age (see ``domain.retention``)."""
    db_path = real_path(db_path)
    folder = backup_dir(db_path)
    ensure_private_dir(folder)
    remove_stale_temps(db_path)
    stamp = now.strftime(STAMP)
    target = folder / f"{db_path.name}.{stamp}.json"
    n = 1
    while target.exists():
        target = folder / f"{db_path.name}.{stamp}-{n}.json"
        n += 1
    fd, tmp = private_temp(folder, target.name)
    try:
        with open(db_path, "rb") as src, os.fdopen(fd, "wb") as dst:
            fd = -1
            os.fchmod(dst.fileno(), PRIVATE_FILE)
            shutil.copyfileobj(src, dst)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(tmp, target)
    except BaseException:
        if fd != -1:
            os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(folder)
    prune(db_path, now, keep)
    return target


def remove_stale_temps(db_path: Path) -> None:
    """Backup temp files left by a process killed mid-copy; call with the store's lock held."""
    folder = backup_dir(db_path)
    prefix = f".{real_path(db_path).name}."
    if folder.is_dir():
        for entry in os.scandir(folder):
            if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
                Path(entry.path).unlink(missing_ok=True)


def prune(db_path: Path, now: datetime, keep: int = KEEP) -> None:
    backups = list_backups(db_path)
    stamps = [backup_time(db_path, b) or datetime.min for b in backups]
    kept = backups_to_keep(stamps, now.replace(tzinfo=None), keep)
    for i, old in enumerate(backups):
        if i not in kept:
            old.unlink(missing_ok=True)
