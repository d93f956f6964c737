"""The gradual-release rules: default plans per phase, stage boundaries, the leader, the status."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from coplan_tui.domain.catalogue import APPROACHES_EARLY, APPROACHES_LATE, Level, Phase, Role
from coplan_tui.domain.errors import DomainError
from coplan_tui.domain.models import Interval, Member, Partnership, ReleaseStage, Session, SessionStatus, StepRun
from coplan_tui.domain.release import (
    INCLUDE_TC,
    THINK_ALOUD,
    advise,
    default_release_plan,
    end_of,
    release_plan,
    stage_on,
    stage_state,
    tc_leads_next,
    validate_plan,
    week_stage,
    weekly_progress,
    with_stage,
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


def led(p: Partnership, role: Role, day: date, status=SessionStatus.DONE, hour: int = 9) -> Session:
    member = p.member_with_role(role)
    return Session(
        partnership_id=p.id, template=WEEKLY, leader_id=member.id, day=day, status=status,
        created_at=datetime.combine(day, datetime.min.time(), tzinfo=timezone.utc).replace(hour=hour),
    )  # fmt: skip


def at(day: date, hour: int = 18) -> datetime:
    return datetime.combine(day, datetime.min.time(), tzinfo=timezone.utc).replace(hour=hour)


def follow(p: Partnership, days: list[date]) -> list[Session]:
    """A pair that holds a session on each day, always led by whoever the advice names."""
    sessions: list[Session] = []
    for day in days:
        advice = advise(p, sessions, at(day, 8))
        role = p.member(advice.member_id).role
        sessions.append(led(p, role, day))
    return sessions



@pytest.mark.parametrize("phase", list(Phase))
def test_default_plan_covers_the_placement_in_contiguous_quarters(phase):
    plan = default_release_plan(phase, START, END)
    assert [s.label for s in plan] == ["Q1", "Q2", "Q3", "Q4"]
    assert plan[0].start == START and plan[-1].end == END
    validate_plan(plan)  # each stage starts the day after the one before ends
    for before, after in zip(plan, plan[1:]):
        assert after.tc_share_min >= before.tc_share_min and after.tc_share_max >= before.tc_share_max  # only rises


def test_defaults_follow_the_seed():
    cp1 = default_release_plan(Phase.CP1, START, END)
    # CP I: the CT leads throughout; the TC's growth is being included in planning targeted lessons
    assert [(s.leader, s.tc_share_min, s.tc_share_max) for s in cp1] == [("CT", 0, 0)] * 4
    assert [s.guidance for s in cp1] == [THINK_ALOUD, THINK_ALOUD, INCLUDE_TC, INCLUDE_TC]
    assert "thinks aloud" in THINK_ALOUD and "targeted lessons" in INCLUDE_TC
    # CP II and III start CT-heavy and rise; by the end of CP III the TC leads most sessions
    for phase in (Phase.CP2, Phase.CP3):
        plan = default_release_plan(phase, START, END)
        assert plan[0].leader == "CT" and plan[0].tc_share_max <= 40
        assert "feedback" in plan[0].guidance
    cp3 = default_release_plan(Phase.CP3, START, END)
    assert cp3[-1].leader == "TC" and cp3[-1].tc_share_min > 50


def test_default_approaches_follow_the_domain_sequence():
    assert default_release_plan(Phase.CP1, START, END)[0].approaches == list(APPROACHES_EARLY)
    assert default_release_plan(Phase.CP3, START, END)[-1].approaches == list(APPROACHES_LATE)
    cp2 = default_release_plan(Phase.CP2, START, END)
    assert set(cp2[0].approaches) == set(APPROACHES_EARLY)
    assert {a.value for a in cp2[-1].approaches} == {"supplemental", "station"}


@pytest.mark.parametrize(("days", "stages", "label"), [(1, 1, "Part 1"), (7, 1, "Part 1"), (8, 2, "Part 1"), (21, 3, "Part 1"), (22, 4, "Q1"), (42, 4, "Q1")])
def test_short_placements_get_fewer_stages(days, stages, label):
    plan = default_release_plan(Phase.CP3, START, START + timedelta(days=days - 1))
    assert len(plan) == stages and plan[0].label == label
    assert plan[-1].end == START + timedelta(days=days - 1)
    validate_plan(plan)
    assert plan[0].tc_share_max <= 40  # even a short CP III starts CT-heavy


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


def test_a_day_in_an_old_gap_belongs_to_the_stage_before_not_the_last():
    a = ReleaseStage(label="A", start=START, end=START + timedelta(days=9))
    b = ReleaseStage(label="B", start=START + timedelta(days=20), end=START + timedelta(days=29))
    c = ReleaseStage(label="C", start=START + timedelta(days=30), end=END)
    p = pair(plan=[a, b, c])
    assert stage_on(p, START + timedelta(days=15)) == a


def test_an_edited_plan_wins_over_the_defaults():
    custom = [ReleaseStage(label="All", start=START, end=END, leader="TC", tc_share_min=70, tc_share_max=80)]
    p = pair(plan=custom)
    assert release_plan(p) == custom
    assert advise(p, [], at(START)).member_id == p.member_with_role(Role.TC).id


def test_validate_plan_refuses_overlaps_and_gaps_with_a_message():
    a = ReleaseStage(label="A", start=START, end=START + timedelta(days=10))
    b = ReleaseStage(label="B", start=START + timedelta(days=10), end=END)
    with pytest.raises(DomainError, match="B starts"):
        validate_plan([a, b])
    with pytest.raises(DomainError, match="gap between A .* B must start on 2026-09-18"):
        validate_plan([a, b.model_copy(update={"start": START + timedelta(days=13)})])
    validate_plan([a, b.model_copy(update={"start": START + timedelta(days=11)})])


def test_with_stage_moves_the_neighbours_so_stages_stay_end_to_end():
    plan = default_release_plan(Phase.CP2, START, END)
    q2 = plan[1].model_copy(update={"start": plan[1].start + timedelta(days=3), "end": plan[1].end - timedelta(days=2)})
    out = with_stage(plan, 1, q2)
    assert out[0].end == q2.start - timedelta(days=1) and out[2].start == q2.end + timedelta(days=1)
    validate_plan(out)
    with pytest.raises(DomainError, match="would end after Q3"):
        with_stage(plan, 1, plan[1].model_copy(update={"end": plan[2].end + timedelta(days=1)}))


def test_a_week_row_is_labelled_with_the_stage_holding_most_of_it():
    # Q2 starts on a Thursday: that week has 3 days of Q1 and 4 of Q2
    q1 = ReleaseStage(label="Q1", start=START, end=date(2026, 9, 23))  # ends Wednesday
    q2 = ReleaseStage(label="Q2", start=date(2026, 9, 24), end=END)
    p = pair(plan=[q1, q2])
    assert week_stage(p, date(2026, 9, 21)).label == "Q2"
    q1b = q1.model_copy(update={"end": date(2026, 9, 24)})
    p2 = pair(plan=[q1b, q2.model_copy(update={"start": date(2026, 9, 25)})])
    assert week_stage(p2, date(2026, 9, 21)).label == "Q1"
    weeks = weekly_progress(p, [], at(END))
    assert [w.stage.label for w in weeks[:4]] == ["Q1", "Q1", "Q2", "Q2"]


# --- the rule -----------------------------------------------------------------------------


def test_cp1_week_three_after_one_ct_session_the_ct_still_leads():
    p = pair(phase=Phase.CP1)
    day = START + timedelta(days=15)
    advice = advise(p, [led(p, Role.CT, START + timedelta(days=8))], at(day))
    assert advice.member_id == p.member_with_role(Role.CT).id
    assert advice.state == "on plan"
    assert advice.reason.startswith("0 of 1 session in Q1 so far was TC-led (0%); Q1 plans 0%: the CT leads next.")
    assert "thinks aloud" in advice.reason


def test_the_reason_counts_whole_sessions_over_the_stage():
    q2 = ReleaseStage(label="Q2", start=START, end=END, tc_share_min=25, tc_share_max=33)
    p = pair(plan=[q2])
    roles = [Role.TC, Role.CT, Role.CT, Role.TC, Role.CT, Role.CT, Role.TC, Role.CT]
    sessions = [led(p, r, START + timedelta(days=k)) for k, r in enumerate(roles)]
    advice = advise(p, sessions, at(START + timedelta(days=8)))
    assert advice.reason.startswith("3 of the 8 sessions in Q2 so far were TC-led (38%); Q2 plans 25–33%: the CT leads next.")
    assert "(The TC leading would make it 4 of 9, 44%.)" in advice.reason
    assert (advice.sessions, advice.tc_led, advice.state) == (8, 3, "on plan")


@pytest.mark.parametrize(
    ("tc_led", "n", "low", "high", "state"),
    [
        (0, 0, 25, 33, "no sessions"),
        (0, 4, 25, 33, "on plan"),  # should be 1: one short is within tolerance
        (0, 8, 25, 33, "behind"),  # should be 2: two short
        (1, 8, 25, 33, "on plan"),
        (3, 8, 25, 33, "on plan"),  # at most 2.64: one over is within tolerance
        (4, 8, 25, 33, "ahead"),
        (1, 1, 0, 0, "on plan"),
        (2, 2, 0, 0, "ahead"),
        (2, 2, 75, 90, "on plan"),
    ],
)
def test_status_allows_one_session_either_side_of_the_range(tc_led, n, low, high, state):
    assert stage_state(tc_led, n, low, high) == state


@pytest.mark.parametrize(("low", "high"), [(0, 0), (0, 20), (20, 35), (25, 33), (40, 60), (75, 90), (100, 100)])
def test_following_the_advice_keeps_every_count_on_plan(low, high):
    t = n = 0
    for _ in range(40):
        if tc_leads_next(t, n, low, high):
            t += 1
        n += 1
        assert stage_state(t, n, low, high) == "on plan", (t, n)
        assert abs(t - (low + high) / 200 * n) <= 0.5


def test_todays_sessions_count_and_so_does_the_moment():
    p = pair(phase=Phase.CP2)
    q3 = release_plan(p)[2]
    day = q3.start + timedelta(days=7)
    morning = led(p, Role.CT, day, hour=9)
    assert advise(p, [morning], at(day, 8)).sessions == 0  # not yet held at 8:00
    after = advise(p, [morning], at(day, 15))
    assert after.sessions == 1 and "No session" not in after.reason


def test_a_running_session_counts_after_two_minutes_or_with_notes():
    p = pair(phase=Phase.CP2)
    day = release_plan(p)[1].start
    start = at(day, 10)
    run = StepRun(started_at=start, intervals=[Interval(start=start)])
    s = led(p, Role.TC, day, status=SessionStatus.RUNNING, hour=10)
    s = s.model_copy(update={"steps": [run] + [StepRun()] * (len(WEEKLY.steps) - 1)})
    assert advise(p, [s], start + timedelta(seconds=30)).sessions == 0
    assert advise(p, [s], start + timedelta(minutes=2)).sessions == 1
    noted = s.model_copy(update={"steps": [run.model_copy(update={"notes": "plan the lab"})] + s.steps[1:]})
    assert advise(p, [noted], start + timedelta(seconds=30)).sessions == 1
    planned = led(p, Role.TC, day, status=SessionStatus.PLANNED)
    assert advise(p, [planned], at(day)).sessions == 0


@pytest.mark.parametrize("phase", list(Phase))
def test_the_stage_counts_start_afresh(phase):
    p = pair(phase=phase)
    q1, q2 = release_plan(p)[:2]
    sessions = [led(p, Role.TC, q1.start + timedelta(days=k)) for k in range(3)]
    advice = advise(p, sessions, at(q2.start))
    assert advice.sessions == 0 and advice.stage == q2
    assert advice.reason.startswith(f"No session in Q2 yet; Q2 plans {q2.tc_share_min}")


def test_before_and_after_the_placement_the_reason_says_so():
    p = pair(phase=Phase.CP1)
    before = advise(p, [], at(START - timedelta(days=1)))
    assert before.state == "not started" and before.reason.startswith("The placement starts on Mon 07 Sep")
    assert advise(p, [], at(END + timedelta(days=1))).reason.startswith("The placement ended on Fri 18 Dec")


def test_levels_peers_rotate_coordination_has_its_lead_cooperation_no_suggestion():
    lib = Member(name="Sam Okafor", role=Role.LIBRARIAN)
    teacher = Member(name="Priya Nair", role=Role.CLASSROOM_TEACHER)
    p = Partnership(members=[lib, teacher])
    assert advise(p, [], at(START)).member_id == lib.id
    s = Session(partnership_id=p.id, template=WEEKLY, leader_id=lib.id, day=START, status=SessionStatus.DONE)
    assert advise(p, [s], at(START + timedelta(days=7))).member_id == teacher.id
    coord = p.model_copy(update={"level": Level.COORDINATION, "lead_id": teacher.id})
    for sessions in ([], [s], [s.model_copy(update={"leader_id": teacher.id})]):
        advice = advise(coord, sessions, at(START + timedelta(days=7)))
        assert advice.member_id == teacher.id and "Priya Nair leads" in advice.reason  # no rotation
    assert advise(coord.model_copy(update={"lead_id": None}), [], at(START)).member_id is None
    coop = advise(p.model_copy(update={"level": Level.COOPERATION}), [s], at(START))
    assert coop.member_id is None and "no coplanning" in coop.reason
    # a CT/TC pair at those levels follows the level, not the release plan
    cp = pair().model_copy(update={"level": Level.COOPERATION})
    assert advise(cp, [], at(START)).member_id is None


def test_weekly_progress_judges_each_week_as_of_its_end():
    p = pair(phase=Phase.CP3)
    now = at(START + timedelta(days=23))  # Wednesday of week 4
    sessions = [led(p, Role.TC, START + timedelta(days=1)), led(p, Role.CT, START + timedelta(days=8))]
    weeks = weekly_progress(p, sessions, now)
    assert weeks[0].start == START and len(weeks) == 15
    assert [w.sessions for w in weeks[:3]] == [1, 1, 0]
    assert (weeks[0].advice.tc_led, weeks[0].advice.sessions) == (1, 1)
    assert (weeks[1].advice.tc_led, weeks[1].advice.sessions) == (1, 2)
    assert weeks[0].advice.as_of == end_of(START + timedelta(days=6), timezone.utc)
    assert weeks[3].advice.as_of == now
    assert [w.future for w in weeks[:5]] == [False, False, False, False, True]
    assert weeks[0].planned == (20, 40)


@pytest.mark.parametrize("phase", list(Phase))
def test_a_pair_that_follows_every_suggestion_stays_on_plan(phase):
    p = pair(phase=phase)
    days = [START + timedelta(days=7 * k + 1) for k in range(15)]
    sessions = follow(p, days)
    for k in range(15):
        assert advise(p, sessions, at(START + timedelta(days=7 * k + 6))).state in ("on plan", "no sessions")
    if phase == Phase.CP1:
        assert all(s.leader_id == p.member_with_role(Role.CT).id for s in sessions)
    if phase == Phase.CP3:
        last = [s for s in sessions if s.day >= release_plan(p)[-1].start]
        assert sum(s.leader_id == p.member_with_role(Role.TC).id for s in last) > len(last) / 2
