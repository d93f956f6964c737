"""The store: modes, ids, change detection, schema, cheap reads, links."""

from __future__ import annotations

import json
import os
import stat

import pytest

from coplan_tui.domain.catalogue import Role
from coplan_tui.domain.models import Member, Partnership, Todo
from coplan_tui.store import InvalidDocument, NotFound, Store, UnreadableFile
from coplan_tui.store import schema


def _pair(name="A & B") -> Partnership:
    return Partnership(name=name, members=[Member(name="Ana", role=Role.CT), Member(name="Ben", role=Role.TC)])


def _todo(p: Partnership, title: str, clock, owner: str = "both") -> Todo:
    return Todo(title=title, partnership_id=p.id, owner=owner, created_at=clock(), updated_at=clock())


def test_new_file_and_folders_are_private(tmp_path, clock):
    path = tmp_path / "a" / "b" / "coplan.json"
    s = Store(path, clock=clock)
    s.put(_pair())
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(path.parent.parent).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(str(path) + ".lock").st_mode) == 0o600


def test_file_is_a_tinydb_file_with_uuid_ids(store, db_path, clock):
    p = _pair()
    store.put(p, _todo(p, "one", clock))
    data = json.loads(db_path.read_bytes())
    assert data["_meta"]["1"] == {"app": "coplan", "schema_version": schema.SCHEMA_VERSION}
    (doc,) = data["todos"].values()
    assert doc["id"] and len(doc["id"]) == 32 and doc["title"] == "one"
    from tinydb import TinyDB

    with TinyDB(db_path, access_mode="r") as db:  # stock TinyDB can read it
        assert db.table("todos").all()[0]["title"] == "one"


def test_second_instance_sees_changes_and_keeps_them(db_path, clock):
    a = Store(db_path, clock=clock)
    b = Store(db_path, clock=clock)
    p = _pair()
    a.put(p)
    assert b.all(Partnership) == []  # reads never touch the disk...
    assert b.reload_if_changed() is True  # ...until asked
    assert [x.id for x in b.all(Partnership)] == [p.id]
    b.put(_todo(p, "from b", clock))  # b's write re-reads under the lock first
    a.put(_todo(p, "from a", clock))
    assert sorted(t.title for t in Store(db_path).all(Todo)) == ["from a", "from b"]


def test_reads_come_from_memory(store, db_path, clock):
    p = _pair()
    store.put(p, _todo(p, "kept", clock))
    os.unlink(db_path)
    assert [t.title for t in store.all(Todo)] == ["kept"]


def test_update_replaces_the_document(store, clock):
    p = _pair()
    t = _todo(p, "draft", clock)
    store.put(p, t)
    store.put(t.model_copy(update={"title": "final", "notes": "n"}))
    (only,) = store.all(Todo)
    assert (only.title, only.notes) == ("final", "n")
    assert store.find(Todo, t.id[:6]).id == t.id
    store.delete(Todo, t.id)
    assert store.all(Todo) == []
    with pytest.raises(NotFound):
        store.find(Todo, t.id[:6])


def test_invalid_documents_are_refused_with_a_message(store, clock):
    p = _pair()
    store.put(p)
    bad = _todo(p, "x", clock).model_copy(update={"title": "   "})
    with pytest.raises(InvalidDocument, match="title: must not be empty"):
        store.put(bad)
    stranger = _todo(p, "x", clock).model_copy(update={"owner": "nobody12345"})
    with pytest.raises(InvalidDocument, match="owner must be a member"):
        store.put(stranger)
    orphan = _todo(_pair(), "x", clock)
    with pytest.raises(InvalidDocument, match="partnership that does not exist"):
        store.put(orphan)
    assert store.all(Todo) == []


def test_settings_round_trip(store, db_path):
    store.set_setting("me", "abc")
    assert Store(db_path).setting("me") == "abc"
    assert store.setting("missing", 7) == 7


def test_migration_hook_runs_and_newer_schema_is_refused(db_path, monkeypatch):
    Store(db_path).set_setting("x", 1)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(schema.MIGRATIONS, 1, lambda data: {**data, "settings": {**data["settings"]}})
    s = Store(db_path)
    s.set_setting("y", 2)
    assert json.loads(db_path.read_bytes())["_meta"]["1"]["schema_version"] == 2
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 1)
    before = db_path.read_bytes()
    with pytest.raises(UnreadableFile, match="newer coplan"):
        Store(db_path)
    assert db_path.read_bytes() == before


def test_stale_temp_files_are_cleaned(db_path):
    Store(db_path)
    tmp = db_path.parent / f".{db_path.name}.99999.tmp"
    tmp.write_text("half a write")
    Store(db_path)
    assert not tmp.exists()


def test_incremental_encoding_writes_exactly_the_data(store, db_path, clock):
    """Only changed documents are re-encoded; the file must still equal the data."""
    p = _pair()
    todos = [_todo(p, f"t{i}", clock) for i in range(20)]
    store.put(p, *todos)
    store.put(todos[3].model_copy(update={"title": "changed ünïcode [bold]"}))
    store.delete(Todo, todos[5].id, todos[6].id)
    store.set_setting("me", "x")
    store.put(_todo(p, "late", clock))
    on_disk = json.loads(db_path.read_bytes())
    assert on_disk == json.loads(json.dumps(store.raw_tables()))
    reopened = Store(db_path)
    assert sorted(t.title for t in reopened.all(Todo)) == sorted(
        ["changed ünïcode [bold]", "late"] + [f"t{i}" for i in range(20) if i not in (3, 5, 6)]
    )


def test_change_log_names_what_changed_and_gives_up_after_a_reload(db_path, clock):
    store = Store(db_path, clock=clock)
    p = _pair()
    one, two = _todo(p, "one", clock), _todo(p, "two", clock)
    store.put(p, one)
    seen = store.generation
    store.put(two)
    store.put(one.model_copy(update={"title": "one, edited"}))
    assert store.changed_since(Todo, seen) == {one.id, two.id}
    assert store.changed_since(Partnership, seen) == set()
    seen = store.generation
    store.delete(Todo, two.id)
    assert store.changed_since(Todo, seen) == {two.id}
    assert store.changed_since(Todo, store.generation) == set()

    Store(db_path, clock=clock).put(_todo(p, "from another process", clock))
    assert store.reload_if_changed()
    assert store.changed_since(Todo, seen) is None  # the file was re-read: anything may have changed


def test_change_log_gives_up_when_the_gap_is_longer_than_it_keeps(db_path, clock, monkeypatch):
    from coplan_tui.store import store as store_module

    monkeypatch.setattr(store_module, "CHANGE_LOG", 3)
    store = Store(db_path, clock=clock)
    p = _pair()
    store.put(p)
    seen = store.generation
    todos = [_todo(p, str(i), clock) for i in range(3)]
    for todo in todos:
        store.put(todo)
    assert store.changed_since(Todo, seen) == {t.id for t in todos}
    store.put(_todo(p, "one too many", clock))
    assert store.changed_since(Todo, seen) is None


def test_a_to_do_cannot_land_with_the_deletion_of_its_partnership(store, clock):
    p = _pair()
    store.put(p)
    with pytest.raises(InvalidDocument):
        store.commit(puts=[_todo(p, "orphan", clock)], deletes=[(Partnership, p.id)])
    assert store.all(Todo) == [] and store.get(Partnership, p.id) == p
