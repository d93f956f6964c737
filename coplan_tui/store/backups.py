"""Backups beside the DB: ``backups/<stem>-<timestamp>.json``, newest 10 kept, mode 0600."""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

from .atomic import PRIVATE_FILE, ensure_private_dir, fsync_dir

KEEP = 10


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def list_backups(db_path: Path) -> list[Path]:
    """This DB's backups, newest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"{db_path.stem}-*.json") if p.is_file()]
    return sorted(found, key=lambda p: p.name, reverse=True)


def make_backup(db_path: Path, now: datetime, keep: int = KEEP) -> Path:
    """Copy the DB into the backup folder and prune the oldest beyond ``keep``."""
    folder = backup_dir(db_path)
    ensure_private_dir(folder)
    stamp = now.strftime("%Y%m%dT%H%M%S-%f")
    target = folder / f"{db_path.stem}-{stamp}.json"
    n = 1
    while target.exists():
        target = folder / f"{db_path.stem}-{stamp}-{n}.json"
        n += 1
    tmp = folder / f".{target.name}.tmp"
    shutil.copyfile(db_path, tmp)
    os.chmod(tmp, PRIVATE_FILE)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, target)
    fsync_dir(folder)
    for old in list_backups(db_path)[keep:]:
        old.unlink(missing_ok=True)
    return target
