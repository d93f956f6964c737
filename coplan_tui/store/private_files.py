"""Export files: written whole or not at all, private, and never over someone's file.

Exports hold notes about students, so they get the database's privacy whatever the umask:
mode 0600, in folders created 0700. And an export never replaces a file silently: the CLI
refuses an existing ``-o`` file unless ``--force``, and the app picks the next free name.
They use the database's own file primitives (``atomic.py``), so there is one way to write a
private file durably.
"""

from __future__ import annotations

import os
from pathlib import Path

from .atomic import PRIVATE_FILE, ensure_private_dir, fsync_dir, private_temp, write_all


def write_file(path: Path, content: bytes, *, overwrite: bool = False) -> Path:
    """Write ``content`` to ``path`` whole or not at all, mode 0600.

    Raises FileExistsError when ``path`` exists and ``overwrite`` is false: the new file is
    put in place with ``os.link``, which fails on an existing name instead of replacing it,
    so no check-then-write race can lose someone's file either.
    """
    path = path.expanduser().absolute()
    ensure_private_dir(path.parent)
    fd, tmp = private_temp(path.parent, path.name)
    try:
        try:
            os.fchmod(fd, PRIVATE_FILE)
            write_all(fd, content)
            os.fsync(fd)
        finally:
            os.close(fd)
        if overwrite:
            os.replace(tmp, path)
        else:
            _link_new(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    fsync_dir(path.parent)
    return path


def _link_new(tmp: Path, path: Path) -> None:
    try:
        os.link(tmp, path, follow_symlinks=False)
    except FileExistsError:
        raise
    except OSError:
        # A file system without hard links: claim the name with O_EXCL, then move over it.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), PRIVATE_FILE))
        os.replace(tmp, path)


def write_new_file(path: Path, content: bytes, attempts: int = 1000) -> Path:
    """Write to ``path``, or, if it exists, to ``NAME-2.EXT``, ``NAME-3.EXT``... (the app's rule)."""
    candidate = path
    for n in range(2, attempts + 2):
        try:
            return write_file(candidate, content)
        except FileExistsError:
            candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    raise FileExistsError(f"{path} and {attempts} numbered names after it all exist")
