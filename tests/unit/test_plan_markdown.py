"""The Markdown export of the demo plan matches the reviewed golden file, byte for byte."""

from __future__ import annotations

import os
from pathlib import Path

from coplan_tui.domain.catalogue import Role
from coplan_tui.domain.demo import build_demo
from coplan_tui.domain.models import LessonPlan, Member, Objective, Partnership, Segment
from coplan_tui.export.plan_markdown import cell, plan_to_markdown

from ..conftest import FIXED_NOW

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "plan_energy_flow.md"


def demo_plan() -> tuple[LessonPlan, Partnership]:
    docs = build_demo(FIXED_NOW.date(), FIXED_NOW)
    plan = next(d for d in docs if isinstance(d, LessonPlan))
    partnership = next(d for d in docs if isinstance(d, Partnership) and d.id == plan.partnership_id)
    return plan, partnership


def test_markdown_matches_the_golden_file():
    text = plan_to_markdown(*demo_plan())
    if os.environ.get("COPLAN_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_the_export_has_the_template_sections_and_two_role_columns():
    text = plan_to_markdown(*demo_plan())
    for heading in ("## Objectives", "## Assessments", "## Alignment", "## Lesson segments", "## Resources"):
        assert heading in text
    assert "| Maria Alvarez (CT) | Jordan Lee (TC) |" in text
    assert "| O3 | Students will be able to predict the effect of removing one species. | A3 | NOT TAUGHT |" in text


def test_table_cells_escape_pipes_and_newlines():
    assert cell("a | b\nc") == "a \\| b c"
    assert cell("") == "—"
    pair = Partnership(members=[Member(name="A B", role=Role.CT), Member(name="C|D", role=Role.TC)])
    o = Objective(text="x | y")
    plan = LessonPlan(partnership_id=pair.id, title="T", objectives=[o], segments=[Segment(title="s|t", objective_ids=[o.id])])
    text = plan_to_markdown(plan, pair)
    assert "| S1 | — | 10 | s\\|t | not chosen | O1 | — | — |" in text
    assert "C\\|D (TC)" in text
    assert "No alignment warnings." not in text
