"""A store opened ``lazy`` (the command line) parses a table only when it is first needed.

Whatever is done through it, the file must end up exactly as an ordinary store leaves it, and
no table it never read may lose or change a byte. See ``store/unread.py``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coplan_tui.domain.models import LessonPlan, Partnership, Session, Todo
from coplan_tui.commands.demo import seed_demo
from coplan_tui.store import Store, UnreadableFile

ROOT = Path(__file__).resolve().parents[2]


LAYOUTS = {
    "as coplan writes it": None,
    "spaced, as TinyDB writes it": {},
    "indented by hand": {"indent": 2},
}


@pytest.fixture(params=list(LAYOUTS))
def demo_file(request, db_path, clock) -> Path:
    """The demo database, in each layout a file may have: a table's end is found in all."""
    store = Store(db_path, clock=clock)
    seed_demo(store)
    layout = LAYOUTS[request.param]
    if layout is not None:
        db_path.write_text(json.dumps(json.loads(db_path.read_bytes()), ensure_ascii=False, **layout))
    return db_path


def _twins(demo_file: Path, clock) -> tuple[Store, Store]:
    """The same file twice: opened lazily, and opened as the app opens it."""
    eager_path = demo_file.with_name("eager.json")
    shutil.copy(demo_file, eager_path)
    lazy, eager = Store(demo_file, clock=clock, lazy=True), Store(eager_path, clock=clock)
    lazy.user = eager.user = "Maria"
    return lazy, eager


def _new_todo(store: Store, clock) -> Todo:
    pair = store.all(Partnership)[0]
    return Todo(title="Draft the exit ticket [/] 🙂", partnership_id=pair.id, created_at=clock(), updated_at=clock())


def test_adding_a_to_do_reads_no_other_table_and_writes_what_the_app_would(demo_file, clock):
    lazy, eager = _twins(demo_file, clock)
    todo = _new_todo(lazy, clock)
    lazy.put(todo)
    eager.put(todo)
    assert demo_file.read_bytes() == eager.path.read_bytes()
    unread = {name for name, table in lazy._tables.items() if table.unread is not None}
    assert {"todos", "sessions"} <= unread  # the new id appears nowhere in them: nothing was parsed
    assert Store(demo_file).get(Todo, todo.id).title == todo.title


def _update(store: Store, clock) -> object:
    todo = sorted(store.all(Todo), key=lambda t: t.title)[1]
    members = [m.id for m in store.get(Partnership, todo.partnership_id).members]
    owner = next(name for name in members if name != todo.owner)
    store.put(todo.model_copy(update={"title": "Renamed", "owner": owner}))
    return todo.id


def _delete(store: Store, clock) -> object:
    todo = sorted(store.all(Todo), key=lambda t: t.title)[0]
    store.delete(Todo, todo.id)
    return todo.id


def _delete_unknown(store: Store, clock) -> object:
    store.delete(Todo, "0" * 32)
    return store.count(Todo)


def _get_by_id(store: Store, clock) -> object:
    session = sorted(Store(store.path).all(Session), key=lambda s: s.id)[0]
    return store.get(Session, session.id)


def _find_then_add(store: Store, clock) -> object:
    found = store.find(Todo, sorted(t.id for t in Store(store.path).all(Todo))[0][:6])
    store.put(_new_todo(store, clock).model_copy(update={"id": "f" * 32}))
    return found


def _two_adds_and_a_plan(store: Store, clock) -> object:
    first = _new_todo(store, clock).model_copy(update={"id": "a" * 32})
    store.put(first)
    store.put(first.model_copy(update={"id": "b" * 32, "title": "Second"}))
    store.delete(Todo, "a" * 32)
    plan = store.all(LessonPlan)[0]
    store.put(plan.model_copy(update={"title": "Plan, renamed"}))
    return sorted(t.title for t in store.all(Todo))


def _import_many(store: Store, clock) -> object:
    """More new documents than a table takes unread (``UNREAD_PUTS``), in one save and after."""
    todo = _new_todo(store, clock)
    store.put(*(todo.model_copy(update={"id": f"{n:032x}", "title": f"Imported {n}"}) for n in range(12)))
    store.put(todo.model_copy(update={"id": "c" * 32}))
    return store.count(Todo)


@pytest.mark.parametrize("operation", [_update, _delete, _delete_unknown, _get_by_id, _find_then_add, _two_adds_and_a_plan, _import_many])
def test_every_operation_ends_as_it_does_on_a_store_that_read_everything(demo_file, clock, operation):
    lazy, eager = _twins(demo_file, clock)
    assert operation(lazy, clock) == operation(eager, clock)
    assert demo_file.read_bytes() == eager.path.read_bytes()
    assert Store(demo_file).raw_tables() == Store(eager.path).raw_tables()


def test_keys_out_of_order_never_hand_out_a_key_in_use(demo_file, clock):
    """A file whose to-dos are not in key order (edited by hand): the last key is not the
    largest, and the key after it is taken."""
    data = json.loads(demo_file.read_bytes())
    docs = list(data["todos"].values())
    count = len(docs)
    data["todos"] = {"1": docs[0], str(count): docs[1], **{str(i): d for i, d in enumerate(docs[2:], start=2)}}
    demo_file.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False))
    store = Store(demo_file, clock=clock, lazy=True)
    store.user = "Maria"
    store.put(_new_todo(store, clock))
    assert store._tables["todos"].unread is not None
    reread = Store(demo_file)  # two equal keys would make the file unreadable
    assert reread.count(Todo) == count + 1


def test_a_table_left_unread_keeps_its_bytes_and_a_bad_one_is_refused_when_read(demo_file, clock):
    """An invalid to-do that nothing reads is written back as it was (nothing is lost, nothing
    is judged); reading the table refuses the file, naming the document, and writes nothing."""
    data = json.loads(demo_file.read_bytes())
    raw = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()
    key, doc = next(iter(data["todos"].items()))
    bad = json.dumps(doc, separators=(",", ":"), ensure_ascii=False).encode()
    assert bad in raw
    broken = bad.replace(b'"due":', b'"due":"not a date","was_due":', 1) if b'"due":' in bad else bad[:-1] + b',"due":"not a date"}'
    demo_file.write_bytes(raw.replace(bad, broken))
    store = Store(demo_file, clock=clock, lazy=True)
    store.user = "Maria"
    store.put(_new_todo(store, clock))
    assert broken in demo_file.read_bytes()
    before = demo_file.read_bytes()
    with pytest.raises(UnreadableFile, match=f"document {key} in todos is invalid"):
        store.all(Todo)
    with pytest.raises(UnreadableFile):
        store.delete(Todo, doc["id"])
    assert demo_file.read_bytes() == before


def test_a_save_from_another_process_meanwhile_is_kept(demo_file, clock):
    """The lazy store's file changes under it (a partner's coplan): its add re-reads and keeps both."""
    store = Store(demo_file, clock=clock, lazy=True)
    store.user = "Maria"
    pair = store.all(Partnership)[0]
    script = (
        "import sys; from coplan_tui.store import Store; from coplan_tui.domain.models import Todo;"
        "s = Store(sys.argv[1]); s.user = 'Jordan'; t = s.all(Todo)[0];"
        "s.put(t.model_copy(update={'title': 'Changed by Jordan'}));"
        "s.put(Todo(title='Added by Jordan', partnership_id=t.partnership_id, created_at=t.created_at, updated_at=t.updated_at))"
    )
    subprocess.run([sys.executable, "-c", script, str(demo_file)], check=True, cwd=ROOT)
    store.put(Todo(title="Added by Maria", partnership_id=pair.id, created_at=clock(), updated_at=clock()))
    titles = [t.title for t in Store(demo_file).all(Todo)]
    assert {"Changed by Jordan", "Added by Jordan", "Added by Maria"} <= set(titles)
    assert len(titles) == len(set(t.id for t in Store(demo_file).all(Todo)))


@pytest.mark.parametrize("where", ["between tables", "last"])
def test_a_table_coplan_does_not_keep_is_never_taken_for_part_of_another(demo_file, clock, where):
    """TinyDB's own ``_default`` table, say: a new to-do goes into the to-dos, and it stays as it was."""
    data = json.loads(demo_file.read_bytes())
    default = {"1": {"name": "kept by another program"}, "2": {"nested": {"1": {"x": 1}}}}
    if where == "last":  # after the to-dos, moved to the end
        todos = data.pop("todos")
        data |= {"todos": todos, "_default": default}
    else:
        data = _after(data, "todos", "_default", default)
    demo_file.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False))
    count = len(data["todos"])
    store = Store(demo_file, clock=clock, lazy=True)
    store.user = "Maria"
    store.put(_new_todo(store, clock))
    reread = Store(demo_file)
    assert reread.count(Todo) == count + 1
    assert reread.raw_tables()["_default"] == default


def _after(data: dict, name: str, new: str, table: dict) -> dict:
    out = {}
    for key, value in data.items():
        out[key] = value
        if key == name:
            out[new] = table
    return out


DAMAGE = {
    "a brace too many at the end": lambda raw: raw + b"}",
    "the to-dos' closing brace gone": lambda raw: raw.replace(b'},"plans":{', b',"plans":{', 1),
    "a table after the end": lambda raw: raw + b',"plans":{}}',
}


@pytest.mark.parametrize("todos_last", [False, True], ids=["to-dos inside", "to-dos last"])
@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_file_is_refused_as_a_full_load_refuses_it(db_path, clock, damage, todos_last):
    """A command must not write where the app would refuse to read (found by a reviewer: the
    new to-do landed in a table of its own)."""
    store = Store(db_path, clock=clock)
    seed_demo(store)
    data = json.loads(db_path.read_bytes())
    if todos_last:
        data |= {"plans": data.pop("plans"), "todos": data.pop("todos")}
    raw = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()
    assert b'},"plans":{' in raw
    broken = DAMAGE[damage](raw)
    db_path.write_bytes(broken)
    with pytest.raises(UnreadableFile):
        Store(db_path)
    with pytest.raises(UnreadableFile):
        Store(db_path, clock=clock, lazy=True)
    assert db_path.read_bytes() == broken


def test_an_id_json_can_write_two_ways_is_looked_up_by_reading(demo_file, clock):
    """A hand-made id with a slash or a non-ASCII letter may be written escaped (``\\/``,
    ``\\u00e9``): its text is not searched for, the table is read."""
    store = Store(demo_file, clock=clock, lazy=True)
    assert store._tables["todos"].unread is not None
    assert store.get(Todo, "caf\u00e9/0001") is None
    assert store._tables["todos"].unread is None


@pytest.mark.parametrize("value", [[], "oops", 5], ids=["a list", "a string", "a number"])
def test_a_table_that_is_not_an_object_is_refused_not_doubled(db_path, clock, value):
    """Found by a tester: the sessions' text ran on past a to-dos table that was a list, and
    todo add wrote a second "todos" key. A table's name ends the one before, whatever its value."""
    store = Store(db_path, clock=clock)
    seed_demo(store)
    data = json.loads(db_path.read_bytes())
    data["todos"] = list(data["todos"].values()) if value == [] else value
    db_path.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False))
    broken = db_path.read_bytes()
    with pytest.raises(UnreadableFile, match="'todos' is damaged"):
        Store(db_path, clock=clock, lazy=True)
    assert db_path.read_bytes() == broken
