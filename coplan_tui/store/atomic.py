"""Durable file primitives: private folders, atomic replace, change signatures.

A write goes to a temp file in the same folder, is fsynced, replaces the target with
``os.replace`` and then the folder is fsynced, so a crash leaves the old file or the new
one, never a torn one.

The temp file has a random name and is created with ``O_EXCL`` (``tempfile.mkstemp``): in
a shared folder someone else could plant a symlink at a predictable name and have us
truncate its target. A database path that is a symlink is written through to its target
(see ``real_path``), so the link stays a link and both names keep showing the same data.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


class Signature(NamedTuple):
    """What tells us a file changed under us."""

    inode: int
    mtime_ns: int
    size: int


def signature(path: Path) -> Signature | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return Signature(st.st_ino, st.st_mtime_ns, st.st_size)


def real_path(path: Path) -> Path:
    """The file a (possibly symlinked) path names: writes, locks and backups use this one."""
    return Path(os.path.realpath(path))


class NotDurable(OSError):
    """The new file is in place, but the folder's fsync failed: a power cut may undo it."""


def private_temp(folder: Path, name: str) -> tuple[int, Path]:
    """A new 0600 temp file beside ``name`` in ``folder``: random name, ``O_EXCL``, never a link."""
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    return fd, Path(tmp)


def ensure_private_dir(folder: Path) -> None:
    """Create missing folders with mode 0700; existing folders are left as they are."""
    missing = []
    current = folder
    while not current.exists():
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(path, PRIVATE_DIR)
        os.chmod(path, PRIVATE_DIR)


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


IOV_MAX = os.sysconf("SC_IOV_MAX") if hasattr(os, "sysconf") else 16


def write_all(fd: int, data: bytes | Sequence[Sequence[bytes]], size: int | None = None) -> None:
    """Write ``data`` to a new, empty file: one buffer, or lists of pieces (``size`` bytes in all).

    Pieces go out in ``os.writev`` batches, with no joined copy. A regular file takes a short
    write only at a limit (disk full, file size limit); if the total falls short, the file is
    written again from the start with plain writes, which then raise the reason.
    """
    if isinstance(data, bytes | bytearray | memoryview):
        data, size = [[data]], len(data)
    elif size is None:
        size = sum(len(piece) for pieces in data for piece in pieces)
    written = 0
    for pieces in data:
        for start in range(0, len(pieces), IOV_MAX):
            written += os.writev(fd, pieces[start : start + IOV_MAX])
    if written != size:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        view = memoryview(b"".join(b"".join(pieces) for pieces in data))
        while view:
            view = view[os.write(fd, view) :]


def atomic_write(path: Path, data: bytes | Sequence[Sequence[bytes]], size: int | None = None) -> Signature:
    """Replace ``path`` with ``data`` durably (see ``write_all``); return the new file's signature."""
    folder = path.parent
    fd, tmp = private_temp(folder, path.name)
    try:
        try:
            os.fchmod(fd, PRIVATE_FILE)
            write_all(fd, data, size)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    try:
        fsync_dir(folder)
    except OSError as e:
        raise NotDurable(e.errno, f"the new file is in place, but its folder could not be synced ({e.strerror or e})") from None
    sig = signature(path)
    assert sig is not None
    return sig
