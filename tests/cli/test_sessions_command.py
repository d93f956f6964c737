"""`coplan sessions` shows the ids `coplan export session` needs; minutes name the plan worked on."""

from __future__ import annotations

import json

from coplan_tui.cli import main
from coplan_tui.domain.catalogue import Level
from coplan_tui.domain.models import LessonPlan, Partnership, Session


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_sessions_table_and_json_give_ids_that_export_takes(demo_store, capsys):
    db = str(demo_store.path)
    code, out, _ = run(capsys, "sessions", "--db", db, "--format", "json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == len(demo_store.all(Session))
    assert [r["day"] for r in rows] == sorted((r["day"] for r in rows), reverse=True)
    code, table, _ = run(capsys, "sessions", "--db", db, "--partnership", "alvarez")
    assert code == 0 and table.splitlines()[0].split()[:3] == ["ID", "DATE", "TEMPLATE"]
    science = [r for r in rows if r["partnership"].startswith("Alvarez")]
    assert len(table.splitlines()) == 1 + len(science) + 2
    for r in science:
        assert r["id"][:8] in table
    code, minutes, err = run(capsys, "export", "session", science[-1]["id"][:8], "--db", db)
    assert code == 0, err and minutes.startswith("# Coplanning minutes:")
    code, _, err = run(capsys, "sessions", "--db", db, "--partnership", "nobody at all")
    assert code == 1 and "no partnership matches" in err


def test_minutes_name_the_linked_plan_and_its_alignment(demo_store, capsys):
    db = str(demo_store.path)
    plan = demo_store.all(LessonPlan)[0]
    session = next(s for s in demo_store.all(Session) if s.plan_id == plan.id)
    code, out, _ = run(capsys, "export", "session", session.id, "--db", db)
    assert code == 0
    assert f"- **Lesson plan:** {plan.title} ({plan.kind}, {plan.status.value})" in out
    assert "- **Alignment:**" in out
    hostile = plan.model_copy(update={"title": "[/] *bold* <b>x</b>", "objectives": [], "segments": [], "assessments": []})
    demo_store.put(hostile)
    code, out, _ = run(capsys, "export", "session", session.id, "--db", db)
    assert "**Lesson plan:** \\[/\\] \\*bold\\*" in out
    assert "- **Alignment:** 2 warnings" in out and "No objectives yet" in out and "Segments fill 0 of" in out
    demo_store.delete(LessonPlan, plan.id)
    code, out, _ = run(capsys, "export", "session", session.id, "--db", db)
    assert "- **Lesson plan:** _deleted since_" in out


def test_a_cooperation_pair_gets_no_approach_or_role_warnings(demo_store):
    from coplan_tui.domain.alignment import Gap, check

    plan = demo_store.all(LessonPlan)[0]
    p = demo_store.get(Partnership, plan.partnership_id)
    bare = plan.model_copy(update={"segments": [s.model_copy(update={"approach": None, "roles": {}}) for s in plan.segments]})
    gaps = {w.gap for w in check(bare, p)}
    assert {Gap.NO_APPROACH, Gap.ROLE_MISSING} <= gaps
    cooperation = p.model_copy(update={"level": Level.COOPERATION})
    assert not {w.gap for w in check(bare, cooperation)} & {Gap.NO_APPROACH, Gap.ROLE_MISSING}
