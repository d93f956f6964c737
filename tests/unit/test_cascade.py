"""Deletion rules live in the domain (issue 10): a partnership takes what it owns; a plan leaves
its to-dos and sessions in place, without the link."""

from __future__ import annotations

from datetime import datetime, timezone

from coplan_tui.domain.cascade import deleting_partnership, deleting_plan
from coplan_tui.domain.demo import build_demo
from coplan_tui.domain.models import LessonPlan, Partnership, ResourceRequest, Session, Todo

NOW = datetime(2026, 11, 23, 15, 30, tzinfo=timezone.utc)


def _demo():
    docs = build_demo(NOW.date(), NOW)
    return [[d for d in docs if isinstance(d, cls)] for cls in (Partnership, Session, Todo, LessonPlan)]


def test_a_partnership_takes_only_its_own_documents():
    partnerships, sessions, todos, plans = _demo()
    p, other = partnerships[0], partnerships[1]
    c = deleting_partnership(p, sessions, todos, plans)
    gone = {doc_id for _, doc_id in c.deletes}
    assert p.id in gone and other.id not in gone
    assert {s.id for s in sessions if s.partnership_id == p.id} <= gone
    assert {t.id for t in todos if t.partnership_id == p.id} <= gone
    assert not {t.id for t in todos if t.partnership_id == other.id} & gone
    assert c.count(Todo) == sum(1 for t in todos if t.partnership_id == p.id) and not c.puts


def test_a_partnership_takes_its_resource_requests():
    partnerships, sessions, todos, plans = _demo()
    p, other = partnerships[0], partnerships[1]
    mine = ResourceRequest(partnership_id=p.id, what="Maps", created_at=NOW)
    theirs = ResourceRequest(partnership_id=other.id, what="Globes", created_at=NOW)
    c = deleting_partnership(p, sessions, todos, plans, [mine, theirs])
    assert (ResourceRequest, mine.id) in c.deletes and (ResourceRequest, theirs.id) not in c.deletes


def test_a_plan_leaves_its_todos_and_sessions_unlinked():
    _, sessions, todos, plans = _demo()
    plan = plans[0]
    linked = [t for t in todos if t.plan_id == plan.id] + [s for s in sessions if s.plan_id == plan.id]
    c = deleting_plan(plan, sessions, todos)
    assert c.deletes == [(LessonPlan, plan.id)]
    assert sorted(d.id for d in c.puts) == sorted(d.id for d in linked)
    assert all(d.plan_id is None for d in c.puts)
