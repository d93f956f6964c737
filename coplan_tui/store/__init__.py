"""Persistence: the only package that touches the DB file.

``Store`` is imported lazily so that read-only fast paths (``store.raw``) do not pay for
pydantic and TinyDB.
"""

from typing import TYPE_CHECKING, Any

from .errors import InvalidDocument, NotFound, StoreError, UnreadableFile, WriteFailed

if TYPE_CHECKING:
    from .store import Store


def __getattr__(name: str) -> Any:
    if name == "Store":
        from .store import Store

        return Store
    raise AttributeError(name)


__all__ = ["Store", "StoreError", "UnreadableFile", "WriteFailed", "InvalidDocument", "NotFound"]
