"""Reading a DB file without validating every document: the fast path for listings.

``coplan todos`` must answer in well under a second at 10,000 to-dos, and importing
pydantic plus validating every document costs more than that budget. Listings read the
parsed tables directly; every write still goes through ``Store`` (lock, validation,
atomic write).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .errors import UnreadableFile, no_database
from .schema import SchemaProblem, check_and_migrate


class _DuplicateKey(ValueError):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object whose keys are all different; a hand-edited file with two equal keys would
    otherwise lose the first one silently (and our next write would drop it for good)."""
    data = dict(pairs)
    if len(data) != len(pairs):
        seen: set[str] = set()
        key = next(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        raise _DuplicateKey(key)
    return data


def parse_json(raw: bytes) -> Any:
    """JSON with every key of an object different; raise SchemaProblem with the reason."""
    try:
        return json.loads(raw, object_pairs_hook=_unique_keys)
    except _DuplicateKey as e:
        raise SchemaProblem(f"the key {str(e)[:80]!r} appears twice in one object (was the file edited by hand?)") from None
    except RecursionError:
        raise SchemaProblem("it nests too deeply to be a coplan database") from None
    except UnicodeDecodeError:
        raise SchemaProblem("it is not text (not UTF-8)") from None
    except json.JSONDecodeError as e:
        raise SchemaProblem(f"it is not valid JSON (line {e.lineno}, column {e.colno}: {e.msg}); it may be truncated") from None


def parse_file(raw: bytes) -> dict[str, Any]:
    """Parse and check a DB file's bytes; raise SchemaProblem with the reason."""
    if not raw.strip():
        raise SchemaProblem("it is empty (0 bytes of data), which coplan never writes")
    data, _ = check_and_migrate(parse_json(raw))
    return data


def read_tables(path: Path) -> dict[str, Any]:
    """The parsed tables of the DB at ``path``, read once, unlocked (writes are atomic)."""
    from .backups import backup_dir

    try:
        raw = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        raise no_database(path) from None
    except OSError as e:
        raise UnreadableFile(path, f"it cannot be read ({e.strerror})", backup_dir(path)) from None
    try:
        return parse_file(raw)
    except SchemaProblem as e:
        raise UnreadableFile(path, str(e), backup_dir(path)) from None
