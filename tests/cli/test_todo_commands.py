"""`coplan todos`, `todo add|done`, `import` and `export`, run as a user types them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import icalendar
import pytest

from coplan_tui.cli import main
from coplan_tui.commands.demo import seed_demo
from coplan_tui.commands import todo_filters
from coplan_tui.domain.models import Partnership, Session, Todo, TodoStatus
from coplan_tui.domain.todo_rows import FIELDS
from coplan_tui.store import Store

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(todo_filters, "today", lambda: TODAY)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_todos_table_lists_open_todos_soonest_first(demo_store, capsys):
    code, out, _ = run(capsys, "todos", "--db", str(demo_store.path))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["ID", "TO-DO"]
    assert len(lines) == 1 + 9
    assert "Book the lab cart for Thursday" in lines[1] and "! Sat 21 Nov" in lines[1]
    assert "\x1b[" not in out  # plain when not a terminal


def test_owner_and_week_filter(demo_store, capsys):
    code, out, _ = run(capsys, "todos", "--db", str(demo_store.path), "--owner", "TC", "--due", "week", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [d["title"] for d in data] == [
        "Draft the exit ticket for energy flow",
        "Print 8 sets of food web cards",
        "Email parents about the field trip form",
    ]
    assert all(list(d) == list(FIELDS) for d in data)
    assert {d["owner"] for d in data} == {"TC", "both"}


def test_unknown_owner_lists_the_members(demo_store, capsys):
    code, _, err = run(capsys, "todos", "--db", str(demo_store.path), "--owner", "zed")
    assert code == 2 and "Jordan Lee (TC)" in err


def test_todo_add_and_done(demo_store, capsys):
    db = str(demo_store.path)
    code, out, _ = run(capsys, "todo", "add", "Grade [b]quizzes[/b]", "--db", db, "--owner", "jordan", "--due", "fri", "--feedback-by", "+2d", "--partnership", "alvarez")
    assert code == 0 and "for TC" in out and "Fri 27 Nov" in out
    store = Store(demo_store.path)
    todo = next(t for t in store.all(Todo) if t.title == "Grade [b]quizzes[/b]")
    assert (todo.due, todo.feedback_by) == (date(2026, 11, 27), date(2026, 11, 25))
    code, out, _ = run(capsys, "todo", "done", todo.id[:6], "--db", db)
    assert code == 0 and "Done:" in out
    assert Store(demo_store.path).get(Todo, todo.id).status == TodoStatus.DONE


@pytest.mark.parametrize("bad", ["someday", "2026-13-01", "+3x"])
def test_bad_dates_are_refused_with_the_accepted_forms(demo_store, capsys, bad):
    before = demo_store.path.read_bytes()
    code, _, err = run(capsys, "todo", "add", "X", "--db", str(demo_store.path), "--partnership", "okafor", "--due", bad)
    assert code == 2 and "YYYY-MM-DD, today, tomorrow" in err and "+2w" in err
    assert demo_store.path.read_bytes() == before


def test_import_is_all_or_nothing_and_reports_lines(demo_store, capsys, tmp_path):
    source = tmp_path / "sheet.csv"
    source.write_text(
        "title,owner,due,partnership\n"
        "Call parents,TC,fri,alvarez\n"
        ",CT,,alvarez\n"
        "Slides,CT,someday,alvarez\n"
        "Rubric,both,+2w,okafor\n"
    )
    before = demo_store.path.read_bytes()
    code, out, _ = run(capsys, "import", str(source), "--db", str(demo_store.path))
    assert code == 1
    assert "0 imported, 2 rejected" in out
    assert "line 3: title: must not be empty" in out and "line 4: due:" in out
    assert demo_store.path.read_bytes() == before
    code, out, _ = run(capsys, "import", str(source), "--db", str(demo_store.path), "--skip-invalid")
    assert code == 0 and "2 imported" in out
    titles = {t.title for t in Store(demo_store.path).all(Todo)}
    assert {"Call parents", "Rubric"} <= titles and "Slides" not in titles


def test_json_and_csv_exports_import_back(demo_store, capsys, tmp_path):
    db = str(demo_store.path)
    for fmt in ("json", "csv"):
        _, out, _ = run(capsys, "todos", "--db", db, "--all", "--format", fmt)
        source = tmp_path / f"all.{fmt}"
        source.write_text(out)
        target = tmp_path / f"other-{fmt}.json"
        other = Store(target)
        other.put(*demo_store.all(Partnership), *demo_store.all(Session))
        code, out, _ = run(capsys, "import", str(source), "--db", str(target))
        assert code == 0 and out.startswith("12 imported"), out
        theirs = {t.id: t for t in Store(target).all(Todo)}
        for todo in demo_store.all(Todo):
            got = theirs[todo.id]
            assert (got.title, got.owner, got.due, got.feedback_by, got.status, got.session_id) == (
                todo.title, todo.owner, todo.due, todo.feedback_by, todo.status, todo.session_id
            )


def test_export_todos_ics_parses_as_a_calendar(demo_store, capsys, tmp_path):
    target = tmp_path / "week.ics"
    code, out, _ = run(capsys, "export", "todos", "--format", "ics", "--open", "--db", str(demo_store.path), "-o", str(target))
    assert code == 0 and str(target) in out
    cal = icalendar.Calendar.from_ical(target.read_bytes())
    todos = [c for c in cal.walk("VTODO")]
    summaries = {str(c["SUMMARY"]) for c in todos}
    assert "[CT] Book the lab cart for Thursday" in summaries
    assert "[TC] Feedback on: Draft the exit ticket for energy flow" in summaries
    cart = next(c for c in todos if str(c["SUMMARY"]) == "[CT] Book the lab cart for Thursday")
    assert cart.decoded("DUE") == date(2026, 11, 21)
    assert str(cart["STATUS"]) == "NEEDS-ACTION"
    assert len({str(c["UID"]) for c in todos}) == len(todos)


def test_export_session_minutes(demo_store, capsys):
    science = next(s for s in demo_store.all(Session) if s.reflection.talked_equally is False)
    code, out, _ = run(capsys, "export", "session", science.id[:8], "--format", "md", "--db", str(demo_store.path))
    assert code == 0
    for heading in ("# Coplanning minutes:", "## Steps", "## Decisions", "## To-dos by owner", "## Reflection"):
        assert heading in out
    assert "Density lab ran long" in out
    assert "Did we both talk about equally? **no**" in out
    assert "Book the lab cart for Thursday" in out


def test_listing_10000_todos_does_not_import_textual_or_pydantic(tmp_path):
    db = tmp_path / "big.json"
    store = Store(db)
    from coplan_tui.commands.demo import seed_demo

    seed_demo(store)
    partnership = store.all(Partnership)[0]
    data = json.loads(db.read_text())
    template = next(iter(data["todos"].values()))
    for i in range(10_000):  # raw documents shaped exactly as the store writes them
        doc = dict(template, id=f"{i:032x}", title=f"To-do {i}", partnership_id=partnership.id, owner="both")
        data["todos"][str(100 + i)] = doc
    db.write_text(json.dumps(data))
    assert Store(db).count(Todo) == 10_012  # the file is sound
    probe = (
        "import sys, io, contextlib\n"
        "from coplan_tui.cli import main\n"
        "out = io.StringIO()\n"
        f"with contextlib.redirect_stdout(out): code = main(['todos', '--all', '--db', {str(db)!r}])\n"
        "assert code == 0 and out.getvalue().count('\\n') == 10_013, out.getvalue()[-300:]\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'pydantic', 'tinydb', 'rich')))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_import_reads_a_semicolon_spreadsheet_with_a_bom(demo_store, capsys, tmp_path):
    source = tmp_path / "excel.csv"
    source.write_bytes("\ufefftitle;owner;feedback_by;due;partnership;status\nLaminate cards;Jordan Lee;tomorrow;2026-12-01;Alvarez;open\n".encode())
    code, out, _ = run(capsys, "import", str(source), "--db", str(demo_store.path))
    assert code == 0 and out.startswith("1 imported"), out
    todo = next(t for t in Store(demo_store.path).all(Todo) if t.title == "Laminate cards")
    assert (todo.feedback_by, todo.due) == (date(2026, 11, 24), date(2026, 12, 1))
    assert Store(demo_store.path).get(Partnership, todo.partnership_id).member(todo.owner).name == "Jordan Lee"


def test_me_is_whoever_is_at_this_terminal(tmp_path, monkeypatch):
    """`--owner me` means the person (--as, $COPLAN_USER or their settings), never the database."""
    import subprocess
    import sys

    db = tmp_path / "coplan.json"
    seed_demo(Store(db))
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env.pop("COPLAN_USER", None)

    def coplan(*args, **extra):
        return subprocess.run([sys.executable, "-m", "coplan_tui", *args], capture_output=True, text=True, env={**env, **extra}, cwd=ROOT)

    unknown = coplan("--db", str(db), "todo", "add", "Laminate", "--partnership", "lee", "--owner", "me")
    assert unknown.returncode == 2 and "who is 'me'?" in unknown.stderr and "Traceback" not in unknown.stderr
    added = coplan("--as", "Maria Alvarez", "--db", str(db), "todo", "add", "Laminate", "--partnership", "lee", "--owner", "me")
    assert added.returncode == 0 and "for CT" in added.stdout
    listed = coplan("--db", str(db), "todos", "--owner", "me", COPLAN_USER="Jordan Lee")
    assert listed.returncode == 0 and "Print 8 sets of food web cards" in listed.stdout and "Laminate" not in listed.stdout


def _tc_of_lee(store: Store) -> str:
    lee = next(p for p in store.all(Partnership) if "Lee" in p.display_name)
    return next(m.id for m in lee.members if lee.owner_label(m.id) == "TC")


def test_todo_add_without_owner_follows_the_standing_roles(demo_store, capsys):
    """Issue 10, defect 8: 'Handouts' is the TC's standing role; the CLI saved it for both."""
    code, out, _ = run(capsys, "todo", "add", "Print the handouts", "--db", str(demo_store.path), "--partnership", "lee")
    assert code == 0 and "for TC" in out
    todo = next(t for t in Store(demo_store.path).all(Todo) if t.title == "Print the handouts")
    assert todo.owner == _tc_of_lee(demo_store)


@pytest.mark.parametrize("owner", ["both", "CT"])
def test_todo_add_with_an_owner_keeps_it(demo_store, capsys, owner):
    code, out, _ = run(capsys, "todo", "add", "Print the handouts", "--db", str(demo_store.path), "--partnership", "lee", "--owner", owner)
    assert code == 0 and f"for {owner}" in out


def test_import_without_owner_follows_the_standing_roles(demo_store, capsys, tmp_path):
    source = tmp_path / "sheet.csv"
    source.write_text("title,due,partnership\nPrint the handouts,fri,lee\nCall parents,fri,lee\n")
    code, _, _ = run(capsys, "import", str(source), "--db", str(demo_store.path))
    assert code == 0
    owners = {t.title: t.owner for t in Store(demo_store.path).all(Todo)}
    assert owners["Print the handouts"] == _tc_of_lee(demo_store) and owners["Call parents"] == "both"


@pytest.mark.parametrize("how", ["todo add", "import json", "import csv"])
def test_a_title_is_one_line_however_it_comes_in(demo_store, capsys, tmp_path, how):
    """Tester: `todo add $'Line1\\nEND:VTODO...'` and imports kept the newline, and the to-do
    editor and the tables then spilled the title over other rows."""
    title = "Line1\nEND:VTODO\r\n  BEGIN:VEVENT\u2028SUMMARY:x"
    db = str(demo_store.path)
    if how == "todo add":
        code, _, err = run(capsys, "todo", "add", title, "--partnership", "alvarez", "--db", db)
    elif how == "import json":
        path = tmp_path / "in.json"
        path.write_text(json.dumps([{"title": title, "owner": "both", "partnership": "alvarez"}]))
        code, _, err = run(capsys, "import", str(path), "--db", db)
    else:
        path = tmp_path / "in.csv"
        path.write_text('title,owner,partnership\n"' + title.replace('"', '""') + '",both,alvarez\n')
        code, _, err = run(capsys, "import", str(path), "--db", db)
    assert code == 0, err
    [todo] = [t for t in Store(demo_store.path).all(Todo) if t.title.startswith("Line1")]
    assert todo.title == "Line1 END:VTODO BEGIN:VEVENT SUMMARY:x"
    _, out, _ = run(capsys, "todos", "--db", db, "--all")
    assert [line for line in out.splitlines() if "Line1" in line][0].count("END:VTODO") == 1
