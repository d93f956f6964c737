"""Rendering an export to bytes: shared by the CLI and the UI. Writing it to a file is the
store's (``store/private_files.py``), the one code that writes files."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

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
