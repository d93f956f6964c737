"""Approach balance: counts, the one-teach-one-assist flag, the release plan's expectations."""

from __future__ import annotations

from datetime import date

from coplan_tui.domain.balance import approach_balance
from coplan_tui.domain.catalogue import Approach, Phase, Role
from coplan_tui.domain.models import LessonPlan, Member, Partnership, Segment

PAIR = Partnership(
    members=[Member(name="Maria", role=Role.CT), Member(name="Jordan", role=Role.TC)],
    phase=Phase.CP2,
    placement_start=date(2026, 9, 1),
    placement_end=date(2026, 12, 31),
)


def plan(*approaches) -> LessonPlan:
    return LessonPlan(partnership_id=PAIR.id, title="p", segments=[Segment(title="s", approach=a) for a in approaches])


def test_counts_every_approach_across_plans_and_the_unset_ones():
    b = approach_balance([plan(Approach.TEAM, Approach.STATION), plan(Approach.TEAM, None)])
    assert b.counts[Approach.TEAM] == 2 and b.counts[Approach.STATION] == 1 and b.counts[Approach.PARALLEL] == 0
    assert list(b.counts) == list(Approach)
    assert b.total == 3 and b.unset == 1
    assert b.findings() == ["1 segment without an approach."]


def test_one_teach_one_assist_over_a_third_is_flagged():
    assist = Approach.ONE_TEACH_ONE_ASSIST
    exactly_third = approach_balance([plan(assist, Approach.TEAM, Approach.STATION)])
    assert not exactly_third.over_assist
    over = approach_balance([plan(assist, assist, Approach.TEAM)])
    assert over.over_assist
    assert over.findings()[0].startswith("One teach, one assist is 67% of segments")


def test_no_segments_means_no_flag():
    assert not approach_balance([]).over_assist
    assert approach_balance([]).findings() == []


def test_compares_with_the_release_stage_on_the_day():
    early = approach_balance([plan(Approach.TEAM)], PAIR, date(2026, 9, 10))
    assert early.stage_label == "Q1"
    assert early.expected == (Approach.ONE_TEACH_ONE_OBSERVE, Approach.ONE_TEACH_ONE_ASSIST)
    assert early.expected_share == 0.0
    late = approach_balance([plan(Approach.STATION, Approach.TEAM)], PAIR, date(2026, 12, 20))
    assert late.expected == (Approach.SUPPLEMENTAL, Approach.STATION)
    assert late.expected_share == 0.5
    assert late.expected_unused == [Approach.SUPPLEMENTAL]
    assert "Q4 of the release plan expects: Supplemental teaching, Station teaching; 50% of segments use them." in late.findings()
    assert "Not tried yet: Supplemental teaching." in late.findings()


def test_without_a_release_plan_there_is_nothing_to_compare():
    peers = Partnership(members=PAIR.members)
    b = approach_balance([plan(Approach.TEAM)], peers, date(2026, 9, 10))
    assert b.expected == () and b.expected_share is None and b.stage_label is None
