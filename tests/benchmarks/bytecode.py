"""Bytecode for coplan as `pip install` leaves it, before a benchmark times new processes.

The test harness sets PYTHONDONTWRITEBYTECODE, and so may the machine: then every process
started from the checkout compiled coplan from source again, a cost no installed copy pays.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def precompile() -> None:
    folders = [ROOT / "coplan_tui", ROOT / "tests" / "benchmarks"]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *map(str, folders)], stdout=subprocess.DEVNULL, check=True)
