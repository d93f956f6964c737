"""The layers hold: import-linter's contracts (pyproject.toml), and no headless command
ever loads the UI, even through an import hidden inside a function."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from coplan_tui.commands.demo import seed_demo
from coplan_tui.domain.models import LessonPlan, Session, Todo
from coplan_tui.store import Store

ROOT = Path(__file__).resolve().parents[2]


def test_import_contracts_are_kept():
    from importlinter.cli import lint_imports

    # lint_imports reads [tool.importlinter] from the working directory's pyproject.toml.
    cwd = Path.cwd()
    try:
        import os

        os.chdir(ROOT)
        assert lint_imports() == 0, "an import breaks a layer: run `lint-imports` to see which"
    finally:
        os.chdir(cwd)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("headless") / "coplan.json"
    store = Store(path)
    seed_demo(store)
    return path


def _ids(db: Path) -> dict[str, str]:
    store = Store(db)
    return {
        "session": store.all(Session)[0].id,
        "plan": store.all(LessonPlan)[0].id,
        "todo": store.all(Todo)[0].id,
    }


# Every command that must work without the UI: argv after `coplan --db DB`.
HEADLESS = {
    "version": ["--version"],
    "help": ["--help"],
    "check": ["check"],
    "restore-list": ["restore"],
    "todos": ["todos", "--all"],
    "todos-json": ["todos", "--format", "json"],
    "todo-add": ["todo", "add", "Print the handouts", "--partnership", "lee"],
    "todo-done": ["todo", "done", "{todo}"],
    "todo-reopen": ["todo", "reopen", "{todo}"],
    "plans": ["plans"],
    "schedule": ["schedule"],
    "sessions": ["sessions"],
    "requests": ["requests"],
    "requests-add": ["requests", "add", "Ten books on volcanoes [/]", "--partnership", "okafor", "--by", "+3d"],
    "requests-json": ["requests", "list", "--all", "--format", "json"],
    "sessions-json": ["sessions", "--format", "json"],
    "schedule-ics": ["schedule", "--format", "ics", "--weeks", "3"],
    "release": ["release"],
    "release-json": ["release", "--as-of", "today", "--format", "json"],
    "export-todos-ics": ["export", "todos", "--format", "ics"],
    "export-todos-csv": ["export", "todos", "--format", "csv"],
    "export-todos-md": ["export", "todos", "--format", "md"],
    "export-session": ["export", "session", "{session}"],
    "export-plan": ["export", "plan", "{plan}"],
    "import": ["import", "{import_file}"],
}

PROBE = """
import json, sys
from coplan_tui.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as e:  # --version and --help exit through argparse
    code = e.code
loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith(("textual.", "coplan_tui.ui")))
print("\\n" + json.dumps({"code": code, "loaded": loaded}))
"""


@pytest.mark.parametrize("name", sorted(HEADLESS))
def test_headless_command_never_imports_textual(name, db, tmp_path):
    import_file = tmp_path / "in.json"
    import_file.write_text(json.dumps([{"title": "Laminate the cards", "partnership": "lee"}]))
    values = {**_ids(db), "import_file": str(import_file)}
    argv = ["--db", str(db), *[a.format(**values) for a in HEADLESS[name]]]
    out = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, cwd=ROOT, timeout=120)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["code"] in (0, None), out.stderr
    assert result["loaded"] == [], f"`coplan {' '.join(HEADLESS[name])}` loaded {result['loaded'][:5]}"
