"""Levels that mean what they say: requests at cooperation, defaults, and what a change of level says."""

from __future__ import annotations

from datetime import date, datetime, time, timezone

import pytest

from coplan_tui.domain.catalogue import Level, Role
from coplan_tui.domain.errors import DomainError
from coplan_tui.domain.levels import level_changes
from coplan_tui.domain.models import Member, Partnership, Schedule, Weekday
from coplan_tui.domain.partnership_form import build, fields_of
from coplan_tui.domain.requests import asker, describe_request, mark_provided, new_request, ordered, reopen
from coplan_tui.domain.schedule import describe_next, occurrences, with_change

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
TODAY = NOW.date()


def library(level=Level.COOPERATION) -> Partnership:
    return Partnership(
        members=[Member(name="Lin", role=Role.LIBRARIAN), Member(name="Cy", role=Role.CLASSROOM_TEACHER)],
        level=level,
        schedule=Schedule(weekday=Weekday.THU, start_time=time(12, 10)),
    )


def test_requests_open_then_provided_in_order():
    p = library()
    late = new_request(p, "Ten books on volcanoes", NOW, for_lesson="Lesson 3", needed_by=date(2026, 11, 20))
    soon = new_request(p, "Laptop cart", NOW, needed_by=date(2026, 11, 25))
    undated = new_request(p, "[/] posters 🌋", NOW)
    assert late.requested_by == p.members[1].id == asker(p)  # the teacher asks
    assert describe_request(late, TODAY) == "Ten books on volcanoes, for Lesson 3, by Fri 20 Nov (late)"
    given = mark_provided(soon, "Cart 2, charged", date(2026, 11, 24))
    assert not given.is_open and given.status == "provided"
    assert describe_request(given, TODAY) == "Laptop cart; provided Tue 24 Nov: Cart 2, charged"
    assert [r.what for r in ordered([given, undated, late])] == ["Ten books on volcanoes", "[/] posters 🌋", "Laptop cart"]
    assert reopen(given).is_open


def test_a_request_needs_what_and_a_member():
    p = library()
    with pytest.raises(DomainError):
        new_request(p, "   ", NOW)
    with pytest.raises(DomainError, match="member"):
        new_request(p, "Books", NOW, requested_by="nobody-at-all")
    with pytest.raises(DomainError):
        new_request(p, "x" * 501, NOW)


def test_cooperation_has_no_coplanning_but_keeps_the_time():
    coop = library()
    assert occurrences(coop, NOW) == [] and describe_next(coop, NOW) == "no coplanning (cooperation)"
    collab = coop.model_copy(update={"level": Level.COLLABORATION})
    assert len(occurrences(collab, NOW, 8)) == 8


def test_changing_level_says_what_changed_and_keeps_everything():
    coop = library()
    collab = coop.model_copy(update={"level": Level.COLLABORATION})
    said = " ".join(level_changes(coop, collab))
    assert "Now collaboration (was cooperation)" in said
    assert "Librarian-teacher collaboration (45 min) (was Quick check-in (15 min))" in said
    assert "All sessions, plans, to-dos and requests are kept." in said
    back = " ".join(level_changes(collab, coop))
    assert "no coplanning meetings" in back and "regular time is kept" in back
    coord = " ".join(level_changes(collab, collab.model_copy(update={"level": Level.COORDINATION})))
    assert "Coordination check-in (10 min)" in coord and "extra pair of hands" in coord
    assert level_changes(coop, coop) == [] and level_changes(None, coop) == []


def test_form_keeps_the_rule_moves_and_new_fields_through_an_edit():
    p = library(Level.COORDINATION)
    p = p.model_copy(update={"schedule": with_change(p.schedule, date(2026, 11, 26), skip=True)})
    fields = fields_of(p) | {"lead": "m1", "location": "Library [/] room 4", "link": "https://meet.example/x", "library_part": "extra_hands", "aligns_with": "Evaluating sources"}
    edited = build(fields, TODAY, existing=p)
    assert edited.schedule.changes == p.schedule.changes and edited.schedule.rule == p.schedule.rule
    assert (edited.meeting.location, edited.meeting.link) == ("Library [/] room 4", "https://meet.example/x")
    assert (edited.library_part, edited.aligns_with) == ("extra_hands", "Evaluating sources")
    assert fields_of(edited)["library_part"] == "extra_hands"
    moved_day = build(fields | {"weekday": "fri"}, TODAY, existing=p)
    assert moved_day.schedule.changes == []  # skips of Thursdays mean nothing on Fridays


def test_collaboration_co_assesses_and_notes_outcomes_after_teaching():
    from coplan_tui.domain.alignment import Gap, check
    from coplan_tui.domain.models import Assessment, LessonPlan, Objective, PlanStatus
    from coplan_tui.export.plan_markdown import plan_to_markdown

    p = library(Level.COLLABORATION)
    lib, teacher = p.members
    o = Objective(text="Evaluate a source")
    plan = LessonPlan(partnership_id=p.id, title="Sources", objectives=[o],
                      assessments=[Assessment(text="Exit ticket", objective_ids=[o.id], graded_by=teacher.id)])  # fmt: skip
    gaps = lambda plan, p: {w.gap for w in check(plan, p)}  # noqa: E731
    assert Gap.NOT_CO_ASSESSED in gaps(plan, p)
    both = plan.model_copy(update={"assessments": [plan.assessments[0].model_copy(update={"graded_by": "both"})]})
    assert Gap.NOT_CO_ASSESSED not in gaps(both, p)
    taught = both.model_copy(update={"status": PlanStatus.TAUGHT})
    assert Gap.NO_OUTCOMES in gaps(taught, p)
    noted = taught.model_copy(update={"outcomes": "22 of 26 met it; the others mixed up bias and error"})
    assert Gap.NO_OUTCOMES not in gaps(noted, p)
    assert "## Outcomes and analysis\n\n22 of 26 met it" in plan_to_markdown(noted, p)
    for level in (Level.COOPERATION, Level.COORDINATION):  # only collaboration co-assesses
        other = p.model_copy(update={"level": level})
        assert not gaps(plan.model_copy(update={"status": PlanStatus.TAUGHT}), other) & {Gap.NOT_CO_ASSESSED, Gap.NO_OUTCOMES}
