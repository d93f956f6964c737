"""The UI's door to the store: every disk operation runs off the UI thread, in order.

Two steps. *Stage*, on the UI thread: the store checks the change and shows it at once to
every read (``store/staged.py``), so a refusal reaches the user at the key that caused it and
no screen ever shows an older copy over its own edit. *Persist*, on one writer thread that
takes changes from a queue in order: it writes them, and the store then shows them from the
file's copy. The UI never waits on the disk.

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
    seq: int = 0
    """Its number in the store's staging area (0: not staged)."""


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
        self._thread = threading.Thread(target=self._run, name="coplan-writer", daemon=True)
        self._thread.start()

    def save(self, *docs: BaseModel) -> bool:
        return self.submit(Change(puts=list(docs)))

    def delete(self, cls: type[BaseModel], ids: Iterable[str]) -> bool:
        return self.submit(Change(deletes=[(cls, i) for i in ids]))

    def set_setting(self, key: str, value: Any) -> bool:
        return self.submit(Change(settings={key: value}))

    def submit(self, change: Change) -> bool:
        """Stage the change (every read shows it from now on) and queue it for the disk.

        Each put equal to what the store shows already (an editor opened and saved untouched)
        is left out, and a change left with nothing to do is not queued: the file, its mtime
        and its backup stay as they were. Whether the change stands: one the store refuses
        is reported at once through ``on_result``, and never queued."""
        change.puts = [doc for doc in change.puts if not self._unchanged(doc)]
        if not (change.puts or change.deletes or change.settings):
            return True
        try:
            change.seq = self.store.stage(change.puts, change.deletes, change.settings)
        except StoreError as e:
            self._on_result(change, e)
            return False
        self._queue.put(change)
        return True

    def _unchanged(self, doc: BaseModel) -> bool:
        """Equal to the store's copy as this window sees it, staged edits included
        (``Doc.__eq__`` leaves out ``rev`` and ``updated_by``): an edit still on its way that
        differs makes this put differ too, so it is written after it."""
        try:
            current = self.store.get(type(doc), getattr(doc, "id", ""))
        except Exception:  # a type the store does not keep: let the store say so
            return False
        return current is not None and current == doc

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
        batch = self._retry + batch  # they stay in _retry until they land: unsaved() must see them meanwhile
        if not batch:
            return
        try:
            self._commit_one(_merged_or_error(batch))
        except InvalidDocument as e:
            self._retry = []
            if len(batch) == 1:
                self._refused(batch, e)
                return
            for change in batch:
                try:
                    self._commit_one(change)
                except StoreError as e:
                    self._refused([change], e)
                else:
                    self._report([change], None)
            return
        except StoreError as e:
            if e.__cause__ is not None or self.store.read_only:  # a bug, or a file opened read-only: no retry helps
                self._retry = []
                self._refused(batch, e)
                return
            self._retry = batch  # the disk, not the document: keep it and try again
            if self._on_waiting is not None:
                self._on_waiting(len({key for change in batch for key in _keys(change)}), e)
            return
        self._retry = []
        self._report(batch, None)
        if retrying and self._on_waiting is not None:
            self._on_waiting(0, None)

    def _commit_one(self, change: Change) -> None:
        try:
            self.store.commit(puts=change.puts, deletes=change.deletes, settings=change.settings, through=change.seq or None)
        except StoreError:
            raise
        except Exception as e:  # a bug must not kill the writer and lose later saves
            raise StoreError(f"Unexpected error while saving: {e!r}") from e

    def _refused(self, changes: list[Change], error: StoreError) -> None:
        """These will never land: the store stops showing them, and the user is told."""
        for change in changes:
            if change.seq:
                self.store.unstage(change.seq)
        self._report(changes, error)

    def _report(self, changes: list[Change], error: StoreError | None) -> None:
        for change in changes:
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
        seq=max(change.seq for change in batch),
    )
