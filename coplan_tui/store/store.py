"""The only code that touches the DB file: TinyDB's JSON format, atomic, locked and cached.

Why not TinyDB's stock ``JSONStorage``: it writes in place (a crash tears the file), two
processes lose each other's updates and reuse doc_ids, and its query cache goes stale. Here:

- the validated documents live in memory, one copy each (``tables.py``), and reads never
  touch the disk; inserts and deletes cost the same whatever a table's size;
- every change is one transaction: take the file lock, re-read if the file changed (inode,
  mtime or size), apply, then write a temp file, fsync, ``os.replace``, fsync the folder;
- ids are UUIDs inside the documents, so two processes never clash on an id;
- a file that cannot be parsed, is foreign, or comes from a newer coplan is never written;
- before the first write of each run the previous good file is copied to ``backups/``.
"""

from __future__ import annotations

import errno
import gc
from dataclasses import dataclass
import glob
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

from ..domain.errors import describe
from ..domain.merge import BOOKKEEPING, field_name, merge_documents
from ..domain.models import LessonPlan, Partnership, ResourceRequest, Session, SessionTemplate, Todo
from .atomic import PRIVATE_FILE, Signature, atomic_write, ensure_private_dir, real_path, signature
from .backups import backup_dir, make_backup
from .encoded import EncodedTable, dumps, entry
from .errors import WHERE, BadDbPath, InvalidDocument, NotFound, StoreError, UnreadableFile, WriteFailed, check_db_path, no_database
from .raw import parse_file
from .scan import as_text, scan_file
from .staged import DELETED, Staged, overlaid
from .schema import SchemaProblem, empty_data
from .tables import Table, dump, model_table, plain_table

M = TypeVar("M", bound=BaseModel)

TABLE_OF: dict[type[BaseModel], str] = {
    Partnership: "partnerships",
    SessionTemplate: "templates",
    Session: "sessions",
    Todo: "todos",
    LessonPlan: "plans",
    ResourceRequest: "requests",
}
MODEL_OF: dict[str, type[BaseModel]] = {table: cls for cls, table in TABLE_OF.items()}
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
    """Another window replaced a value this window had saved: what, in which document, by whom.

    Or a delete and a save crossed: a save from a copy opened before another window deleted
    the document puts it back (nothing typed is lost), and both windows are told: ``BACK``
    to the one whose save brought it back, ``REVIVED`` to the one that had deleted it."""

    BACK = "deleted meanwhile"
    REVIVED = "saved after your delete"

    def __init__(self, what: str, field: str, by: str | None, value: Any, key: tuple[str, str] | None = None):
        self.what, self.field, self.by, self.value, self.key = what, field, by, value, key

    def __str__(self) -> str:
        who = self.by or "Someone in another window"
        if self.field == Notice.BACK:
            return f"{self.what!r} was deleted in another window while you had it open; your save brought it back. Delete it again if it should go."
        if self.field == Notice.REVIVED:
            return f"{who} saved {self.what!r} after you deleted it, so it is back."
        return f"{who} changed {field_name(self.field)} of {self.what!r} after you (your value was replaced)."


def _what(table: str, doc: dict[str, Any]) -> str:
    """A document as a notice names it."""
    return str(doc.get("title") or doc.get("name") or table.rstrip("s"))


def _now() -> datetime:
    return datetime.now().astimezone()


@contextmanager
def _no_gc() -> Iterator[None]:
    """A load makes a million objects and no cycles: the collector would walk them all again
    and again as they come (about 0.1 s at 50,000 to-dos)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def load_tables(data: dict[str, Any]) -> dict[str, Table]:
    """Validate every document of parsed ``data`` (emptying it as it goes); raise SchemaProblem."""
    cls_of = {table: cls for cls, table in TABLE_OF.items()}
    tables = {}
    for name, docs in data.items():
        cls = cls_of.get(name)
        tables[name] = plain_table(docs) if cls is None else model_table(name, cls, docs)
    for name in cls_of:
        tables.setdefault(name, Table())
    return tables


def validate_documents(data: dict[str, Any]) -> dict[str, dict[str, BaseModel]]:
    """Validate every document; return table -> id -> model, or raise SchemaProblem."""
    tables = load_tables(data)
    return {table: tables[table].docs for table in TABLE_OF.values()}


class Store:
    """Typed repository over one coplan DB file. Thread-safe; safe across processes."""

    def __init__(
        self,
        path: Path | str,
        *,
        clock: Callable[[], datetime] = _now,
        create: bool = True,
        lazy: bool = False,
        count_only: bool = False,
    ):
        """``lazy``: parse each table when it is first needed (a command that needs a few),
        not all of them at load (the app, which shows them all): see ``unread.py``.

        ``count_only``: validate every document as a load does, then keep none of them; the
        store can count them and do nothing else, and writes nothing (``coplan check``)."""
        self.path = real_path(Path(path).expanduser().absolute())
        """The file itself: a symlinked path is written through to its target, which is also what is locked."""
        self.clock = clock
        self._lazy = lazy
        self._count_only = count_only
        self._mutex = threading.RLock()
        """Guards the in-memory data; held briefly, never across disk I/O, so UI reads never wait on the disk."""
        self._writer = threading.Lock()
        """Serialises this process's writers and reloads; taken before the file lock."""
        self._lock = self.lock_for(self.path)
        self._backed_up = False
        self._sig: Signature | None = None
        self._tables: dict[str, Table] = {}
        self._encoded: dict[str, EncodedTable] = {}
        """Each table as JSON pieces, so a write re-encodes only what changed."""
        self._dirty: dict[tuple[str, str], Any] = {}
        """(table, TinyDB key) -> the document to encode again, or None when it was removed."""
        self.generation = 0
        """Bumped on every change, ours or another process's; views compare it to refresh."""
        self._changes: deque[tuple[int, str, str]] = deque(maxlen=CHANGE_LOG)
        """(generation, table, id) of this process's recent changes, so a view can catch up on what changed."""
        self._loaded_at = 0
        """The generation of the last full load: nothing older can be caught up on."""
        self._complete_after = 0
        """The log holds every change made after this generation (older ones fell off its end)."""
        self.read_only = count_only
        """Opened where no lock file can be made (or only to count): every write is refused with a clear message."""
        self.user: str | None = None
        """Who is saving (the person's name); stored as each document's ``updated_by``."""
        self._history: dict[tuple[str, str, int], dict[str, Any]] = {}
        """(table, id, rev) -> that revision of the document, oldest first, at most HISTORY."""
        self._handed: dict[tuple[str, str], _Handed] = {}
        self._notices: list[Notice] = []
        self._deleted_here: set[tuple[str, str]] = set()
        """Documents this window deleted: one that comes back is news; its own undo is not."""
        self._staged = Staged()
        """This window's edits on their way to the disk; every read sees them (``staged.py``)."""
        self.loads = 0
        """Counts the times the file was read (another process wrote it): a view that sees it
        change after its own save knows the save was merged with someone else's."""
        check_db_path(self.path)
        if not create and not self.path.exists():
            raise no_database(self.path)
        try:
            ensure_private_dir(self.path.parent)
        except OSError as e:
            raise BadDbPath(f"Cannot make the folder {self.path.parent} ({e.strerror}); {WHERE}.") from None
        with self._writer:
            if not self.path.exists():
                if not create:
                    raise no_database(self.path)
                with self._locked():
                    if not self.path.exists():
                        self._install(load_tables(empty_data()), None)
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
        for tmp in self.path.parent.glob(f".{glob.escape(self.path.name)}.*.tmp"):
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
        text = as_text(raw)
        lazy = (raw, self._unreadable) if self._lazy else None
        del raw  # the text is the one copy of the file while it loads (the tables left unread keep it)
        with _no_gc():
            scanned = scan_file(text, MODEL_OF, lazy, keep=not self._count_only)
        del lazy
        if scanned is not None:
            tables, encoded = scanned
        else:
            try:
                tables, encoded = load_tables(parse_file(text.encode("latin-1"))), {}
            except SchemaProblem as e:
                raise self._unreadable(str(e)) from None
        del text
        with self._mutex:
            self._install(tables, sig, encoded)

    def _install(self, tables: dict[str, Table], sig: Signature | None, encoded: dict[str, EncodedTable] | None = None) -> None:
        if getattr(self, "_tables", None) is not None:
            self._remember_replaced(tables)
        self._tables = tables
        self._sig = sig
        self._encoded = encoded or {}
        self._dirty = {}
        self.generation += 1
        self._loaded_at = self.generation
        self._changes.clear()
        self._complete_after = 0

    def _remember_replaced(self, fresh: dict[str, Table]) -> None:
        """Keep the revisions another process just replaced (a save from one of them must
        merge with the new copy), and note the values this window saved that were replaced."""
        for table in TABLE_OF.values():
            old = self._tables.get(table)
            if old is None or old.unread is not None or not old.docs or table not in fresh:
                continue  # a table never read here holds no copy a save could be based on
            old_docs = old.docs
            for doc_id, doc in fresh[table].docs.items():
                before = old_docs.get(doc_id)
                if before is not None and getattr(before, "rev", 0) != getattr(doc, "rev", 0):
                    self._keep(table, dump(before))
        for table, doc_id in list(self._deleted_here):
            back = fresh[table].get(doc_id) if table in fresh else None
            if back is not None and (table not in self._tables or self._tables[table].get(doc_id) is None):
                doc = dump(back)
                self._notices.append(Notice(_what(table, doc), Notice.REVIVED, doc.get("updated_by"), None))
                self._deleted_here.discard((table, doc_id))
        for (table, doc_id), handed in list(self._handed.items()):
            found = fresh[table].get(doc_id) if table in fresh else None
            doc = dump(found) if found is not None else None
            if doc is None or doc.get("rev", 0) <= handed.written:
                continue
            for field, value in handed.changed.items():
                if doc.get(field) != value and field not in BOOKKEEPING and field != "steps":
                    self._notices.append(Notice(_what(table, doc), field, doc.get("updated_by"), doc.get(field), (table, doc_id)))
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

    def raw_tables(self) -> dict[str, Any]:
        """The data as the file holds it (plain dicts under TinyDB keys), built afresh."""
        with self._mutex:
            return {name: table.raw() for name, table in self._tables.items()}

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
            return list(self._table_models(cls).values())

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
            staged, doc = self._staged.lookup(TABLE_OF[cls], doc_id)
            return doc if staged else self._committed(cls, doc_id)

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
            return len(self._table_models(cls))

    def _table_models(self, cls: type[BaseModel]) -> dict[str, Any]:
        """What the window sees of a table: the file's copy with its own staged edits on top."""
        name = TABLE_OF[cls]
        return overlaid(self._table(name).docs, self._staged.of(name))

    def _table(self, name: str) -> Table:
        table = self._tables.get(name)
        if table is None:
            table = self._tables[name] = Table()
        return table

    def setting(self, key: str, default: Any = None) -> Any:
        with self._mutex:
            staged, doc = self._staged.lookup(SETTINGS, key)
            if not staged:
                doc = self._table(SETTINGS).docs.get(key)
            return default if doc is None else doc.get("value", default)

    # --- writing ---------------------------------------------------------------------

    def put(self, *docs: BaseModel) -> None:
        self.commit(puts=docs)

    def delete(self, cls: type[BaseModel], *doc_ids: str) -> None:
        self.commit(deletes=[(cls, i) for i in doc_ids])

    def set_setting(self, key: str, value: Any) -> None:
        self.commit(settings={key: value})

    def stage(
        self,
        puts: Iterable[BaseModel] = (),
        deletes: Iterable[tuple[type[BaseModel], str]] = (),
        settings: dict[str, Any] | None = None,
    ) -> int:
        """Show a change at once, before the disk has it; its number for ``commit(through=)``.

        It is checked now (valid documents, links to a partnership, the owner a member), so a
        refusal reaches the user at the key that caused it; nothing touches the disk. Raises
        InvalidDocument, or WriteFailed for a file opened read-only."""
        self._refuse_if_read_only()
        puts = [self._validated(d) for d in puts]
        deletes = list(deletes)
        with self._mutex:
            self._check_links(puts, {doc_id for cls, doc_id in deletes if cls is Partnership}, self.get)
            changes = [(TABLE_OF[type(d)], d.id, d) for d in puts]  # type: ignore[attr-defined]
            changes += [(SETTINGS, key, {"id": key, "value": value}) for key, value in (settings or {}).items()]
            changes += [(TABLE_OF[cls], doc_id, DELETED) for cls, doc_id in deletes]
            self._deleted_here.update((TABLE_OF[cls], doc_id) for cls, doc_id in deletes)
            seq = self._staged.add(changes)
            self._changed([(table, doc_id) for table, doc_id, _ in changes])
            return seq

    def unstage(self, seq: int) -> None:
        """The change numbered ``seq`` will never land (the store refused it): stop showing it."""
        with self._mutex:
            self._changed(self._staged.drop(seq))

    def _changed(self, keys: list[tuple[str, str]]) -> None:
        if keys:
            self.generation += 1
            self._log(keys)

    def _refuse_if_read_only(self) -> None:
        if self.read_only:
            raise WriteFailed(self.path, OSError(errno.EROFS, "it was opened read-only (no lock file can be made there)"))

    def commit(
        self,
        puts: Iterable[BaseModel] = (),
        deletes: Iterable[tuple[type[BaseModel], str]] = (),
        settings: dict[str, Any] | None = None,
        through: int | None = None,
    ) -> None:
        """Apply puts, deletes and settings as one durable write, or none of them.

        ``through``: the change persists every change staged up to that number; once it is
        on disk they are no longer shown from the staging area but from the file's copy."""
        self._refuse_if_read_only()
        puts = [self._validated(d) for d in puts]
        deletes = list(deletes)
        with self._writer, self._locked():
            if signature(self.path) != self._sig:
                self._load()
            try:
                with self._mutex:
                    self._deleted_here.update((TABLE_OF[cls], doc_id) for cls, doc_id in deletes)
                    puts = self._revised(puts)
                    self._check_links(puts, {doc_id for cls, doc_id in deletes if cls is Partnership}, self._committed)
                    self._apply(puts, deletes, settings or {})
                    payload = self._encode()
                self._write(payload)  # readers go on meanwhile: memory already holds the change
                if through is not None:
                    with self._mutex:
                        self._changed(self._staged.drop_through(through))
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
            if current is None and read_at > 0:
                if key in self._deleted_here:
                    self._deleted_here.discard(key)  # our own delete, undone: no news, now or later
                else:
                    self._notices.append(Notice(_what(table, ours), Notice.BACK, None, None))
            if current is not None:
                rev = current.get("rev", 0)
                if rev > read_at:
                    handed = self._handed.get(key)
                    base = handed.ours if handed is not None and handed.based_on == read_at else self._history.get((table, doc.id, read_at))  # type: ignore[attr-defined]
                    merged = merge_documents(base, ours, current)
                self._keep(table, current)
            # A value of ours that another window replaced is news, unless this save puts ours back.
            self._notices = [n for n in self._notices if n.key != key or merged.get(n.field) != ours.get(n.field)]
            changed = {k: v for k, v in merged.items() if current is None or current.get(k) != v}
            self._handed[key] = _Handed(read_at, ours, rev + 1, changed)
            try:
                revised.append(type(doc).model_validate({**merged, "rev": rev + 1, "updated_by": self.user}))
            except ValidationError as e:
                raise InvalidDocument(describe(e)) from None
        return revised

    def _raw(self, table: str, doc_id: str) -> dict[str, Any] | None:
        doc = self._tables[table].get(doc_id) if table in self._tables else None
        return None if doc is None else dump(doc)

    def _validated(self, doc: BaseModel) -> BaseModel:
        if type(doc) not in TABLE_OF:
            raise TypeError(f"the store keeps no {type(doc).__name__}")
        try:
            return type(doc).model_validate(doc.model_dump(mode="json"))
        except ValidationError as e:
            raise InvalidDocument(describe(e)) from None

    def _committed(self, cls: type[M], doc_id: str) -> M | None:
        """The file's copy, without this window's staged edits."""
        return self._table(TABLE_OF[cls]).get(doc_id)  # type: ignore[return-value]

    def _check_links(self, puts: list[BaseModel], deleted_partnerships: set[str], get: Callable[..., Any]) -> None:
        """``get`` reads what the links must point to: what the window sees when staging, the
        file's copy when writing (a partnership deleted meanwhile by another process refuses)."""
        partnerships = {p.id: p for p in puts if isinstance(p, Partnership)}
        for doc in puts:
            if isinstance(doc, Todo | Session | LessonPlan | ResourceRequest):
                partnership = partnerships.get(doc.partnership_id)
                if partnership is None and doc.partnership_id not in deleted_partnerships:
                    partnership = get(Partnership, doc.partnership_id)
                if partnership is None:
                    raise InvalidDocument("it belongs to a partnership that does not exist")
                if isinstance(doc, Todo):
                    try:
                        partnership.check_owner(doc.owner)
                    except ValueError as e:
                        raise InvalidDocument(str(e)) from None

    def _apply(self, puts: list[BaseModel], deletes: list[tuple[type[BaseModel], str]], settings: dict[str, Any]) -> None:
        dirty = self._dirty
        for doc in puts:
            name = TABLE_OF[type(doc)]
            dirty[(name, self._table(name).put(doc.id, doc))] = doc  # type: ignore[attr-defined]
        for key, value in settings.items():
            doc = {"id": key, "value": value}
            dirty[(SETTINGS, self._table(SETTINGS).put(key, doc))] = doc
        for cls, doc_id in deletes:
            name = TABLE_OF[cls]
            removed = self._table(name).remove(doc_id)
            if removed is not None:
                dirty[(name, removed)] = None
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
        for (table, key), doc in self._dirty.items():
            encoded = self._encoded.get(table)
            if encoded is None:
                continue  # encoded whole below
            if doc is None:
                encoded.remove(key)
            else:
                encoded.put(key, entry(key, doc))
        self._dirty.clear()
        parts: list[list[bytes]] = [[b"{"]]
        size = 2
        for n, (table, docs) in enumerate(self._tables.items()):
            encoded = self._encoded.get(table)
            if encoded is None:
                encoded = self._encoded[table] = EncodedTable({key: entry(key, doc) for key, doc in docs.items_by_key()})
            head = (b"," if n else b"") + dumps(table) + b":{"
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
