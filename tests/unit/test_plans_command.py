"""`coplan plans`: table and JSON output, the partnership filter, clear errors, no textual."""

from __future__ import annotations

import json
import subprocess
import sys

from coplan_tui.cli import main
from coplan_tui.domain.models import LessonPlan


def test_table_lists_plans_with_status_and_warning_count(demo_store, capsys):
    assert main(["plans", "--db", str(demo_store.path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["ID", "TITLE", "KIND", "DATE", "STATUS", "WARNINGS", "PARTNERSHIP"]
    assert "Energy flow in ecosystems" in out[1]
    assert out[1].split()[0] in {p.id[:8] for p in demo_store.all(LessonPlan)}
    assert " draft " in out[1] and "  2  " in out[1]


def test_json_output_and_filter_by_name(demo_store, capsys):
    assert main(["plans", "--db", str(demo_store.path), "--partnership", "ALVAREZ", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["title"], r["status"], r["warnings"], r["start"]) for r in rows] == [("Energy flow in ecosystems", "draft", 2, "2026-11-26")]
    assert len(rows[0]["id"]) == 32
    assert main(["--db", str(demo_store.path), "plans", "--partnership", "okafor", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_unknown_partnership_and_missing_db_are_clear_errors(demo_store, tmp_path, capsys):
    assert main(["plans", "--db", str(demo_store.path), "--partnership", "nobody"]) == 1
    err = capsys.readouterr().err
    assert "no partnership matches 'nobody'" in err and "Okafor & Nair" in err
    assert main(["plans", "--db", str(tmp_path / "none.json")]) == 1
    err = capsys.readouterr().err
    assert "There is no coplan database" in err and "--db" in err
    assert not (tmp_path / "none.json").exists()


def test_empty_database_says_so(store, capsys):
    assert main(["plans", "--db", str(store.path)]) == 0
    assert capsys.readouterr().out.strip() == "No plans yet."


def test_plans_command_does_not_import_textual(demo_store):
    code = (
        "import sys; from coplan_tui.cli import main; "
        f"main(['plans', '--db', {str(demo_store.path)!r}]); "
        "print('TEXTUAL' if 'textual' in sys.modules else 'CLEAN')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("CLEAN")


def test_one_matcher_for_ids_names_and_members(demo_store):
    from coplan_tui.domain.matching import match_partnerships
    from coplan_tui.domain.models import Partnership

    everyone = demo_store.all(Partnership)
    lee = next(p for p in everyone if "Lee" in p.display_name)
    assert match_partnerships(everyone, lee.id[:8]) == [lee]
    assert match_partnerships(everyone, "jordan") == [lee]  # a member's name
    assert match_partnerships(everyone, lee.id[:1]) != [lee] or lee.id[0] in lee.display_name.casefold()
