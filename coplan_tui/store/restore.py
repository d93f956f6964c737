"""Put a backup back, only after it validates, keeping the current file as a backup first."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from .atomic import atomic_write, ensure_private_dir, real_path
from .backups import make_backup
from .errors import StoreError
from .schema import SchemaProblem
from .store import Store, parse_file, validate_documents


class RestoreError(StoreError):
    pass


def restore_backup(db_path: Path, backup: Path, now: datetime | None = None) -> Path | None:
    """Returns the backup made of the replaced file, if there was one."""
    try:
        raw = backup.read_bytes()
        validate_documents(parse_file(raw))
    except SchemaProblem as e:
        raise RestoreError(f"{backup} is not a sound coplan database: {e}. Nothing was changed.") from None
    except OSError as e:
        raise RestoreError(f"cannot read {backup}: {e.strerror}. Nothing was changed.") from None
    now = now or datetime.now().astimezone()
    db_path = real_path(db_path)  # a symlinked database is restored through its link
    ensure_private_dir(db_path.parent)
    # Take the store's lock so a running app is not mid-write while we swap the file.
    store_lock = Store.lock_for(db_path)
    with store_lock:
        kept = make_backup(db_path, now) if db_path.exists() else None
        try:
            atomic_write(db_path, raw)
        except OSError as e:
            raise RestoreError(f"could not write {db_path}: {e.strerror}. The old file is untouched.") from None
    return kept
