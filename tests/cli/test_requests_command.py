"""`coplan requests [list|add|done]` as a cooperation pair types it."""

from __future__ import annotations

import json
from datetime import date

import pytest

from coplan_tui.cli import main
from coplan_tui.commands import requests as requests_command
from coplan_tui.domain.models import ResourceRequest
from coplan_tui.store import Store

TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(requests_command, "today", lambda: TODAY)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_add_list_done_and_json(demo_store, capsys):
    db = ("--db", str(demo_store.path))
    code, out, err = run(capsys, "requests", "add", "Ten books on volcanoes [/]", "--for", "Lesson 3 🌋", "--by", "friday", "--partnership", "okafor", *db)
    assert code == 0, err
    assert "Ten books on volcanoes [/], for Lesson 3 🌋, by Fri 27 Nov" in out
    code, out, _ = run(capsys, "requests", "add", "Laptop cart", "--partnership", "okafor", *db)
    [cart, books] = sorted(Store(demo_store.path).all(ResourceRequest), key=lambda r: r.what)  # a fresh read of the file
    code, out, _ = run(capsys, "requests", *db)
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2 and lines[0].startswith(books.id[:8]) and "[ ]" in lines[0]  # dated first
    code, out, _ = run(capsys, "requests", "done", books.id[:6], "--provided", "12 books on the cart", "--on", "today", *db)
    assert code == 0 and "provided Mon 23 Nov: 12 books on the cart" in out
    code, out, _ = run(capsys, "requests", "list", *db)
    assert len(out.splitlines()) == 1 and out.startswith(cart.id[:8])
    code, out, _ = run(capsys, "requests", "list", "--provided", *db)
    assert "[x] Ten books on volcanoes [/]" in out and "Laptop cart" not in out
    code, out, _ = run(capsys, "requests", "list", "--all", "--format", "json", *db)
    rows = json.loads(out)
    assert [(r["what"], r["status"]) for r in rows] == [("Laptop cart", "open"), ("Ten books on volcanoes [/]", "provided")]
    assert rows[1]["provided_at"] == "2026-11-23" and rows[1]["requested_by_name"] == "CLS"


def test_mistakes_say_what_to_fix(demo_store, capsys):
    db = ("--db", str(demo_store.path))
    code, _, err = run(capsys, "requests", "add", "Books", *db)
    assert code == 2 and "say which with --partnership" in err
    code, _, err = run(capsys, "requests", "add", "Books", "--partnership", "okafor", "--by", "someday", *db)
    assert code == 2 and "someday" in err
    code, _, err = run(capsys, "requests", "list", "--partnership", "nobody", *db)
    assert code == 1 and "no partnership matches" in err
    assert Store(demo_store.path).all(ResourceRequest) == []
