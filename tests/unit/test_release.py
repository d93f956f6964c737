"""The gradual-release rules: default plans per phase, stage boundaries, the leader, the status."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from coplan_tui.domain.catalogue import APPROACHES_EARLY, APPROACHES_LATE, Phase, Role
from coplan_tui.domain.errors import DomainError
from coplan_tui.domain.models import Member, Partnership, ReleaseStage, Session, SessionStatus
from coplan_tui.domain.release import (
    default_release_plan,
    release_plan,
    release_status,
    stage_on,
    suggested_leader,
    validate_plan,
    weekly_progress,
)
from coplan_tui.domain.templates import WEEKLY

START = date(2026, 9, 7)  # a Monday
END = date(2026, 12, 18)  # 15 weeks later, a Friday


def pair(phase: Phase | None = Phase.CP2, start: date | None = START, end: date | None = END, plan=()) -> Partnership:
    return Partnership(
        members=[Member(name="Maria Alvarez", role=Role.CT), Member(name="Jordan Lee", role=Role.TC)],
        phase=phase,
        placement_start=start,
        placement_end=end,
        release_plan=list(plan),
    )


def led(p: Partnership, role: Role, day: date, status=SessionStatus.DONE) -> Session:
    member = p.member_with_role(role)
    return Session(
        partnership_id=p.id, template=WEEKLY, leader_id=member.id, day=day, status=status,
        created_at=datetime.combine(day, datetime.min.time(), tzinfo=timezone.utc),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("phase", "low", "high", "leaders"),
    [
        (Phase.CP1, 0, 25, ["CT", "CT", "CT", "CT"]),
        (Phase.CP2, 25, 60, ["CT", "CT", "shared", "shared"]),
        (Phase.CP3, 60, 90, ["TC", "TC", "TC", "TC"]),
    ],
)
def test_default_plan_per_phase_covers_the_placement_in_quarters(phase, low, high, leaders):
    plan = default_release_plan(phase, START, END)
    assert [s.label for s in plan] == ["Q1", "Q2", "Q3", "Q4"]
    assert plan[0].start == START and plan[-1].end == END
    for before, after in zip(plan, plan[1:]):
        assert after.start == before.end + timedelta(days=1)
        assert after.tc_share_min == before.tc_share_max  # the share only rises
    assert plan[0].tc_share_min == low and plan[-1].tc_share_max == high
    assert [s.leader for s in plan] == leaders


def test_default_approaches_follow_the_domain_sequence():
    assert default_release_plan(Phase.CP1, START, END)[0].approaches == list(APPROACHES_EARLY)
    assert default_release_plan(Phase.CP3, START, END)[-1].approaches == list(APPROACHES_LATE)
    cp2 = default_release_plan(Phase.CP2, START, END)
    assert set(cp2[0].approaches) == set(APPROACHES_EARLY)
    assert {a.value for a in cp2[-1].approaches} == {"supplemental", "station"}


@pytest.mark.parametrize(("days", "stages", "label"), [(1, 1, "Week 1"), (7, 1, "Week 1"), (8, 2, "Week 1"), (55, 8, "Week 1"), (56, 4, "Q1")])
def test_short_placements_are_planned_by_the_week(days, stages, label):
    plan = default_release_plan(Phase.CP1, START, START + timedelta(days=days - 1))
    assert len(plan) == stages and plan[0].label == label
    assert plan[-1].end == START + timedelta(days=days - 1)
    assert all(s.end >= s.start for s in plan)


def test_stage_on_every_boundary_date():
    p = pair()
    q1, q2, q3, q4 = release_plan(p)
    assert stage_on(p, START - timedelta(days=30)) == q1  # before: the first stage
    assert stage_on(p, START) == q1
    assert stage_on(p, q1.end) == q1
    assert stage_on(p, q1.end + timedelta(days=1)) == q2
    assert stage_on(p, q2.end) == q2 and stage_on(p, q3.start) == q3
    assert stage_on(p, q3.end) == q3 and stage_on(p, q4.start) == q4
    assert stage_on(p, END) == q4
    assert stage_on(p, END + timedelta(days=100)) == q4  # after: the last stage
    assert stage_on(pair(phase=None), START) is None
    assert stage_on(pair(end=None), START) is None


def test_an_edited_plan_wins_over_the_defaults():
    custom = [ReleaseStage(label="All", start=START, end=END, leader="TC", tc_share_min=70, tc_share_max=80)]
    p = pair(plan=custom)
    assert release_plan(p) == custom
    assert suggested_leader(p, START, []).member_id == p.member_with_role(Role.TC).id


def test_validate_plan_rejects_overlaps():
    a = ReleaseStage(label="A", start=START, end=START + timedelta(days=10))
    b = ReleaseStage(label="B", start=START + timedelta(days=10), end=END)
    with pytest.raises(DomainError, match="B starts"):
        validate_plan([a, b])
    validate_plan([a, b.model_copy(update={"start": START + timedelta(days=11)})])


@pytest.mark.parametrize("phase", list(Phase))
def test_with_no_sessions_the_stage_leader_goes_first(phase):
    p = pair(phase=phase)
    ct, tc = p.member_with_role(Role.CT), p.member_with_role(Role.TC)
    for stage in release_plan(p):
        s = suggested_leader(p, stage.start, [])
        mid = (stage.tc_share_min + stage.tc_share_max) / 2
        expected = tc if stage.leader == "TC" or (stage.leader == "shared" and mid >= 50) else ct
        assert s.member_id == expected.id, (phase, stage.label)
        assert stage.label in s.reason and phase.label in s.reason


def test_the_leader_balances_toward_the_target_share():
    p = pair(phase=Phase.CP2)
    q3 = release_plan(p)[2]  # 42-51% TC-led
    day = q3.start + timedelta(days=14)
    ct_led = [led(p, Role.CT, day - timedelta(days=k)) for k in (2, 9)]
    s = suggested_leader(p, day, ct_led)
    assert s.member_id == p.member_with_role(Role.TC).id
    assert "0 of the last 2 (0%)" in s.reason and "below" in s.reason
    both = [led(p, Role.TC, day - timedelta(days=2)), led(p, Role.CT, day - timedelta(days=9))]
    assert suggested_leader(p, day, both).member_id == p.member_with_role(Role.CT).id


def test_sessions_older_than_the_window_or_never_started_do_not_count():
    p = pair(phase=Phase.CP2)
    day = release_plan(p)[2].start + timedelta(days=14)
    old = [led(p, Role.TC, day - timedelta(days=40))]
    planned = [led(p, Role.TC, day - timedelta(days=1), status=SessionStatus.PLANNED)]
    assert "no session in the last 4 weeks" in suggested_leader(p, day, old + planned).reason


def test_a_zero_percent_stage_is_always_ct_led():
    stage = ReleaseStage(label="Observe", start=START, end=END, leader="CT", tc_share_min=0, tc_share_max=0)
    p = pair(plan=[stage])
    tc_heavy = [led(p, Role.CT, START + timedelta(days=k)) for k in range(0, 21, 7)]
    assert suggested_leader(p, START + timedelta(days=22), tc_heavy).member_id == p.member_with_role(Role.CT).id


def test_before_and_after_the_placement_the_reason_says_so():
    p = pair(phase=Phase.CP1)
    assert suggested_leader(p, START - timedelta(days=1), []).reason.startswith("Before the placement starts")
    assert suggested_leader(p, END + timedelta(days=1), []).reason.startswith("After the placement")


def test_pairs_without_a_plan_rotate_the_lead():
    lib = Member(name="Sam Okafor", role=Role.LIBRARIAN)
    teacher = Member(name="Priya Nair", role=Role.CLASSROOM_TEACHER)
    p = Partnership(members=[lib, teacher])
    assert suggested_leader(p, START, []).member_id == lib.id
    s = Session(partnership_id=p.id, template=WEEKLY, leader_id=lib.id, day=START, status=SessionStatus.DONE)
    assert suggested_leader(p, START + timedelta(days=7), [s]).member_id == teacher.id


@pytest.mark.parametrize(
    ("tc_sessions", "ct_sessions", "state"),
    [(0, 3, "behind"), (1, 1, "on plan"), (3, 0, "ahead"), (0, 0, "no sessions")],
)
def test_status_compares_the_recent_share_with_the_stage(tc_sessions, ct_sessions, state):
    p = pair(phase=Phase.CP2)
    today = release_plan(p)[2].start + timedelta(days=20)  # Q3: 42-51%
    sessions = [led(p, Role.TC, today - timedelta(days=k)) for k in range(tc_sessions)]
    sessions += [led(p, Role.CT, today - timedelta(days=5 + k)) for k in range(ct_sessions)]
    status = release_status(p, sessions, today)
    assert status.state == state
    assert "Q3 plans 42–51% TC-led" in status.sentence


def test_status_before_the_placement_and_without_a_plan():
    assert release_status(pair(), [], START - timedelta(days=1)).state == "not started"
    assert release_status(pair(phase=None), [], START).state == "no plan"


def test_weekly_progress_runs_monday_to_monday_and_marks_the_future():
    p = pair(phase=Phase.CP3)
    today = START + timedelta(days=23)  # Wednesday of week 4
    sessions = [led(p, Role.TC, START + timedelta(days=1)), led(p, Role.CT, START + timedelta(days=8))]
    weeks = weekly_progress(p, sessions, today)
    assert weeks[0].start == START and len(weeks) == 15
    assert [w.sessions for w in weeks[:3]] == [1, 1, 0]
    assert weeks[0].recent.share == 100.0 and weeks[1].recent.share == 50.0
    assert [w.future for w in weeks[:5]] == [False, False, False, False, True]
    assert weeks[0].planned == (60, 67)
