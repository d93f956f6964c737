"""The hostile fixture through every CLI output and every export: nothing it holds reaches
a terminal, a spreadsheet or a Markdown viewer as anything but text."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from coplan_tui.cli import main
from coplan_tui.commands import todo_filters
from coplan_tui.domain.models import LessonPlan, Partnership, Session, Todo
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # the OWASP rule
from coplan_tui.store import Store
from tests.conftest import FIXED_NOW
from tests.hostile import ESCAPE_MARKERS, HOSTILE, write_hostile_db

TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(todo_filters, "today", lambda: TODAY)


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    return write_hostile_db(tmp_path_factory.mktemp("hostile") / "hostile.json", FIXED_NOW)


def run(capsysbinary, *argv: str) -> tuple[int, bytes, bytes]:
    code = main(list(argv))
    out = capsysbinary.readouterr()
    return code, out.out, out.err


def assert_inert(output: bytes) -> None:
    found = [m for m in ESCAPE_MARKERS if m in output]
    assert not found, f"control sequences from user text in the output: {found}"


def _ids(db) -> tuple[str, str]:
    store = Store(db)
    return store.all(Session)[0].id[:12], store.all(LessonPlan)[0].id[:12]


OUTPUTS = [
    ["todos", "--all"],
    ["todos", "--all", "--format", "json"],
    ["todos", "--all", "--format", "csv"],
    ["todos", "--all", "--format", "md"],
    ["export", "todos", "--format", "ics"],
    ["export", "todos", "--format", "csv"],
    ["export", "todos", "--format", "md"],
    ["export", "todos", "--format", "json"],
    ["plans"],
    ["plans", "--format", "json"],
    ["check"],
    ["restore"],
    ["todos", "--owner", "nobody-of-that-name"],
]


@pytest.mark.parametrize("argv", OUTPUTS, ids=" ".join)
def test_every_cli_output_of_the_hostile_fixture_is_inert(hostile_db, capsysbinary, argv):
    code, out, err = run(capsysbinary, *argv, "--db", str(hostile_db))
    assert b"Traceback" not in err
    if "ics" in argv:
        out = out.replace(b"\r\n", b"\n")  # iCalendar's own line ends
    assert_inert(out)
    assert_inert(err)
    if code == 0 and argv[0] != "restore":
        assert out  # something was printed, so the test looked at something


def test_session_and_plan_exports_of_the_hostile_fixture_are_inert(hostile_db, capsysbinary):
    session_id, plan_id = _ids(hostile_db)
    for argv in (["export", "session", session_id], ["export", "plan", plan_id]):
        code, out, err = run(capsysbinary, *argv, "--db", str(hostile_db))
        assert code == 0, err
        assert_inert(out)
        text = out.decode()
        assert "<script>" not in text and "[js](javascript:" not in text
        assert "\\<script\\>" in text and "\\[js\\](javascript:" in text  # escaped, so text


def test_plan_markdown_escapes_like_the_todo_markdown(hostile_db, capsysbinary):
    _, plan_id = _ids(hostile_db)
    _, plan_md, _ = run(capsysbinary, "export", "plan", plan_id, "--db", str(hostile_db))
    _, todo_md, _ = run(capsysbinary, "export", "todos", "--format", "md", "--db", str(hostile_db))
    from coplan_tui.export.records import md_escape
    from coplan_tui.domain.safe_text import printable

    escaped = md_escape(printable(HOSTILE))
    assert escaped in todo_md.decode() and escaped in plan_md.decode()


def test_csv_cells_are_never_formulas_and_import_restores_them(hostile_db, capsysbinary, tmp_path):
    code, out, _ = run(capsysbinary, "export", "todos", "--format", "csv", "--db", str(hostile_db))
    assert code == 0
    rows = list(csv.reader(io.StringIO(out.decode())))
    cells = [c for row in rows[1:] for c in row]
    assert any(c.startswith("'=HYPERLINK") for c in cells)
    assert not [c for c in cells if c.startswith(FORMULA_START)]

    before = {t.id: t for t in Store(hostile_db).all(Todo)}
    copy = tmp_path / "copy.json"
    Store(copy).put(*Store(hostile_db).all(Partnership), *Store(hostile_db).all(Session), *Store(hostile_db).all(LessonPlan))
    source = tmp_path / "todos.csv"
    source.write_bytes(out)
    code, report, err = run(capsysbinary, "import", str(source), "--db", str(copy))
    assert code == 0, (report, err)
    after = {t.id: t for t in Store(copy).all(Todo)}
    assert after.keys() == before.keys()
    for todo_id, todo in before.items():
        got = after[todo_id]
        assert (got.title, got.notes, got.owner, got.due, got.status) == (todo.title, todo.notes, todo.owner, todo.due, todo.status)


def test_json_export_of_hostile_text_still_parses(hostile_db, capsysbinary):
    _, out, _ = run(capsysbinary, "todos", "--all", "--format", "json", "--db", str(hostile_db))
    rows = json.loads(out)
    assert rows and all("\x1b" not in r["title"] and "\x00" not in r["notes"] for r in rows)


def test_imported_control_characters_are_removed_at_the_boundary(tmp_path, capsysbinary):
    from coplan_tui.commands.demo import seed_demo

    db = tmp_path / "coplan.json"
    store = Store(db)
    seed_demo(store)
    team = store.all(Partnership)[0].display_name
    source = tmp_path / "in.json"
    source.write_text(json.dumps([{"title": "Zq\x00 the\r handout\x1b]52;c;aGk=\x07\x9b2J", "partnership": team, "notes": "a\r\nb\x00c"}]))
    code, out, err = run(capsysbinary, "import", str(source), "--db", str(db))
    assert code == 0, err
    (todo,) = [t for t in Store(db).all(Todo) if t.title.startswith("Zq")]
    assert todo.title == "Zq the handout]52;c;aGk=2J"  # a CR ends a line, and a title is one line; the rest go
    assert todo.notes == "a\nbc"
    raw = db.read_bytes()
    assert b"\\u0000" not in raw and b"\\u001b" not in raw and "\x9b".encode() not in raw
