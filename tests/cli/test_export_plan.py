"""`coplan export plan ID --format md` prints the lesson plan the planner writes."""

from __future__ import annotations

from coplan_tui.cli import main
from coplan_tui.domain.models import LessonPlan, Partnership
from coplan_tui.export.plan_markdown import plan_to_markdown


def test_export_plan_prints_the_plan_markdown(demo_store, capsys):
    plan = demo_store.all(LessonPlan)[0]
    partnership = demo_store.get(Partnership, plan.partnership_id)
    code = main(["export", "plan", plan.id[:8], "--db", str(demo_store.path), "--format", "md"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.strip() == plan_to_markdown(plan, partnership).strip()
    assert "| Alvarez" in out or "Maria Alvarez" in out


def test_export_plan_with_an_unknown_id_is_a_clear_error(demo_store, capsys):
    code = main(["export", "plan", "zzzz", "--db", str(demo_store.path), "--format", "md"])
    err = capsys.readouterr().err
    assert code != 0 and "zzzz" in err and "Traceback" not in err
