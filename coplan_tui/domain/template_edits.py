"""Editing a custom session template: copy, add, remove, move and replace steps.

Built-ins are read-only; every edit returns a new template, validated, so a bad edit fails
with a clear message and changes nothing.
"""

from __future__ import annotations

from pydantic import ValidationError

from .errors import DomainError, describe
from .models import SessionTemplate, TemplateStep, new_id


def _checked(template: SessionTemplate, **update: object) -> SessionTemplate:
    if template.builtin:
        raise DomainError("Built-in templates are read-only: copy one and edit the copy.")
    try:
        return SessionTemplate.model_validate({**template.model_dump(), **update})
    except ValidationError as e:
        raise DomainError(describe(e)) from None


def copy_template(template: SessionTemplate, existing_names: set[str]) -> SessionTemplate:
    """A custom copy with a fresh id and a name no other template has."""
    base = template.name.removesuffix(" (copy)")
    name, n = f"{base} (copy)", 2
    while name in existing_names:
        name, n = f"{base} (copy {n})", n + 1
    return SessionTemplate.model_validate({**template.model_dump(), "id": new_id(), "name": name, "builtin": False})


def rename(template: SessionTemplate, name: str, purpose: str) -> SessionTemplate:
    return _checked(template, name=name, purpose=purpose)


def add_step(template: SessionTemplate, index: int, step: TemplateStep) -> SessionTemplate:
    steps = list(template.steps)
    steps.insert(max(0, min(index, len(steps))), step)
    return _checked(template, steps=[s.model_dump() for s in steps])


def replace_step(template: SessionTemplate, index: int, step: TemplateStep) -> SessionTemplate:
    steps = list(template.steps)
    steps[index] = step
    return _checked(template, steps=[s.model_dump() for s in steps])


def remove_step(template: SessionTemplate, index: int) -> SessionTemplate:
    if len(template.steps) <= 1:
        raise DomainError("A template needs at least one step.")
    steps = [s for i, s in enumerate(template.steps) if i != index]
    return _checked(template, steps=[s.model_dump() for s in steps])


def move_step(template: SessionTemplate, index: int, delta: int) -> tuple[SessionTemplate, int]:
    """Returns the template and the step's new index (unchanged at either end)."""
    target = index + delta
    if not 0 <= target < len(template.steps):
        return template, index
    steps = list(template.steps)
    steps[index], steps[target] = steps[target], steps[index]
    return _checked(template, steps=[s.model_dump() for s in steps]), target
