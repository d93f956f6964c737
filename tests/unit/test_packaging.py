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
