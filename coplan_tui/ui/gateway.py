"""The UI's door to the store: every disk operation runs off the UI thread, in order.

One writer thread takes changes from a queue, so two saves of the same document land in the
order they were made, and the UI never waits on the disk. Reads come from the store's
in-memory copy.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from ..store import Store, StoreError


@dataclass
class Change:
    puts: list[BaseModel] = field(default_factory=list)
    deletes: list[tuple[type[BaseModel], str]] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    done: Callable[[StoreError | None], None] | None = None


_STOP = object()


class Gateway:
    """Serialises writes on one thread; reports each outcome through ``on_result``."""

    def __init__(self, store: Store, on_result: Callable[[Change, StoreError | None], None]):
        self.store = store
        self._on_result = on_result
        self._queue: queue.Queue[Any] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="coplan-writer", daemon=True)
        self._thread.start()

    def save(self, *docs: BaseModel, done: Callable[[StoreError | None], None] | None = None) -> None:
        self.submit(Change(puts=list(docs), done=done))

    def delete(self, cls: type[BaseModel], ids: Iterable[str], done: Callable[[StoreError | None], None] | None = None) -> None:
        self.submit(Change(deletes=[(cls, i) for i in ids], done=done))

    def set_setting(self, key: str, value: Any) -> None:
        self.submit(Change(settings={key: value}))

    def submit(self, change: Change) -> None:
        self._queue.put(change)

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every queued change is on disk. Only for exit and tests."""
        marker = threading.Event()
        self._queue.put(marker)
        return marker.wait(timeout)

    def close(self, timeout: float = 10.0) -> None:
        self._queue.put(_STOP)
        self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            if isinstance(item, threading.Event):
                item.set()
                continue
            error: StoreError | None = None
            try:
                self.store.commit(puts=item.puts, deletes=item.deletes, settings=item.settings)
            except StoreError as e:
                error = e
            except Exception as e:  # a bug must not kill the writer and lose later saves
                error = StoreError(f"Unexpected error while saving: {e!r}")
            self._on_result(item, error)
