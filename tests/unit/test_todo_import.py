"""Import validation: each bad record gets a reason; good ones become valid to-dos."""

from __future__ import annotations

from datetime import date

import pytest

from coplan_tui.domain.errors import DomainError
from coplan_tui.domain.models import Partnership, Todo, TodoStatus
from coplan_tui.domain.todo_changes import edited, new_todo
from coplan_tui.domain.todo_import import Importer

from ..conftest import FIXED_NOW

TODAY = FIXED_NOW.date()


def importer(store, default=None) -> Importer:
    existing = {t.id: t for t in store.all(Todo)}
    return Importer(store.all(Partnership), existing, set(), TODAY, FIXED_NOW, default)


def test_reasons_for_bad_records(demo_store):
    records = [
        ("line 2", {"title": "Ok", "partnership": "okafor", "owner": "Sam"}),
        ("line 3", {"title": "No team"}),
        ("line 4", {"title": "Late feedback", "partnership": "okafor", "feedback_by": "+9d", "due": "+2d"}),
        ("line 5", {"title": "Odd status", "partnership": "okafor", "status": "maybe"}),
        ("line 6", {"title": "Twice", "partnership": "okafor", "id": "a" * 32}),
        ("line 7", {"title": "Twice again", "partnership": "okafor", "id": "a" * 32}),
        ("line 8", {"title": "Ambiguous", "partnership": "&"}),
    ]
    plan = importer(demo_store).plan(records)
    assert [t.title for t in plan.todos] == ["Ok", "Twice"]
    reasons = {r.where: r.reason for r in plan.rejected}
    assert "--partnership" in reasons["line 3"]
    assert "feedback deadline" in reasons["line 4"] and "after the due date" in reasons["line 4"]
    assert "not open or done" in reasons["line 5"]
    assert "appears twice" in reasons["line 7"]
    assert "ambiguous" in reasons["line 8"]


def test_an_existing_id_updates_and_keeps_created_at(demo_store):
    todo = next(t for t in demo_store.all(Todo) if t.is_open)
    plan = importer(demo_store).plan([("line 2", {"id": todo.id, "title": "Renamed", "partnership_id": todo.partnership_id, "status": "done"})])
    [updated] = plan.todos
    assert plan.updated == 1
    assert (updated.title, updated.created_at, updated.status) == ("Renamed", todo.created_at, TodoStatus.DONE)
    assert updated.done_at == FIXED_NOW


def test_changes_refuse_feedback_after_due(demo_store):
    p = demo_store.all(Partnership)[0]
    with pytest.raises(DomainError, match="feedback must come before"):
        new_todo(p, "X", FIXED_NOW, feedback_by=date(2026, 12, 5), due=date(2026, 12, 1))
    todo = new_todo(p, "X", FIXED_NOW, due=date(2026, 12, 1))
    with pytest.raises(DomainError, match="title"):
        edited(todo, FIXED_NOW, title="  ")
    assert edited(todo, FIXED_NOW, status=TodoStatus.DONE).done_at == FIXED_NOW
