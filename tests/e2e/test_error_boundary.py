"""One error boundary (issue 10, defect 13): a bad --db path is a message with an instruction,
never a traceback; the app shows its error screen and exits non-zero after it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .harness import isolated_env

COMMANDS = [["todo", "add", "Print the handouts"], ["demo", "--no-ui"], ["keymap"], ["todos"], ["check"], ["plans"]]


def bad_paths(tmp_path: Path) -> dict[str, Path]:
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder")
    folder = tmp_path / "a-folder"
    folder.mkdir()
    return {"under a file": a_file / "coplan.json", "a folder": folder}


@pytest.mark.parametrize("kind", ["under a file", "a folder"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_bad_db_path_is_a_message_with_an_instruction(tmp_path, command, kind):
    db = bad_paths(tmp_path)[kind]
    out = subprocess.run(
        [sys.executable, "-m", "coplan_tui", *command, "--db", str(db)],
        capture_output=True, text=True, env=isolated_env(tmp_path), timeout=60,
    )
    assert out.returncode != 0
    assert "Traceback" not in out.stderr + out.stdout
    assert str(db) in out.stderr and "--db" in out.stderr, out.stderr


@pytest.mark.parametrize("kind", ["under a file", "a folder"])
def test_the_app_shows_its_error_screen_and_exits_non_zero(terminal, tmp_path, kind):
    db = bad_paths(tmp_path)[kind]
    term = terminal("--db", str(db))
    term.wait_for("cannot open this database")
    assert "--db" in term.text()
    term.press("q")
    assert term.wait_exit() == 1
