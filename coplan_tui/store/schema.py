"""The schema version in the ``_meta`` table, and the hook that migrates older files.

A file from a newer coplan is refused, never rewritten.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import re

SCHEMA_VERSION = 1
APP_MARKER = "coplan"
META_TABLE = "_meta"
TABLES = ("partnerships", "templates", "sessions", "todos", "plans", "requests", "settings")

Data = dict[str, dict[str, Any]]
_DOC_KEY = re.compile(r"[0-9]{1,18}")
"""TinyDB numbers its documents; the store turns these keys into ints."""

# from-version -> function that returns the data at from-version + 1.
MIGRATIONS: dict[int, Callable[[Data], Data]] = {}


class SchemaProblem(Exception):
    """The file is not a coplan DB this version can use; the message says why."""


def empty_data() -> Data:
    return {META_TABLE: {"1": {"app": APP_MARKER, "schema_version": SCHEMA_VERSION}}}


def meta_of(data: Data) -> dict[str, Any] | None:
    table = data.get(META_TABLE)
    if not isinstance(table, dict) or not table:
        return None
    doc = next(iter(table.values()))
    return doc if isinstance(doc, dict) else None


def check_table(name: str, table: object) -> None:
    """A table is numbered documents; raise SchemaProblem saying how it is not."""
    if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
        raise SchemaProblem(f"its table {name!r} is damaged (not a set of documents)")
    bad = next((key for key in table if not _DOC_KEY.fullmatch(key)), None)
    if bad is not None:
        raise SchemaProblem(f"its table {name!r} has a document numbered {bad[:40]!r}, which is not a number")


def check_and_migrate(data: object) -> tuple[Data, bool]:
    """Return the data at the current version, and whether it was migrated."""
    if not isinstance(data, dict):
        raise SchemaProblem("it is JSON but not a coplan database (the top level is not an object)")
    meta = meta_of(data)
    if meta is None or meta.get("app") != APP_MARKER:
        raise SchemaProblem("it is not a coplan database (no coplan marker in its _meta table)")
    for name, table in data.items():
        check_table(name, table)
    version = meta.get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise SchemaProblem(f"its schema version {version!r} is not valid")
    if version > SCHEMA_VERSION:
        raise SchemaProblem(
            f"it was written by a newer coplan (schema {version}; this coplan knows up to {SCHEMA_VERSION}). "
            "Upgrade coplan to open it"
        )
    migrated = False
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise SchemaProblem(f"no migration from schema {version}")
        data = step(data)
        version += 1
        migrated = True
    if migrated:
        meta = meta_of(data)
        assert meta is not None
        meta["schema_version"] = SCHEMA_VERSION
    return data, migrated
