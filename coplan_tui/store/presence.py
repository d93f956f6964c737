"""Who else has this database open, and where: one small file per window beside it.

Presence changes every few seconds; writing it into the database would mean a commit, a
backup and a reload in every other window each time. So each window keeps its own file in
a folder beside the database, and reads the others'. A file whose process is gone (on this
machine), or that has not been refreshed for ``STALE_S``, no longer counts, so a window that
was killed disappears by itself.
"""

from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from .atomic import PRIVATE_FILE, ensure_private_dir

STALE_S = 6.0
"""A window refreshes its file every second or two; after this long it is gone."""


@dataclass(frozen=True)
class Presence:
    name: str
    where: str
    session_id: str | None
    pid: int
    host: str
    at: float

    def describe(self) -> str:
        return f"{self.name} — {self.where}"


def presence_dir(db_path: Path) -> Path:
    return db_path.parent / f".{db_path.name}.presence"


class PresenceBoard:
    """This window's entry and everyone else's, for one database. Disk work only: call it
    from a worker thread, never the UI thread."""

    def __init__(self, db_path: Path, pid: int | None = None, host: str | None = None):
        self.folder = presence_dir(db_path)
        self.pid = os.getpid() if pid is None else pid
        self.host = host or socket.gethostname()
        self.mine = self.folder / f"{self.host}-{self.pid}.json"

    def announce(self, name: str, where: str, session_id: str | None, now: float) -> None:
        ensure_private_dir(self.folder)
        entry = {"name": name, "where": where, "session_id": session_id, "pid": self.pid, "host": self.host, "at": now}
        # Replaced whole so a reader never sees half an entry; not fsynced: it is refreshed
        # every second, and after a crash it is meant to vanish anyway.
        tmp = self.mine.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, PRIVATE_FILE)
        try:
            os.write(fd, json.dumps(entry).encode("utf-8"))
        finally:
            os.close(fd)
        os.replace(tmp, self.mine)

    def others(self, now: float) -> list[Presence]:
        """Everyone else here now, by name; stale and dead entries are left out (and removed)."""
        found: list[Presence] = []
        try:
            files = list(self.folder.glob("*.json"))
        except OSError:
            return found
        for leftover in self.folder.glob("*.tmp"):  # a window killed mid-write
            if leftover != self.mine.with_suffix(".tmp") and _older_than(leftover, STALE_S):
                leftover.unlink(missing_ok=True)
        for path in files:
            if path == self.mine:
                continue
            entry = _read(path)
            if entry is None or now - entry.at > STALE_S or not _alive(entry, self.host):
                try:
                    path.unlink()
                except OSError:
                    pass
                continue
            found.append(entry)
        return sorted(found, key=lambda p: (p.name.casefold(), p.pid))

    def leave(self) -> None:
        try:
            self.mine.unlink()
        except OSError:
            pass


def _read(path: Path) -> Presence | None:
    try:
        data = json.loads(path.read_bytes())
        return Presence(
            name=str(data["name"]),
            where=str(data["where"]),
            session_id=data.get("session_id") if isinstance(data.get("session_id"), str) else None,
            pid=int(data["pid"]),
            host=str(data["host"]),
            at=float(data["at"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _older_than(path: Path, seconds: float) -> bool:
    import time

    try:
        return time.time() - path.stat().st_mtime > seconds
    except OSError:
        return False


def _alive(entry: Presence, host: str) -> bool:
    """A process on another machine (a shared network folder) is trusted until it goes stale."""
    if entry.host != host:
        return True
    try:
        os.kill(entry.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it exists
        return True
    return True
