"""Loaded models share what they hold in common (store/tables.py ``Compactor``).

Sharing is only safe because models are frozen and each change is a copy: these tests
check that a change to one loaded document never shows through another that shares with it.
"""

from __future__ import annotations

import tracemalloc

from coplan_tui.domain.catalogue import Role
from coplan_tui.domain.models import Member, Partnership, Session, Todo
from coplan_tui.domain.templates import WEEKLY
from coplan_tui.store import Store


def _pair() -> Partnership:
    return Partnership(name="A & B", members=[Member(name="Ana", role=Role.CT), Member(name="Ben", role=Role.TC)])


def test_sessions_share_one_template_and_todos_one_field_set(db_path, clock):
    p = _pair()
    sessions = [Session(partnership_id=p.id, template=WEEKLY, day=clock().date()) for _ in range(30)]
    todos = [Todo(title=f"t{i} 🙂", partnership_id=p.id, created_at=clock(), updated_at=clock()) for i in range(30)]
    Store(db_path, clock=clock).put(p, *sessions, *todos)
    store = Store(db_path, clock=clock)
    loaded = store.all(Session)
    assert len({id(s.template) for s in loaded}) == 1
    assert all(s.template == WEEKLY for s in loaded)
    assert len({id(t.__pydantic_fields_set__) for t in store.all(Todo)}) == 1
    assert len({id(t.partnership_id) for t in store.all(Todo)}) == 1


def test_a_change_to_one_shared_document_stays_in_that_document(db_path, clock):
    p = _pair()
    todos = [Todo(title=f"t{i}", partnership_id=p.id, created_at=clock(), updated_at=clock()) for i in range(3)]
    sessions = [Session(partnership_id=p.id, template=WEEKLY, day=clock().date()) for _ in range(2)]
    Store(db_path, clock=clock).put(p, *todos, *sessions)
    store = Store(db_path, clock=clock)
    first, second, _ = store.all(Todo)
    fields = set(second.__pydantic_fields_set__)
    store.put(first.model_copy(update={"title": "[link=x]y[/link]", "notes": "x" * 10_000}))
    assert second.__pydantic_fields_set__ == fields and second.title == "t1"
    one, two = store.all(Session)
    renamed = one.template.model_copy(update={"name": "Renamed"})
    store.put(one.model_copy(update={"template": renamed}))
    assert two.template.name == WEEKLY.name
    again = Store(db_path, clock=clock)
    assert {s.template.name for s in again.all(Session)} == {"Renamed", WEEKLY.name}
    assert {t.title for t in again.all(Todo)} == {"[link=x]y[/link]", "t1", "t2"}


def test_loading_sessions_costs_a_fraction_of_their_copies(db_path, clock):
    p = _pair()
    Store(db_path, clock=clock).put(p, *(Session(partnership_id=p.id, template=WEEKLY, day=clock().date()) for _ in range(200)))
    tracemalloc.start()
    try:
        store = Store(db_path, clock=clock)
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert store.count(Session) == 200
    assert held < 200 * 6_000  # bytes; each session held its own template before (~14 KB each)
