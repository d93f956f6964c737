"""The writer thread: saves go behind the keys, coalesce, and a refused document spoils no other."""

from __future__ import annotations

import json
import threading
import time

from coplan_tui.domain.catalogue import Role
from coplan_tui.domain.models import Member, Partnership, Todo
from coplan_tui.store import InvalidDocument, Store
from coplan_tui.ui import gateway as gateway_module
from coplan_tui.ui.gateway import MAX_DELAY_S, Gateway


def _setup(db_path, clock):
    store = Store(db_path, clock=clock)
    pair = Partnership(name="A & B", members=[Member(name="Ana", role=Role.CT), Member(name="Ben", role=Role.TC)])
    store.put(pair)
    results: list[tuple[str, object]] = []
    lock = threading.Lock()

    def on_result(change, error):
        with lock:
            results.append((change.puts[0].title if change.puts else "delete", error))

    return store, pair, Gateway(store, on_result), results


def _todo(pair, title, clock) -> Todo:
    return Todo(title=title, partnership_id=pair.id, owner="both", created_at=clock(), updated_at=clock())


def _titles_on_disk(db_path) -> set[str]:
    return {doc["title"] for doc in json.loads(db_path.read_bytes()).get("todos", {}).values()}


def test_a_burst_of_saves_is_one_write_and_every_change_is_reported(db_path, clock, monkeypatch):
    from coplan_tui.store import store as store_module

    store, pair, gateway, results = _setup(db_path, clock)
    writes = []
    real_write = store_module.atomic_write
    monkeypatch.setattr(store_module, "atomic_write", lambda *a, **k: writes.append(1) or real_write(*a, **k))
    for i in range(10):
        gateway.save(_todo(pair, f"t{i}", clock))
    assert gateway.flush()
    assert _titles_on_disk(db_path) == {f"t{i}" for i in range(10)}
    assert len(writes) <= 2  # one write (two if the machine stalled mid-burst)
    assert sorted(r[0] for r in results) == sorted(f"t{i}" for i in range(10))
    assert all(error is None for _, error in results)
    gateway.close()


def test_a_refused_document_fails_alone(db_path, clock):
    store, pair, gateway, results = _setup(db_path, clock)
    stray = Todo(title="stray", partnership_id="no-such-pair", owner="both", created_at=clock(), updated_at=clock())
    gateway.save(_todo(pair, "kept 1", clock))
    gateway.save(stray)
    gateway.save(_todo(pair, "kept 2", clock))
    assert gateway.flush()
    assert _titles_on_disk(db_path) == {"kept 1", "kept 2"}
    errors = {title: error for title, error in results}
    assert errors["kept 1"] is None and errors["kept 2"] is None
    assert isinstance(errors["stray"], InvalidDocument)
    gateway.close()


def test_the_last_change_to_a_document_wins(db_path, clock):
    store, pair, gateway, _ = _setup(db_path, clock)
    gone, back = _todo(pair, "gone", clock), _todo(pair, "back", clock)
    store.put(back)
    gateway.save(gone)
    gateway.delete(Todo, [gone.id])
    gateway.delete(Todo, [back.id])
    gateway.save(back.model_copy(update={"title": "back again"}))
    assert gateway.flush()
    assert _titles_on_disk(db_path) == {"back again"}
    gateway.close()


def test_a_steady_stream_of_changes_still_reaches_the_disk(db_path, clock, monkeypatch):
    # No quiet spell can ever come (a loaded machine's sleep jitter made one before): only the
    # maximum delay can send this write.
    monkeypatch.setattr(gateway_module, "QUIET_S", 60.0)
    store, pair, gateway, _ = _setup(db_path, clock)
    first = _todo(pair, "first", clock)
    started = time.monotonic()
    gateway.save(first)
    end = started + 20 * MAX_DELAY_S
    while time.monotonic() < end and "first" not in _titles_on_disk(db_path):
        gateway.save(first.model_copy(update={"notes": str(time.monotonic())}))
        time.sleep(0.01)
    landed = time.monotonic() - started
    assert "first" in _titles_on_disk(db_path), "the stream kept the write back for good"
    assert landed >= MAX_DELAY_S, f"written after {landed:.3f} s: the maximum delay never ran out"
    gateway.close()


def test_close_saves_what_is_waiting(db_path, clock):
    store, pair, gateway, _ = _setup(db_path, clock)
    gateway.save(_todo(pair, "last words", clock))
    gateway.close()
    assert _titles_on_disk(db_path) == {"last words"}


def test_a_save_shows_at_once_and_until_it_lands(db_path, clock):
    """Stage, then persist: every read shows the edit from the key that made it, not from the
    moment the writer thread gets to it."""
    store, pair, gateway, results = _setup(db_path, clock)
    todo = _todo(pair, "waiting", clock)
    with store._writer:  # hold the writer back, however fast this machine is
        assert gateway.save(todo)
        time.sleep(0.1)
        assert store.get(Todo, todo.id) == todo and [t.id for t in store.all(Todo)] == [todo.id]
        assert store.count(Todo) == 1 and store.find(Todo, todo.id[:8]) == todo
        assert _titles_on_disk(db_path) == set()
    assert gateway.flush()
    assert store.get(Todo, todo.id).rev == todo.rev + 1 and _titles_on_disk(db_path) == {"waiting"}
    with store._writer:
        assert gateway.delete(Todo, [todo.id])
        time.sleep(0.1)
        assert store.get(Todo, todo.id) is None and store.all(Todo) == [] and store.count(Todo) == 0
        assert _titles_on_disk(db_path) == {"waiting"}
    assert gateway.flush()
    assert _titles_on_disk(db_path) == set() and all(error is None for _, error in results)
    gateway.close()


def test_a_refused_save_is_refused_at_the_key_and_never_shown(db_path, clock):
    store, pair, gateway, results = _setup(db_path, clock)
    stray = Todo(title="stray", partnership_id="no-such-pair", owner="both", created_at=clock(), updated_at=clock())
    assert not gateway.save(stray)
    assert results and results[-1][0] == "stray" and isinstance(results[-1][1], InvalidDocument)  # before any write
    assert store.get(Todo, stray.id) is None
    assert gateway.flush() and _titles_on_disk(db_path) == set()
    gateway.close()


def test_a_refused_write_waits_and_lands_once_the_disk_lets_it(db_path, clock, monkeypatch):
    """Disk full: nothing is dropped. The change waits, is tried again, and lands in order."""
    import errno

    from coplan_tui.store import store as store_module

    monkeypatch.setattr(gateway_module, "RETRY_S", 0.05)
    store = Store(db_path, clock=clock)
    pair = Partnership(name="A & B", members=[Member(name="Ana", role=Role.CT), Member(name="Ben", role=Role.TC)])
    store.put(pair)
    real_write = store_module.atomic_write
    disk_full = threading.Event()
    disk_full.set()

    def write(*args, **kwargs):
        if disk_full.is_set():
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(*args, **kwargs)

    monkeypatch.setattr(store_module, "atomic_write", write)
    waiting: list[int] = []
    results: list[object] = []
    gateway = Gateway(store, lambda change, error: results.append(error), lambda count, error: waiting.append(count))
    gateway.save(_todo(pair, "first", clock))
    gateway.save(_todo(pair, "second", clock))
    deadline = time.monotonic() + 10
    while not (waiting and waiting[-1] == 2) and time.monotonic() < deadline:
        time.sleep(0.01)  # the first attempt may hold only the first change; a retry holds both
    assert waiting and waiting[-1] == 2 and results == []
    assert [c.puts[0].title for c in gateway.unsaved()] == ["first", "second"]
    time.sleep(0.3)  # several retries against the full disk: still waiting, nothing lost
    assert _titles_on_disk(db_path) == set() and len(gateway.unsaved()) == 2
    disk_full.clear()
    deadline = time.monotonic() + 10
    while waiting[-1] != 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert waiting[-1] == 0 and results == [None, None]
    assert _titles_on_disk(db_path) == {"first", "second"} and gateway.unsaved() == []
    gateway.close()


def test_a_put_equal_to_the_stores_copy_writes_nothing(db_path, clock):
    """Issue 10, open and save unchanged: an untouched editor's save must leave the file as it was."""
    store, pair, gateway, results = _setup(db_path, clock)
    todo = _todo(pair, "Print", clock)
    store.put(todo)
    saved = store.get(Todo, todo.id)
    before, mtime = db_path.read_bytes(), db_path.stat().st_mtime_ns
    assert gateway.save(saved.model_copy()), "an untouched save is not a refusal"
    assert gateway.flush()
    assert results == [], "nothing was written, so nothing is reported"
    assert db_path.read_bytes() == before and db_path.stat().st_mtime_ns == mtime
    assert store.get(Todo, todo.id).rev == saved.rev
    gateway.close()


def test_an_equal_put_behind_an_unwritten_change_is_still_written(db_path, clock):
    """Edit a to-do, then put it back before the first save lands: the second save must land too."""
    store, pair, gateway, _ = _setup(db_path, clock)
    todo = _todo(pair, "Print", clock)
    store.put(todo)
    original = store.get(Todo, todo.id)
    gateway.save(original.model_copy(update={"title": "Print twice"}))
    gateway.save(original)  # equal to the store's copy, but the change above has not landed yet
    assert gateway.flush()
    assert store.get(Todo, todo.id).title == "Print"
    assert _titles_on_disk(db_path) == {"Print"}
    gateway.close()


def test_a_change_being_retried_still_counts_as_unsaved(db_path, clock, monkeypatch):
    """While the writer tries a waiting change again, unsaved() must still list it: it read
    empty during each retry, so quitting then would not have asked first (and CI flaked on it)."""
    import errno

    from coplan_tui.store import store as store_module

    monkeypatch.setattr(gateway_module, "RETRY_S", 0.05)
    store, pair, gateway, _ = _setup(db_path, clock)
    in_retry, release = threading.Event(), threading.Event()
    attempts = []

    def write(*args, **kwargs):
        attempts.append(1)
        if len(attempts) > 1:  # a retry: hold it here while the test looks
            in_retry.set()
            release.wait(5)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_module, "atomic_write", write)
    gateway.save(_todo(pair, "first", clock))
    assert in_retry.wait(5)
    try:
        assert [c.puts[0].title for c in gateway.unsaved()] == ["first"]
    finally:
        release.set()
        monkeypatch.undo()
    assert gateway.flush()
    assert _titles_on_disk(db_path) == {"first"}
    gateway.close()
