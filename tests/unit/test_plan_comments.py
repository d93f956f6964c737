"""Drafts for feedback and comments on plan items: the rules, and what the export shows."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from coplan_tui.domain.demo import build_demo
from coplan_tui.domain.errors import DomainError
from coplan_tui.domain.models import LessonPlan, Partnership
from coplan_tui.domain.plan_comments import add_comment, comment_line, comments_on, for_feedback, set_resolved
from coplan_tui.domain.plan_edits import remove_item
from coplan_tui.export.plan_markdown import plan_to_markdown

NOW = datetime(2026, 11, 23, 15, 30, tzinfo=timezone.utc)


@pytest.fixture
def pair():
    docs = build_demo(NOW.date(), NOW)
    plan = next(d for d in docs if isinstance(d, LessonPlan))
    return plan, next(d for d in docs if isinstance(d, Partnership) and d.id == plan.partnership_id)


def test_comments_carry_author_time_and_resolution(pair):
    plan, p = pair
    ct, tc = p.members
    seg = plan.segments[0]
    plan = add_comment(plan, p, seg.id, tc.id, "Could the [/] stations be 3, not 4? 🌱", NOW)
    plan = add_comment(plan, p, None, ct.id, "Looks ready to teach", NOW)
    [c] = comments_on(plan, seg.id)
    assert (c.author, c.at, c.resolved) == (tc.id, NOW, False)
    assert comment_line(c, p) == "[open] Jordan Lee (TC), Mon 23 Nov 15:30: Could the [/] stations be 3, not 4? 🌱"
    plan = set_resolved(plan, {c.id}, {c.id})
    assert comments_on(plan, seg.id)[0].resolved
    md = plan_to_markdown(plan, p)
    assert "## Comments" in md
    assert "| S1 " in md and r"| resolved | Could the \[/\] stations be 3, not 4? 🌱 |" in md
    assert "| the plan | Maria Alvarez (CT) | 2026-11-23 15:30 | open | Looks ready to teach |" in md
    gone = remove_item(plan, seg.id)  # a comment goes with its item
    assert comments_on(gone, seg.id) == [] and len(gone.comments) == 1


def test_a_comment_needs_text_and_a_partner(pair):
    plan, p = pair
    with pytest.raises(DomainError, match="Write the comment"):
        add_comment(plan, p, None, p.members[0].id, "   ", NOW)
    with pytest.raises(DomainError, match="partners"):
        add_comment(plan, p, None, "someone-else", "Hi", NOW)
    with pytest.raises(DomainError):
        add_comment(plan, p, "no-such-item", p.members[0].id, "Hi", NOW)


def test_for_feedback_makes_the_partners_linked_todo(pair):
    plan, p = pair
    ct, tc = p.members
    a = plan.assessments[0]
    todo = for_feedback(plan, p, a.id, tc.id, date(2026, 11, 27), NOW)
    assert (todo.owner, todo.feedback_by, todo.plan_id, todo.item_id) == (tc.id, date(2026, 11, 27), plan.id, a.id)
    assert todo.title.startswith("Feedback on the draft: ") and a.text[:20] in todo.title
    whole = for_feedback(plan, p, None, ct.id, date(2026, 11, 24), NOW)
    assert whole.item_id is None and plan.title in whole.title
    with pytest.raises(DomainError, match="by when"):
        for_feedback(plan, p, None, ct.id, None, NOW)
