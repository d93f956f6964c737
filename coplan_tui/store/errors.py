"""Store failures the user can act on, each with a message that says what to do."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base for every failure of the store. ``str()`` is the message for the user."""


class UnreadableFile(StoreError):
    """The DB file is corrupt, truncated, foreign or from a newer coplan: it is left untouched."""

    def __init__(self, path: Path, reason: str, backups: Path):
        self.path = path
        self.reason = reason
        self.backups = backups
        super().__init__(
            f"Cannot open {path}: {reason}. The file was left exactly as it is. "
            f"Backups are in {backups} (see `coplan restore --db {path}`)."
        )


class WriteFailed(StoreError):
    """Saving failed (disk full, read-only folder...). The previous file is untouched."""

    def __init__(self, path: Path, cause: OSError):
        from .atomic import NotDurable

        self.path = path
        self.cause = cause
        why = cause.strerror or str(cause)
        if isinstance(cause, NotDurable):
            super().__init__(f"Saved to {path}, but {why}: the change may be lost if the power fails now.")
        else:
            super().__init__(f"Could not save to {path}: {why}. Your previous data is untouched; the change was not saved.")


class InvalidDocument(StoreError):
    """A document failed validation; nothing was written."""


class NotFound(StoreError):
    """No document has that id (or id prefix)."""


class BadDbPath(StoreError):
    """The path given can never hold a database (a folder, or under a file): say what to do."""


WHERE = "give another path with --db PATH or the COPLAN_DB variable"


def check_db_path(path: Path) -> None:
    """Raise BadDbPath when ``path`` cannot be a database file, before anything touches it."""
    if path.is_dir():
        raise BadDbPath(f"{path} is a folder, not a database file: {WHERE}, for example {path / 'coplan.json'}.")
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                raise BadDbPath(f"Cannot use {path}: {parent} is a file, not a folder; {WHERE}.")
            return


def no_database(path: Path) -> StoreError:
    """The one message for a database that is not there."""
    check_db_path(path)
    return StoreError(f"There is no coplan database at {path}: {WHERE}, or create it by opening the app (coplan --db {path}).")
