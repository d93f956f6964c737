"""Every toast, title and palette entry takes user text through ``ui/text.py`` only.

A scan of the source, so a new ``notify(`` or ``self.title = f"...{name}"`` that skips the
helpers fails here instead of crashing on a to-do called ``[/]`` in front of a teacher.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import coplan_tui

ROOT = Path(coplan_tui.__file__).parent
HELPER = ROOT / "ui" / "text.py"
SAFE_CALLS = {"plain", "lit", "clip", "toast", "markup_safe"}
TITLES = {"title", "sub_title", "border_title", "border_subtitle"}
PALETTE = {"Hit", "DiscoveryHit"}


def _safe(node: ast.AST) -> bool:
    """A constant, a call of a ui/text helper, or a choice between safe values."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Call):
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        return name in SAFE_CALLS
    if isinstance(node, ast.IfExp):
        return _safe(node.body) and _safe(node.orelse)
    return False


def violations(source: str, name: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr == "notify":
            found.append(f"{name}:{node.lineno}: notify used directly; use ui.text.toast")
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Attribute) and target.attr in TITLES and node.value is not None and not _safe(node.value):
                    found.append(f"{name}:{node.lineno}: .{target.attr} set without ui.text.plain")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in PALETTE:
            display = node.args[1] if node.func.id == "Hit" and len(node.args) > 1 else node.args[0] if node.args else None
            if isinstance(display, ast.JoinedStr | ast.BinOp):
                found.append(f"{name}:{node.lineno}: a palette entry built from text; pass it through ui.text.plain")
    return found


def _sources():
    for path in sorted(ROOT.rglob("*.py")):
        if path != HELPER and path.relative_to(ROOT).parts[:1] == ("ui",):
            yield path


@pytest.mark.parametrize(
    "bad",
    [
        'self.notify(f"Deleted {t.title}")',
        "self.app.call_from_thread(self.notify, message)",
        'self.title = f"History: {p.display_name}"',
        "self.sub_title = plan.title",
        'yield DiscoveryHit(f"{label} [{key}]", run)',
    ],
)
def test_the_scan_catches_each_way_around_the_helpers(bad):
    assert violations(bad, "example")


@pytest.mark.parametrize("good", ['toast(self, f"Deleted {t.title}")', 'self.title = plain(f"History: {name}")', 'self.title = "Home"', "self.sub_title = plain(a) if a else None"])
def test_the_scan_lets_the_helpers_through(good):
    assert violations(good, "example") == []


def test_no_toast_title_or_palette_entry_skips_ui_text():
    found = [v for path in _sources() for v in violations(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))]
    assert found == []
