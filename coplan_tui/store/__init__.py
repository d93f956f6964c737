"""Persistence: the only package that touches the DB file."""

from .errors import InvalidDocument, NotFound, StoreError, UnreadableFile, WriteFailed
from .store import Store

__all__ = ["Store", "StoreError", "UnreadableFile", "WriteFailed", "InvalidDocument", "NotFound"]
