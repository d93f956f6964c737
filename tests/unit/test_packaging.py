"""A non-editable install must ship every subpackage and the stylesheets."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_subpackage_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "coplan_tui").rglob("__init__.py")
    }
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"
    assert config["tool"]["setuptools"]["package-dir"]["coplan_tui.styles"] == "styles"


def test_every_stylesheet_the_app_loads_exists():
    from coplan_tui.paths import styles_dir
    from coplan_tui.ui.app import STYLESHEETS

    for name in STYLESHEETS:
        assert (styles_dir() / name).is_file(), name


def test_the_wheel_ships_every_module_and_stylesheet(tmp_path):
    """Build the wheel as pip does and look inside: a wheel without its .tcss files installs
    fine and then fails on the first screen."""
    import shutil
    import subprocess
    import sys
    import zipfile

    # A copy of the tracked sources: setuptools reuses a stale build/ folder, which once hid a
    # package missing from pyproject.toml.
    tree = tmp_path / "src"
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], capture_output=True, text=True, cwd=ROOT, check=True)
    for name in files.stdout.splitlines():
        if (ROOT / name).is_file():
            (tree / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, tree / name)
    out = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"), str(tree)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert out.returncode == 0, out.stderr
    (wheel,) = (tmp_path / "dist").glob("coplan-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    styles = sorted(p.name for p in (ROOT / "styles").glob("*.tcss"))
    assert styles, "no stylesheets in the source tree"
    for name in styles:
        assert f"coplan_tui/styles/{name}" in names, f"{name} is not in the wheel"
    sources = {str(p.relative_to(ROOT)) for p in (ROOT / "coplan_tui").rglob("*.py")}
    assert sources <= names, f"missing from the wheel: {sorted(sources - names)[:5]}"
