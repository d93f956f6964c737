"""The only code that touches the DB file: TinyDB over an atomic, locked, cached storage.

Why not TinyDB's stock ``JSONStorage``: it writes in place (a crash tears the file), two
processes lose each other's updates and reuse doc_ids, and its query cache goes stale. Here:

- the parsed data lives in memory and reads never touch the disk;
- every change is one transaction: take the file lock, re-read if the file changed (inode,
  mtime or size), apply, then write a temp file, fsync, ``os.replace``, fsync the folder;
- ids are UUIDs inside the documents, so two processes never clash on an id;
- a file that cannot be parsed, is foreign, or comes from a newer coplan is never written;
- before the first write of each run the previous good file is copied to ``backups/``.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
import json
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import takewhile
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import filelock
from pydantic import BaseModel, ValidationError
from tinydb import TinyDB
from tinydb.storages import Storage

from ..domain.errors import describe
from ..domain.merge import BOOKKEEPING, field_name, merge_documents
from ..domain.models import LessonPlan, Partnership, ResourceRequest, Session, SessionTemplate, Todo
from .atomic import PRIVATE_FILE, Signature, atomic_write, ensure_private_dir, signature
from .backups import backup_dir, make_backup
from .encoded import EncodedTable
from .errors import InvalidDocument, NotFound, StoreError, UnreadableFile, WriteFailed
from .raw import parse_file
from .schema import SchemaProblem, empty_data

M = TypeVar("M", bound=BaseModel)

TABLE_OF: dict[type[BaseModel], str] = {
    Partnership: "partnerships",
    SessionTemplate: "templates",
    Session: "sessions",
    Todo: "todos",
    LessonPlan: "plans",
    ResourceRequest: "requests",
}
SETTINGS = "settings"
LOCK_TIMEOUT_S = 15.0
CHANGE_LOG = 10_000
HISTORY = 512
"""Earlier revisions replaced by another process, kept so a save made from one merges with the
newer copy (a window's own earlier saves are kept apart, in ``_handed``)."""


@dataclass
class _Handed:
    """What this process last saved of a document, so its next save merges right."""

    based_on: int
    """The revision the window's copy was read at."""
    ours: dict[str, Any]
    """The document as the window handed it in, before any merge: what the window believes
    the document is, and so the base of its next save from the same copy."""
    written: int
    """The revision it became."""
    changed: dict[str, Any]
    """The fields it changed, for telling the window when another one replaces them."""


class Notice:
    """Another window replaced a value this window had saved: what, in which document, by whom."""

    def __init__(self, what: str, field: str, by: str | None, value: Any):
        self.what, self.field, self.by, self.value = what, field, by, value

    def __str__(self) -> str:
        who = self.by or "Someone in another window"
        return f"{who} changed {field_name(self.field)} of {self.what!r} after you (your value was replaced)."


def _now() -> datetime:
    return datetime.now().astimezone()


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _dumps(value: Any) -> bytes:
    return _ENCODER.encode(value).encode("utf-8")


class _MemoryStorage(Storage):
    """TinyDB storage over the dict the store already parsed; the store does the disk I/O."""

    def __init__(self, data: dict[str, Any]):
        self.data = data

    def read(self) -> dict[str, Any]:
        return self.data

    def write(self, data: dict[str, Any]) -> None:
        self.data = data


def validate_documents(data: dict[str, Any]) -> dict[str, dict[str, BaseModel]]:
    """Validate every document; return table -> id -> model, or raise SchemaProblem."""
    models: dict[str, dict[str, BaseModel]] = {}
    for cls, table in TABLE_OF.items():
        parsed: dict[str, BaseModel] = {}
        for doc_id, doc in data.get(table, {}).items():
            try:
                model = cls.model_validate(doc)
            except ValidationError as e:
                raise SchemaProblem(f"document {doc_id} in {table} is invalid: {describe(e)}") from None
            if model.id in parsed:  # type: ignore[attr-defined]
                raise SchemaProblem(f"two documents in {table} share the id {model.id}")  # type: ignore[attr-defined]
            parsed[model.id] = model  # type: ignore[attr-defined]
        models[table] = parsed
    return models


class Store:
    """Typed repository over one coplan DB file. Thread-safe; safe across processes."""

    def __init__(self, path: Path | str, *, clock: Callable[[], datetime] = _now, create: bool = True):
        self.path = Path(path).expanduser().absolute()
        self.clock = clock
        self._mutex = threading.RLock()
        """Guards the in-memory data; held briefly, never across disk I/O, so UI reads never wait on the disk."""
        self._writer = threading.Lock()
        """Serialises this process's writers and reloads; taken before the file lock."""
        self._lock = self.lock_for(self.path)
        self._backed_up = False
        self._sig: Signature | None = None
        self._db: TinyDB
        self._ids: dict[str, dict[str, int]] = {}
        self._models: dict[str, dict[str, BaseModel]] = {}
        self._encoded: dict[str, EncodedTable] = {}
        """Each table as JSON pieces, so a write re-encodes only what changed."""
        self._dirty: set[tuple[str, str]] = set()
        self.generation = 0
        """Bumped on every change, ours or another process's; views compare it to refresh."""
        self._changes: deque[tuple[int, str, str]] = deque(maxlen=CHANGE_LOG)
        """(generation, table, id) of this process's recent changes, so a view can catch up on what changed."""
        self._loaded_at = 0
        """The generation of the last full load: nothing older can be caught up on."""
        self._complete_after = 0
        """The log holds every change made after this generation (older ones fell off its end)."""
        self.read_only = False
        """Opened where no lock file can be made: every write is refused with a clear message."""
        self.user: str | None = None
        """Who is saving (the person's name); stored as each document's ``updated_by``."""
        self._history: dict[tuple[str, str, int], dict[str, Any]] = {}
        """(table, id, rev) -> that revision of the document, oldest first, at most HISTORY."""
        self._handed: dict[tuple[str, str], _Handed] = {}
        self._notices: list[Notice] = []
        self.loads = 0
        """Counts the times the file was read (another process wrote it): a view that sees it
        change after its own save knows the save was merged with someone else's."""
        ensure_private_dir(self.path.parent)
        with self._writer:
            if not self.path.exists():
                if not create:
                    raise StoreError(f"There is no coplan database at {self.path}.")
                with self._locked():
                    if not self.path.exists():
                        self._install(empty_data(), None)
                        self._write(self._encode())
            if self._sig is None:
                try:
                    with self._locked():
                        self._load()
                except WriteFailed as e:
                    if e.cause.errno not in (errno.EROFS, errno.EACCES, errno.EPERM):
                        raise
                    # Read-only media or someone else's folder: no lock file, so no writes,
                    # but the pair can still read their plans and to-dos.
                    self._load()
                    self.read_only = True

    @staticmethod
    def lock_for(path: Path) -> filelock.FileLock:
        """The one lock every process takes around a read-modify-write of ``path``."""
        return filelock.FileLock(str(path) + ".lock", timeout=LOCK_TIMEOUT_S, mode=PRIVATE_FILE)

    # --- loading -------------------------------------------------------------------

    @property
    def backups(self) -> Path:
        return backup_dir(self.path)

    def _unreadable(self, reason: str) -> UnreadableFile:
        return UnreadableFile(self.path, reason, self.backups)

    def _remove_stale_temps(self) -> None:
        """Temp files left by a writer that died; safe to remove while we hold the lock."""
        for tmp in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            try:
                tmp.unlink()
            except OSError:
                pass

    def _load(self) -> None:
        self.loads += 1
        self._remove_stale_temps()
        try:
            sig = signature(self.path)
            raw = self.path.read_bytes()
        except FileNotFoundError:
            raise self._unreadable("the file disappeared") from None
        except OSError as e:
            raise self._unreadable(f"it cannot be read ({e.strerror})") from None
        try:
            data = parse_file(raw)
            models = validate_documents(data)
        except SchemaProblem as e:
            raise self._unreadable(str(e)) from None
        with self._mutex:
            self._install(data, sig, models)

    def _install(self, data: dict[str, Any], sig: Signature | None, models: dict[str, dict[str, BaseModel]] | None = None) -> None:
        if self._sig is not None or getattr(self, "_db", None) is not None:
            self._remember_replaced(data)
        self._db = TinyDB(storage=_MemoryStorage, data=data)
        self._sig = sig
        self._encoded = {}
        self._dirty = set()
        self._models = models if models is not None else {t: {} for t in TABLE_OF.values()}
        self._ids = {
            table: {doc.get("id"): int(doc_id) for doc_id, doc in data.get(table, {}).items()}
            for table in (*TABLE_OF.values(), SETTINGS)
        }
        self.generation += 1
        self._loaded_at = self.generation
        self._changes.clear()
        self._complete_after = 0

    def _remember_replaced(self, fresh: dict[str, Any]) -> None:
        """Keep the revisions another process just replaced (a save from one of them must
        merge with the new copy), and note the values this window saved that were replaced."""
        old_data = self._data
        for table in TABLE_OF.values():
            old_docs = {d.get("id"): d for d in old_data.get(table, {}).values()}
            if not old_docs:
                continue
            for doc in fresh.get(table, {}).values():
                before = old_docs.get(doc.get("id"))
                if before is not None and before.get("rev", 0) != doc.get("rev", 0):
                    self._keep(table, before)
        for (table, doc_id), handed in list(self._handed.items()):
            doc = next((d for d in fresh.get(table, {}).values() if d.get("id") == doc_id), None)
            if doc is None or doc.get("rev", 0) <= handed.written:
                continue
            for field, value in handed.changed.items():
                if doc.get(field) != value and field not in BOOKKEEPING and field != "steps":
                    what = doc.get("title") or doc.get("name") or table.rstrip("s")
                    self._notices.append(Notice(str(what), field, doc.get("updated_by"), doc.get(field)))
            handed.changed = {}  # told once

    def _keep(self, table: str, doc: dict[str, Any]) -> None:
        self._history[(table, doc.get("id"), doc.get("rev", 0))] = doc
        while len(self._history) > HISTORY:
            del self._history[next(iter(self._history))]

    def take_notices(self) -> list[Notice]:
        """Values this window saved that another window replaced since (said once each)."""
        with self._mutex:
            notices, self._notices = self._notices, []
        return notices

    @property
    def _data(self) -> dict[str, Any]:
        return self._db.storage.data  # type: ignore[attr-defined]

    def reload_if_changed(self) -> bool:
        """Re-read the file if another process changed it. Returns whether it did."""
        if signature(self.path) == self._sig:
            return False
        if self.read_only:
            with self._writer:
                self._load()
            return True
        with self._writer, self._locked():
            if signature(self.path) == self._sig:
                return False
            self._load()
            return True

    @contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            self._lock.acquire()
        except filelock.Timeout:
            raise StoreError(
                f"Another program has held the lock on {self.path} for {LOCK_TIMEOUT_S:.0f} s; try again."
            ) from None
        except OSError as e:  # e.g. a read-only folder: the lock file cannot be opened
            raise WriteFailed(self.path, e) from None
        try:
            yield
        finally:
            self._lock.release()

    # --- reading (memory only) -----------------------------------------------------

    def all(self, cls: type[M]) -> list[M]:
        with self._mutex:
            return list(self._table_models(cls).values())  # type: ignore[arg-type]

    def changed_since(self, cls: type[BaseModel], generation: int) -> set[str] | None:
        """Ids of ``cls`` documents put or deleted after ``generation``; None when a reload or
        a long gap means anything may have changed, and the caller must look at everything."""
        table = TABLE_OF[cls]
        with self._mutex:
            if generation < max(self._loaded_at, self._complete_after):
                return None
            recent = takewhile(lambda change: change[0] > generation, reversed(self._changes))
            return {doc_id for _, t, doc_id in recent if t == table}

    def get(self, cls: type[M], doc_id: str) -> M | None:
        with self._mutex:
            return self._table_models(cls).get(doc_id)  # type: ignore[return-value]

    def find(self, cls: type[M], prefix: str) -> M:
        """The one document whose id starts with ``prefix``."""
        prefix = prefix.strip().lower()
        if not prefix:
            raise NotFound("Give an id (or the first characters of one).")
        with self._mutex:
            matches = [m for i, m in self._table_models(cls).items() if i.startswith(prefix)]
        kind = TABLE_OF[cls].rstrip("s")
        if not matches:
            raise NotFound(f"No {kind} has an id starting with {prefix!r}.")
        if len(matches) > 1:
            raise NotFound(f"{len(matches)} {kind}s have ids starting with {prefix!r}; type more of the id.")
        return matches[0]  # type: ignore[return-value]

    def count(self, cls: type[BaseModel]) -> int:
        with self._mutex:
            return len(self._data.get(TABLE_OF[cls], {}))

    def _table_models(self, cls: type[BaseModel]) -> dict[str, BaseModel]:
        table = TABLE_OF[cls]
        models = self._models.setdefault(table, {})
        raw = self._data.get(table, {})
        if len(models) != len(raw):
            models.clear()
            for doc in raw.values():
                model = cls.model_validate(doc)
                models[model.id] = model  # type: ignore[attr-defined]
        return models

    def setting(self, key: str, default: Any = None) -> Any:
        with self._mutex:
            doc_id = self._ids.get(SETTINGS, {}).get(key)
            if doc_id is None:
                return default
            return self._data[SETTINGS][str(doc_id)].get("value", default)

    # --- writing ---------------------------------------------------------------------

    def put(self, *docs: BaseModel) -> None:
        self.commit(puts=docs)

    def delete(self, cls: type[BaseModel], *doc_ids: str) -> None:
        self.commit(deletes=[(cls, i) for i in doc_ids])

    def set_setting(self, key: str, value: Any) -> None:
        self.commit(settings={key: value})

    def commit(
        self,
        puts: Iterable[BaseModel] = (),
        deletes: Iterable[tuple[type[BaseModel], str]] = (),
        settings: dict[str, Any] | None = None,
    ) -> None:
        """Apply puts, deletes and settings as one durable write, or none of them."""
        if self.read_only:
            raise WriteFailed(self.path, OSError(errno.EROFS, "it was opened read-only (no lock file can be made there)"))
        puts = [self._validated(d) for d in puts]
        deletes = list(deletes)
        with self._writer, self._locked():
            if signature(self.path) != self._sig:
                self._load()
            try:
                with self._mutex:
                    puts = self._revised(puts)
                    self._check_links(puts, {doc_id for cls, doc_id in deletes if cls is Partnership})
                    self._apply(puts, deletes, settings or {})
                    payload = self._encode()
                self._write(payload)  # readers go on meanwhile: memory already holds the change
            except BaseException:
                self._sig = None  # memory may hold the failed change: re-read the file
                try:
                    self._load()
                except StoreError:
                    pass
                raise

    def _revised(self, puts: list[BaseModel]) -> list[BaseModel]:
        """Each put with its next revision. One saved from a copy older than the file's is
        merged field by field with it (``domain.merge``); its base is what this window last
        handed in from that copy, or else the revision the copy was read at."""
        revised = []
        for doc in puts:
            table = TABLE_OF[type(doc)]
            key = (table, doc.id)  # type: ignore[attr-defined]
            ours = doc.model_dump(mode="json")
            read_at = ours.get("rev", 0)
            current = self._raw(table, doc.id)  # type: ignore[attr-defined]
            merged, rev = ours, read_at
            if current is not None:
                rev = current.get("rev", 0)
                if rev > read_at:
                    handed = self._handed.get(key)
                    base = handed.ours if handed is not None and handed.based_on == read_at else self._history.get((table, doc.id, read_at))  # type: ignore[attr-defined]
                    merged, _conflicts = merge_documents(base, ours, current)
                self._keep(table, current)
            changed = {k: v for k, v in merged.items() if current is None or current.get(k) != v}
            self._handed[key] = _Handed(read_at, ours, rev + 1, changed)
            try:
                revised.append(type(doc).model_validate({**merged, "rev": rev + 1, "updated_by": self.user}))
            except ValidationError as e:
                raise InvalidDocument(describe(e)) from None
        return revised

    def _raw(self, table: str, doc_id: str) -> dict[str, Any] | None:
        index = self._ids.get(table, {}).get(doc_id)
        return None if index is None else self._data.get(table, {}).get(str(index))

    def _validated(self, doc: BaseModel) -> BaseModel:
        if type(doc) not in TABLE_OF:
            raise TypeError(f"the store keeps no {type(doc).__name__}")
        try:
            return type(doc).model_validate(doc.model_dump(mode="json"))
        except ValidationError as e:
            raise InvalidDocument(describe(e)) from None

    def _check_links(self, puts: list[BaseModel], deleted_partnerships: set[str]) -> None:
        partnerships = {p.id: p for p in puts if isinstance(p, Partnership)}
        for doc in puts:
            if isinstance(doc, Todo | Session | LessonPlan | ResourceRequest):
                partnership = partnerships.get(doc.partnership_id)
                if partnership is None and doc.partnership_id not in deleted_partnerships:
                    partnership = self.get(Partnership, doc.partnership_id)
                if partnership is None:
                    raise InvalidDocument("it belongs to a partnership that does not exist")
                if isinstance(doc, Todo):
                    try:
                        partnership.check_owner(doc.owner)
                    except ValueError as e:
                        raise InvalidDocument(str(e)) from None

    def _apply(self, puts: list[BaseModel], deletes: list[tuple[type[BaseModel], str]], settings: dict[str, Any]) -> None:
        by_table: dict[str, dict[str, Any]] = {}
        for doc in puts:
            by_table.setdefault(TABLE_OF[type(doc)], {})[doc.id] = doc  # type: ignore[attr-defined]
        for key, value in settings.items():
            by_table.setdefault(SETTINGS, {})[key] = {"id": key, "value": value}
        for table, docs in by_table.items():
            # Bring the model cache in line with the raw table before the raw table changes.
            models = None if table == SETTINGS else self._table_models(type(next(iter(docs.values()))))
            ids = self._ids.setdefault(table, {})
            raw = {i: (d if isinstance(d, dict) else d.model_dump(mode="json")) for i, d in docs.items()}
            existing = [ids[i] for i in raw if i in ids]
            tinytable = self._db.table(table)
            if existing:
                # Replace existing documents in TinyDB's table dict directly: Table.update
                # rebuilds the whole table twice per call, which on 50,000 to-dos costs more
                # than the write itself, and every autosave and toggle is an update.
                table_docs = self._data.setdefault(table, {})
                for uuid, doc in raw.items():
                    if uuid in ids:
                        table_docs[str(ids[uuid])] = doc
                tinytable.clear_cache()
                self._dirty.update((table, str(ids[i])) for i in raw if i in ids)
            fresh = [i for i in raw if i not in ids]
            if fresh:
                new_ids = tinytable.insert_multiple(raw[i] for i in fresh)
                ids.update(zip(fresh, new_ids))
                self._dirty.update((table, str(i)) for i in new_ids)
            if models is not None:
                models.update(docs)
        gone: dict[str, list[str]] = {}
        for cls, doc_id in deletes:
            gone.setdefault(TABLE_OF[cls], []).append(doc_id)
        for table, doc_ids in gone.items():
            ids = self._ids.get(table, {})
            present = [i for i in doc_ids if i in ids]
            if not present:
                continue
            removed = [ids[i] for i in present]
            self._db.table(table).remove(doc_ids=removed)
            self._dirty.update((table, str(i)) for i in removed)
            for i in present:
                del ids[i]
                self._models.get(table, {}).pop(i, None)
        self.generation += 1
        self._log([(TABLE_OF[type(d)], d.id) for d in puts] + [(TABLE_OF[cls], doc_id) for cls, doc_id in deletes])  # type: ignore[attr-defined]

    def _log(self, changed: list[tuple[str, str]]) -> None:
        for table, doc_id in changed:
            if len(self._changes) == self._changes.maxlen:
                self._complete_after = self._changes[0][0]  # that generation's entries are no longer whole
            self._changes.append((self.generation, table, doc_id))

    def _encode(self) -> tuple[list[list[bytes]], int]:
        """The whole file as pieces for ``os.writev``, and its size in bytes.

        Only documents changed since the last write are encoded again, and each table's
        pieces are patched in place (see ``encoded.py``): nothing here loops over every
        document, so a save on a big file holds the GIL the UI thread needs for microseconds.
        """
        for table, doc_id in self._dirty:
            encoded = self._encoded.get(table)
            if encoded is None:
                continue  # encoded whole below
            doc = self._data.get(table, {}).get(doc_id)
            if doc is None:
                encoded.remove(doc_id)
            else:
                encoded.put(doc_id, _dumps(doc_id) + b":" + _dumps(doc))
        self._dirty.clear()
        parts: list[list[bytes]] = [[b"{"]]
        size = 2
        for n, (table, docs) in enumerate(self._data.items()):
            encoded = self._encoded.get(table)
            if encoded is None:
                encoded = self._encoded[table] = EncodedTable.encode(docs, _dumps)
            head = (b"," if n else b"") + _dumps(table) + b":{"
            parts += [[head], encoded.pieces, [b"}"]]
            size += len(head) + encoded.size + 1
        parts.append([b"}"])
        return parts, size

    def _write(self, payload: tuple[list[list[bytes]], int]) -> None:
        try:
            if not self._backed_up and self._sig is not None:
                make_backup(self.path, self.clock())
            self._backed_up = True
            self._sig = atomic_write(self.path, *payload)
        except OSError as e:
            raise WriteFailed(self.path, e) from None


__all__ = ["Store", "TABLE_OF", "parse_file", "validate_documents"]
