"""Rendering an export to bytes and putting it in a file: shared by the CLI and the UI."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from ..domain.todo_rows import TodoRow

TODO_FORMATS = ("ics", "csv", "md", "json")


def todos_bytes(rows: Sequence[TodoRow], fmt: str, today: date, now: datetime) -> bytes:
    if fmt == "ics":
        from .ics import to_ics

        return to_ics(rows, now)
    from .records import render_records

    return render_records(rows, fmt, today).encode("utf-8")


def default_name(kind: str, fmt: str, today: date) -> str:
    """``coplan-todos-2026-11-23.ics``"""
    return f"coplan-{kind}-{today.isoformat()}.{fmt}"


def write_file(path: Path, content: bytes) -> Path:
    """Write through a temp file and rename, so a failed export never leaves half a file."""
    path = path.expanduser().absolute()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(content)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path
