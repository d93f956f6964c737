"""Shared steps for plan UI tests: an app opened on a plan, typing, moving the outline cursor."""

from __future__ import annotations

from textual.pilot import Pilot

from coplan_tui.domain.models import LessonPlan, Partnership
from coplan_tui.ui.app import CoplanApp
from textual.widgets import OptionList

from coplan_tui.ui.screens.plan_editor import PlanEditor

from .helpers import type_text



def plan_app(store, clock, plan_id: str | None = None, partnership_id: str | None = None) -> CoplanApp:
    return CoplanApp(store.path, store=store, clock=clock, poll=False, start=lambda app: app.open_plan(plan_id, partnership_id))


def empty_plan(store, now, **update) -> LessonPlan:
    """A new plan for the demo's science partnership, saved to the store."""
    science = next(p for p in store.all(Partnership) if "science" in p.display_name)
    plan = LessonPlan(partnership_id=science.id, title="Food webs", created_at=now, updated_at=now, **update)
    store.put(plan)
    return plan


async def clear_and_type(pilot: Pilot, text: str) -> None:
    await pilot.press("end", "ctrl+u")
    await type_text(pilot, text)


async def cursor_to(pilot: Pilot, option_id: str) -> None:
    """Move the outline cursor with the arrow keys, as a user does, until it is on option_id."""
    outline = pilot.app.screen.query_one(".pe-outline", OptionList)
    ids = [outline.get_option_at_index(i).id for i in range(outline.option_count)]
    target = ids.index(option_id)
    while outline.highlighted != target:
        await pilot.press("down" if (outline.highlighted or 0) < target else "up")


def editor(app) -> PlanEditor:
    return app.screen.query_one(PlanEditor)


def gaps(app) -> list[tuple[str, str | None]]:
    return [(w.gap.value, w.item_id) for w in editor(app).warnings]
