"""SVG snapshots of the plan screens at 80x24 and 160x48, with alignment warnings and without."""

from __future__ import annotations

import pytest

from coplan_tui.domain.catalogue import Approach
from coplan_tui.domain.models import LessonPlan, Segment

from ..ui.helpers import settle
from .conftest import SIZES


def demo_plan(app) -> LessonPlan:
    return next(iter(app.store.all(LessonPlan)))


def align_demo_plan(app) -> str:
    """Close the demo plan's two gaps: teach O3 in a closing segment that fills the 50 minutes."""
    plan = demo_plan(app)
    members = list(plan.segments[0].roles)
    closure = Segment(
        phase="Closure",
        title="What if the wolves disappear?",
        minutes=5,
        objective_ids=[plan.objectives[2].id],
        approach=Approach.PARALLEL,
        roles={members[0]: "Leads half the class", members[1]: "Leads the other half"},
    )
    app.store.put(plan.model_copy(update={"segments": [*plan.segments, closure]}))
    return plan.id


def open_plan(aligned: bool):
    def start(app) -> None:
        plan_id = align_demo_plan(app) if aligned else demo_plan(app).id
        app.open_plan(plan_id)

    return start


@pytest.mark.parametrize("size", sorted(SIZES))
def test_plan_with_warnings(snap_compare, make_app, size):
    assert snap_compare(make_app(start=open_plan(False)), terminal_size=SIZES[size], run_before=settle)


@pytest.mark.parametrize("size", sorted(SIZES))
def test_plan_aligned(snap_compare, make_app, size):
    assert snap_compare(make_app(start=open_plan(True)), terminal_size=SIZES[size], run_before=settle)


@pytest.mark.parametrize("size", sorted(SIZES))
def test_plan_segment_form(snap_compare, make_app, size):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("e")  # on the objectives heading: a new objective
        await pilot.press("escape", "s")

    assert snap_compare(make_app(start=open_plan(False)), terminal_size=SIZES[size], run_before=run_before)


@pytest.mark.parametrize("size", sorted(SIZES))
def test_plan_list(snap_compare, make_app, size):
    assert snap_compare(make_app(start=lambda app: app.open_plan()), terminal_size=SIZES[size], run_before=settle)


@pytest.mark.parametrize("size", sorted(SIZES))
def test_plan_editor_in_a_50_column_pane(snap_compare, make_app, size):
    from ..ui.test_plan_editor_embedded import HostScreen

    assert snap_compare(make_app(start=lambda app: app.push_screen(HostScreen(demo_plan(app).id))), terminal_size=SIZES[size], run_before=settle)
