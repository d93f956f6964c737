"""The release chart's text: a row per week, █ up to the actual share, ░ over the plan."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from coplan_tui.domain.catalogue import Phase, Role
from coplan_tui.domain.models import Member, Partnership, Session, SessionStatus
from coplan_tui.domain.release import weekly_progress
from coplan_tui.domain.templates import WEEKLY
from coplan_tui.ui.widgets.release_chart import LABEL_WIDTH, chart_text

START = date(2026, 11, 2)  # Monday


def test_a_short_placement_is_drawn_week_by_week():
    p = Partnership(
        members=[Member(name="Dana Kim", role=Role.CT), Member(name="Luis Ortiz", role=Role.TC)],
        phase=Phase.CP3,
        placement_start=START,
        placement_end=START + timedelta(days=20),  # three weeks: one stage each, P1..P3
    )
    ct, tc = p.members
    sessions = [
        Session(partnership_id=p.id, template=WEEKLY, leader_id=leader.id, day=START + timedelta(days=d),
                status=SessionStatus.DONE, created_at=datetime(2026, 11, 2, tzinfo=timezone.utc))  # fmt: skip
        for d, leader in ((1, tc), (3, ct))
    ]
    today = START + timedelta(days=9)  # Wednesday of week 2
    now = datetime.combine(today, datetime.min.time(), tzinfo=timezone.utc)
    lines = chart_text(weekly_progress(p, sessions, now), 70, today).plain.splitlines()
    assert lines[0].startswith("█ TC-led share of the stage so far")
    assert lines[1].startswith(" " * LABEL_WIDTH + "0%")
    w1, w2, w3 = lines[2:]
    assert w1.startswith("P1  02 Nov ") and w2.startswith("P2  09 Nov▸") and w3.startswith("P3  16 Nov ")
    bar_width = 70 - LABEL_WIDTH - 27
    assert w1[LABEL_WIDTH:].count("█") == bar_width // 2  # one of two sessions: 50%
    assert "1 of 2 TC plan 20–40%" in w1  # CP III starts CT-heavy
    assert "░" in w3 and "█" not in w3 and "%" in w3  # the future shows only the plan
