"""The partnership's resource shelf: put a plan's resource on it, take one into another plan.

The same resource (label and location) is never there twice, on the shelf or in a plan.
"""

from __future__ import annotations

from .models import LessonPlan, Partnership, Resource


def _key(resource: Resource) -> tuple[str, str]:
    return resource.label.casefold(), resource.location.strip()


def shelve(partnership: Partnership, resource: Resource) -> tuple[Partnership, bool]:
    """The partnership with ``resource`` on its shelf, and whether it was new there."""
    if any(_key(r) == _key(resource) for r in partnership.shelf):
        return partnership, False
    return partnership.model_copy(update={"shelf": [*partnership.shelf, resource]}), True


def unshelve(partnership: Partnership, index: int) -> Partnership:
    return partnership.model_copy(update={"shelf": [r for n, r in enumerate(partnership.shelf) if n != index]})


def take(plan: LessonPlan, resource: Resource) -> tuple[LessonPlan, bool]:
    """The plan with ``resource`` among its resources, and whether it was new there."""
    if any(_key(r) == _key(resource) for r in plan.resources):
        return plan, False
    return plan.model_copy(update={"resources": [*plan.resources, resource]}), True
