"""What a deletion takes with it, decided once here so the screens and the CLI agree.

A partnership owns its sessions, to-dos, plans and resource requests: they go with it. A plan is only linked
from to-dos and sessions: they stay, without the link.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pydantic import BaseModel

from .models import LessonPlan, Partnership, ResourceRequest, Session, Todo


@dataclass(frozen=True)
class Cascade:
    deletes: list[tuple[type[BaseModel], str]]
    puts: list[BaseModel] = field(default_factory=list)
    """Documents that stay, changed (a link removed)."""

    def count(self, cls: type[BaseModel]) -> int:
        return sum(1 for kind, _ in self.deletes if kind is cls)


def deleting_partnership(
    partnership: Partnership,
    sessions: Iterable[Session],
    todos: Iterable[Todo],
    plans: Iterable[LessonPlan],
    requests: Iterable[ResourceRequest] = (),
) -> Cascade:
    mine = partnership.id
    deletes: list[tuple[type[BaseModel], str]] = [(Partnership, mine)]
    deletes += [(Session, s.id) for s in sessions if s.partnership_id == mine]
    deletes += [(Todo, t.id) for t in todos if t.partnership_id == mine]
    deletes += [(LessonPlan, p.id) for p in plans if p.partnership_id == mine]
    deletes += [(ResourceRequest, r.id) for r in requests if r.partnership_id == mine]
    return Cascade(deletes)


def deleting_plan(plan: LessonPlan, sessions: Iterable[Session], todos: Iterable[Todo]) -> Cascade:
    unlinked: list[BaseModel] = [t.model_copy(update={"plan_id": None}) for t in todos if t.plan_id == plan.id]
    unlinked += [s.model_copy(update={"plan_id": None}) for s in sessions if s.plan_id == plan.id]
    return Cascade([(LessonPlan, plan.id)], unlinked)
