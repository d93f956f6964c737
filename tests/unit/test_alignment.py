"""Every alignment rule: the warning appears for the gap and disappears once it is closed."""

from __future__ import annotations

from coplan_tui.domain.alignment import Gap, all_clear_text, check
from coplan_tui.domain.catalogue import Approach, Role
from coplan_tui.domain.models import Assessment, LessonPlan, Member, Objective, Partnership, Segment

CT = Member(name="Maria Alvarez", role=Role.CT)
TC = Member(name="Jordan Lee", role=Role.TC)
PAIR = Partnership(members=[CT, TC])
O1 = Objective(text="Trace energy through a food web")
A1 = Assessment(text="Exit ticket", objective_ids=[O1.id])
S1 = Segment(title="Model a web", minutes=50, objective_ids=[O1.id], approach=Approach.TEAM, roles={CT.id: "draws", TC.id: "arrows"})


def aligned(**update) -> LessonPlan:
    data = {"partnership_id": PAIR.id, "title": "Energy", "length_minutes": 50, "objectives": [O1], "assessments": [A1], "segments": [S1]}
    data.update(update)
    return LessonPlan(**data)


def gaps(plan: LessonPlan) -> list[Gap]:
    return [w.gap for w in check(plan, PAIR)]


def test_an_aligned_plan_has_no_warnings_and_says_so():
    plan = aligned()
    assert check(plan, PAIR) == []
    assert "Aligned" in all_clear_text(plan)
    assert "50 of 50 min" in all_clear_text(plan)


def test_a_plan_without_objectives_is_told_to_begin_with_the_end():
    warnings = check(aligned(objectives=[], assessments=[], segments=[]), PAIR)
    assert [w.gap for w in warnings] == [Gap.NO_OBJECTIVES, Gap.MINUTES_UNDER]
    assert warnings[0].section == "plan" and warnings[0].item_id is None


def test_an_objective_no_assessment_measures():
    o2 = Objective(text="Name producers")
    seg = S1.model_copy(update={"objective_ids": [O1.id, o2.id]})
    warnings = check(aligned(objectives=[O1, o2], segments=[seg]), PAIR)
    assert [(w.gap, w.item_id) for w in warnings] == [(Gap.UNASSESSED, o2.id)]
    assert warnings[0].message == "O2 is measured by no assessment"
    measured = aligned(objectives=[O1, o2], segments=[seg], assessments=[A1.model_copy(update={"objective_ids": [O1.id, o2.id]})])
    assert gaps(measured) == []


def test_an_objective_no_task_teaches():
    o2 = Objective(text="Name producers")
    a = A1.model_copy(update={"objective_ids": [O1.id, o2.id]})
    warnings = check(aligned(objectives=[O1, o2], assessments=[a]), PAIR)
    assert [(w.gap, w.item_id) for w in warnings] == [(Gap.UNTAUGHT, o2.id)]
    assert "taught by no task" in warnings[0].message


def test_a_task_linked_to_no_objective():
    seg = S1.model_copy(update={"objective_ids": []})
    warnings = check(aligned(segments=[seg]), PAIR)
    assert [w.gap for w in warnings] == [Gap.UNTAUGHT, Gap.UNLINKED_TASK]
    assert warnings[1].item_id == seg.id and warnings[1].section == "segment"
    assert warnings[1].message == "S1 Model a web: linked to no objective"


def test_a_segment_without_an_approach():
    seg = S1.model_copy(update={"approach": None})
    warnings = check(aligned(segments=[seg]), PAIR)
    assert [(w.gap, w.item_id) for w in warnings] == [(Gap.NO_APPROACH, seg.id)]


def test_a_segment_with_a_role_missing_names_who():
    seg = S1.model_copy(update={"roles": {CT.id: "draws", TC.id: "   "}})
    warnings = check(aligned(segments=[seg]), PAIR)
    assert [(w.gap, w.item_id) for w in warnings] == [(Gap.ROLE_MISSING, seg.id)]
    assert warnings[0].message.endswith("no role for TC")
    none = S1.model_copy(update={"roles": {}})
    assert check(aligned(segments=[none]), PAIR)[0].message.endswith("no role for CT and TC")


def test_roles_are_not_checked_without_the_partnership():
    seg = S1.model_copy(update={"roles": {}})
    assert [w.gap for w in check(aligned(segments=[seg]))] == []


def test_minutes_over_and_under_the_lesson_length():
    long = S1.model_copy(update={"minutes": 65})
    over = check(aligned(segments=[long]), PAIR)
    assert [w.gap for w in over] == [Gap.MINUTES_OVER]
    assert over[0].message == "Segments take 65 min, 15 over the 50-min lesson"
    short = S1.model_copy(update={"minutes": 30})
    under = check(aligned(segments=[short]), PAIR)
    assert [w.gap for w in under] == [Gap.MINUTES_UNDER]
    assert under[0].message == "Segments fill 30 of 50 min: 20 unplanned"


def test_a_plan_without_a_length_has_no_minutes_check():
    short = S1.model_copy(update={"minutes": 5})
    assert gaps(aligned(segments=[short], length_minutes=None)) == []
