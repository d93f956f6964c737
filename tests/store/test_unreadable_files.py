"""Corrupt, truncated, foreign or newer files are refused and left byte-for-byte as they were."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from coplan_tui.commands.demo import seed_demo
from coplan_tui.store import Store, UnreadableFile


def _demo_bytes(tmp_path) -> bytes:
    s = Store(tmp_path / "src" / "demo.json")
    seed_demo(s)
    return s.path.read_bytes()


CASES = {
    "garbage": (lambda good: b"\x00\xffnot json at all", "not text"),
    "truncated": (lambda good: good[: len(good) // 2], "not valid JSON"),
    "empty": (lambda good: b"", "empty"),
    "foreign": (lambda good: json.dumps({"_default": {"1": {"name": "x"}}}).encode(), "not a coplan database"),
    "list": (lambda good: b"[1, 2, 3]", "not a coplan database"),
    "newer": (
        lambda good: good.replace(b'"schema_version":1', b'"schema_version":99'),
        "newer coplan",
    ),
    "invalid-doc": (lambda good: good.replace(b'"title":"Print 8', b'"title":"","x":"'), "invalid"),
    "repeated-id": (lambda good: _repeat_a_todo(good), "share the id"),
    "deep": (lambda good: good.replace(b'"notes":"', b'"x":' + b"[" * 100_000 + b"]" * 100_000 + b',"notes":"', 1), "nests too deeply"),
}


def _repeat_a_todo(good: bytes) -> bytes:
    """One to-do under two keys: counting would say 13 where there are 12."""
    data = json.loads(good)
    todos = data["todos"]
    todos["999"] = next(iter(todos.values()))
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_file_is_refused_and_untouched(tmp_path, case):
    make, reason = CASES[case]
    path = tmp_path / "coplan.json"
    bad = make(_demo_bytes(tmp_path))
    path.write_bytes(bad)
    os.chmod(path, 0o600)
    with pytest.raises(UnreadableFile) as err:
        Store(path)
    assert reason in str(err.value)
    assert str(path) in str(err.value) and "backups" in str(err.value)

    result = subprocess.run(
        [sys.executable, "-m", "coplan_tui.cli", "check", "--db", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert reason in result.stderr and "Traceback" not in result.stderr
    assert path.read_bytes() == bad
    assert not (tmp_path / "backups").exists()


def test_check_reports_a_demo_db_as_sound(tmp_path):
    path = tmp_path / "demo.json"
    seeded = subprocess.run(
        [sys.executable, "-m", "coplan_tui.cli", "demo", "--db", str(path), "--no-ui"], capture_output=True, text=True
    )
    assert seeded.returncode == 0, seeded.stderr
    result = subprocess.run([sys.executable, "-m", "coplan_tui.cli", "check", "--db", str(path)], capture_output=True, text=True)
    assert result.returncode == 0
    assert "sound" in result.stdout and "2 partnerships, 10 sessions, 12 to-dos, 1 plan," in result.stdout
