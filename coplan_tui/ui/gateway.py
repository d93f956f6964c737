"""The UI's door to the store: every disk operation runs off the UI thread, in order.

One writer thread takes changes from a queue, so two saves of the same document land in the
order they were made, and the UI never waits on the disk. Reads come from the store's
in-memory copy.

Writes go behind the keys: the writer waits until no change has come for ``QUIET_S`` (at most
``MAX_DELAY_S`` after the first), then saves everything waiting as one commit. A save on a
big file is ~20 ms of disk work whose GIL hand-offs slow the frame that shows the key; after
a short quiet spell the frame is already drawn, and a burst of keys costs one write, not ten.

A write the disk refuses (full, unplugged, a lock held too long) is not dropped: it waits and
is tried again every ``RETRY_S`` together with whatever comes after it, in order, until it
lands. ``on_waiting`` tells the app how many changes wait, so the window can say so and ask
before quitting. A document the store refuses as invalid is never retried: it never could land.

A put that says what the store already holds writes nothing (see ``Gateway.submit``): every
editor saves whole documents, and a save bumps ``rev``, so without this one check an editor
opened and saved untouched would rewrite the file and count as an edit in a partner's window.
"""

from __future__ import annotations

import queue
from collections import Counter
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from ..store import InvalidDocument, Store, StoreError


@dataclass
class Change:
    puts: list[BaseModel] = field(default_factory=list)
    deletes: list[tuple[type[BaseModel], str]] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    done: Callable[[StoreError | None], None] | None = None


_STOP = object()
QUIET_S = 0.03
MAX_DELAY_S = 0.25
RETRY_S = 2.0


class Gateway:
    """Serialises writes on one thread; reports each outcome through ``on_result``."""

    def __init__(
        self,
        store: Store,
        on_result: Callable[[Change, StoreError | None], None],
        on_waiting: Callable[[int, StoreError | None], None] | None = None,
    ):
        self.store = store
        self._on_result = on_result
        self._on_waiting = on_waiting
        self._retry: list[Change] = []
        """Changes the disk refused, oldest first, tried again until they land."""
        self._queue: queue.Queue[Any] = queue.Queue()
        self._waiting: Counter[tuple[type[BaseModel], str]] = Counter()
        """Documents handed to the writer and not yet on disk (or refused)."""
        self._waiting_lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="coplan-writer", daemon=True)
        self._thread.start()

    def save(self, *docs: BaseModel, done: Callable[[StoreError | None], None] | None = None) -> None:
        self.submit(Change(puts=list(docs), done=done))

    def delete(self, cls: type[BaseModel], ids: Iterable[str], done: Callable[[StoreError | None], None] | None = None) -> None:
        self.submit(Change(deletes=[(cls, i) for i in ids], done=done))

    def set_setting(self, key: str, value: Any) -> None:
        self.submit(Change(settings={key: value}))

    def submit(self, change: Change) -> None:
        """Queue the change, leaving out each put equal to the store's copy of it (opened and
        saved untouched). A change left with nothing to write still reaches ``on_result`` in
        order, so a screen waiting on ``done`` closes as after any save."""
        change.puts = [doc for doc in change.puts if not self._unchanged(doc)]
        with self._waiting_lock:
            self._waiting.update(_keys(change))
        self._queue.put(change)

    def _unchanged(self, doc: BaseModel) -> bool:
        """Equal to the store's copy (``Doc.__eq__`` leaves out ``rev`` and ``updated_by``), with
        no earlier change to it still on its way: that change would land after and differ."""
        cls, doc_id = type(doc), getattr(doc, "id", None)
        if doc_id is None or self.in_flight(cls, doc_id):
            return False
        try:
            current = self.store.get(cls, doc_id)
        except Exception:  # a type the store does not keep: let the store say so
            return False
        return current is not None and current == doc

    def in_flight(self, cls: type[BaseModel], doc_id: str) -> bool:
        """Whether a change to this document waits to be written: a view that re-reads the
        store meanwhile would show the file's older copy over the user's own edit."""
        with self._waiting_lock:
            return self._waiting[(cls, doc_id)] > 0

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every queued change is on disk. Only for exit and tests."""
        marker = threading.Event()
        self._queue.put(marker)
        return marker.wait(timeout)

    def unsaved(self) -> list[Change]:
        """Changes still waiting for the disk (read from the UI thread: a snapshot)."""
        return list(self._retry)

    def close(self, timeout: float = 10.0) -> None:
        self._queue.put(_STOP)
        self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            batch: list[Change] = []
            try:
                item = self._queue.get(timeout=RETRY_S if self._retry else None)
            except queue.Empty:
                self._commit([])  # the disk refused earlier changes: try them again
                continue
            deadline = time.monotonic() + MAX_DELAY_S
            while True:
                if item is _STOP:
                    self._commit(batch)
                    return
                if isinstance(item, threading.Event):  # a flush: what came before it is on disk first
                    self._commit(batch)
                    batch = []
                    item.set()
                else:
                    batch.append(item)
                wait = min(QUIET_S, deadline - time.monotonic())
                if not batch or wait <= 0:
                    break
                try:
                    item = self._queue.get(timeout=wait)
                except queue.Empty:
                    break
            self._commit(batch)

    def _commit(self, batch: list[Change]) -> None:
        """One commit for the whole batch; if a document in it is refused, each change on its own.
        Changes waiting for a retry go first, so the order of edits holds."""
        retrying = bool(self._retry)
        batch, self._retry = self._retry + batch, []
        if not batch:
            return
        try:
            self._commit_one(_merged_or_error(batch))
        except InvalidDocument as e:
            if len(batch) == 1:
                self._report(batch, e)
                return
            for change in batch:
                try:
                    self._commit_one(change)
                except StoreError as e:
                    self._report([change], e)
                else:
                    self._report([change], None)
            return
        except StoreError as e:
            if e.__cause__ is not None or self.store.read_only:  # a bug, or a file opened read-only: no retry helps
                self._report(batch, e)
                return
            self._retry = batch  # the disk, not the document: keep it and try again
            if self._on_waiting is not None:
                self._on_waiting(len({key for change in batch for key in _keys(change)}), e)
            return
        self._report(batch, None)
        if retrying and self._on_waiting is not None:
            self._on_waiting(0, None)

    def _commit_one(self, change: Change) -> None:
        if not (change.puts or change.deletes or change.settings):
            return  # nothing to write: the file (and its mtime, and the backup) stay as they are
        try:
            self.store.commit(puts=change.puts, deletes=change.deletes, settings=change.settings)
        except StoreError:
            raise
        except Exception as e:  # a bug must not kill the writer and lose later saves
            raise StoreError(f"Unexpected error while saving: {e!r}") from e

    def _report(self, changes: list[Change], error: StoreError | None) -> None:
        for change in changes:
            with self._waiting_lock:
                self._waiting.subtract(_keys(change))
                self._waiting = +self._waiting  # drop the zeros
            self._on_result(change, error)


def _keys(change: Change) -> list[tuple[type[BaseModel], str]]:
    return [(type(doc), doc.id) for doc in change.puts] + list(change.deletes)  # type: ignore[attr-defined]


def _merged_or_error(batch: list[Change]) -> Change:
    try:
        return merged(batch)
    except Exception as e:  # a bug must not kill the writer: the changes then go one by one
        raise InvalidDocument(f"Could not combine the waiting changes: {e!r}") from e


def merged(batch: list[Change]) -> Change:
    """The changes as one, in order: a later put or delete of a document replaces an earlier one."""
    if len(batch) == 1:
        return batch[0]
    docs: dict[tuple[type[BaseModel], str], BaseModel | None] = {}
    settings: dict[str, Any] = {}
    for change in batch:
        for doc in change.puts:
            key = (type(doc), doc.id)  # type: ignore[attr-defined]
            docs.pop(key, None)  # re-insert: the last change decides the order too
            docs[key] = doc
        for cls, doc_id in change.deletes:
            docs.pop((cls, doc_id), None)
            docs[(cls, doc_id)] = None
        settings.update(change.settings)
    return Change(
        puts=[doc for doc in docs.values() if doc is not None],
        deletes=[key for key, doc in docs.items() if doc is None],
        settings=settings,
    )
