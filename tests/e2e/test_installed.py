"""The installed `coplan` command starts and draws, as a user would run it after pip install."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coplan_tui import __version__

from .harness import isolated_env

SCRIPT = shutil.which("coplan") or str(Path(sys.executable).with_name("coplan"))


@pytest.mark.skipif(not Path(SCRIPT).exists(), reason="coplan is not installed in this environment")
def test_installed_script_runs(tmp_path):
    env = isolated_env(tmp_path)
    env.pop("PYTHONPATH")  # the installed package, not the source tree
    out = subprocess.run([SCRIPT, "--version"], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"coplan {__version__}"
    seeded = subprocess.run([SCRIPT, "demo", "--no-ui", "--db", str(tmp_path / "d.json")], capture_output=True, text=True, env=env, timeout=60)
    assert seeded.returncode == 0, seeded.stderr
    assert (tmp_path / "d.json").stat().st_mode & 0o777 == 0o600
