"""Plan edits keep links sound: removal unlinks, copies keep links under new ids."""

from __future__ import annotations

from datetime import date

from coplan_tui.domain.models import Assessment, LessonPlan, Objective, PlanStatus, Resource, Segment
from coplan_tui.domain.plan_edits import copy_plan, move_item, put_item, remove_item, set_links, set_segment_links, suggested_todo_title

from ..conftest import FIXED_NOW

O1, O2 = Objective(text="one"), Objective(text="two")
A1 = Assessment(text="quiz", objective_ids=[O1.id, O2.id])
S1 = Segment(title="lab", objective_ids=[O2.id], assessment_ids=[A1.id])
PLAN = LessonPlan(
    partnership_id="p" * 32,
    title="Energy",
    status=PlanStatus.TAUGHT,
    start=date(2026, 11, 26),
    objectives=[O1, O2],
    assessments=[A1],
    segments=[S1],
    resources=[Resource(label="cards")],
)


def test_removing_an_objective_removes_every_link_to_it():
    plan = remove_item(PLAN, O2.id, FIXED_NOW)
    assert [o.id for o in plan.objectives] == [O1.id]
    assert plan.assessments[0].objective_ids == [O1.id]
    assert plan.segments[0].objective_ids == []
    assert plan.updated_at == FIXED_NOW


def test_removing_an_assessment_unlinks_it_from_segments():
    plan = remove_item(PLAN, A1.id)
    assert plan.assessments == [] and plan.segments[0].assessment_ids == []


def test_put_adds_after_first_or_last_and_replaces_by_id():
    o3 = Objective(text="three")
    assert [o.text for o in put_item(PLAN, o3).objectives] == ["one", "two", "three"]
    assert [o.text for o in put_item(PLAN, o3, after=O1.id).objectives] == ["one", "three", "two"]
    assert [o.text for o in put_item(PLAN, o3, first=True).objectives] == ["three", "one", "two"]
    renamed = put_item(PLAN, O1.model_copy(update={"text": "uno"}))
    assert [o.text for o in renamed.objectives] == ["uno", "two"]


def test_move_stops_at_the_ends():
    assert [o.text for o in move_item(PLAN, O2.id, -1).objectives] == ["two", "one"]
    assert move_item(PLAN, O1.id, -1) is PLAN
    assert move_item(PLAN, "missing", 1) is PLAN


def test_links_follow_the_objective_order():
    linked = set_links(S1, [O2.id, O1.id], PLAN)
    assert linked.objective_ids == [O1.id, O2.id]


def test_segment_links_split_objectives_and_assessments():
    linked = set_segment_links(S1, [A1.id, O1.id], PLAN)
    assert (linked.objective_ids, linked.assessment_ids) == ([O1.id], [A1.id])
    assert set_segment_links(S1, [], PLAN).assessment_ids == []


def test_a_copy_is_a_fresh_draft_with_the_same_links():
    copy = copy_plan(PLAN, FIXED_NOW)
    assert copy.id != PLAN.id and copy.title == "Energy (copy)"
    assert copy.status == PlanStatus.DRAFT and copy.start is None
    assert {o.id for o in copy.objectives}.isdisjoint({O1.id, O2.id})
    assert copy.assessments[0].objective_ids == [o.id for o in copy.objectives]
    assert copy.segments[0].objective_ids == [copy.objectives[1].id]
    assert copy.segments[0].assessment_ids == [copy.assessments[0].id]
    assert copy.resources == PLAN.resources and copy.created_at == FIXED_NOW


def test_todo_titles_name_the_item():
    assert suggested_todo_title(PLAN, A1.id) == "Draft: quiz"
    assert suggested_todo_title(PLAN, S1.id) == "Prepare: lab"
    assert suggested_todo_title(PLAN, None) == "Finish the plan: Energy"
