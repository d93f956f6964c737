"""Opening a file document by document (store/scan.py), and the slow path it falls back to.

The scanner keeps each document's bytes as read, so the first save after opening writes
them back unchanged instead of encoding every document again; every layout it does not
take (hand-edited, older schema, damaged) still opens, or is refused, exactly as before.
"""

from __future__ import annotations

import json

import pytest

from coplan_tui.domain.catalogue import Role
from coplan_tui.domain.models import Member, Partnership, Todo
from coplan_tui.domain.safe_text import printable
from coplan_tui.store import Store, UnreadableFile
from coplan_tui.store import schema
from coplan_tui.store.scan import as_text, scan_file
from coplan_tui.store.store import MODEL_OF

HOSTILE = ["[/]", "[link=x]y[/link]", "\x1b]52;c;aGk=\x07", "x" * 500, "🙂 emoji", "שלום עולם", "ünïcode – dash"]
SHOWN = [printable(t) for t in HOSTILE]
"""What a document keeps of them: control characters never get in (domain/safe_text.py)."""


def _pair() -> Partnership:
    return Partnership(name="A & B", members=[Member(name="Ana", role=Role.CT), Member(name="Ben", role=Role.TC)])


def _filled(db_path, clock) -> tuple[Partnership, list[Todo]]:
    p = _pair()
    todos = [Todo(title=t, notes=t * 3, partnership_id=p.id, created_at=clock(), updated_at=clock()) for t in HOSTILE]
    Store(db_path, clock=clock).put(p, *todos)
    return p, todos


def test_hostile_text_reads_back_exactly_through_the_scanner(db_path, clock):
    _, todos = _filled(db_path, clock)
    assert scan_file(as_text(db_path.read_bytes()), MODEL_OF) is not None  # the fast path took it
    reopened = Store(db_path, clock=clock)
    assert {t.id: (t.title, t.notes) for t in reopened.all(Todo)} == {t.id: (t.title, t.notes) for t in todos}


def test_the_first_save_writes_untouched_documents_back_byte_for_byte(db_path, clock):
    """A document laid out by hand keeps its bytes; re-encoding all of them was the old cost."""
    p, todos = _filled(db_path, clock)
    data = json.loads(db_path.read_bytes())
    key, doc = next(iter(data["todos"].items()))
    spaced = json.dumps(doc, indent=1, ensure_ascii=False).encode()
    raw = db_path.read_bytes()
    compact = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()
    assert compact in raw
    db_path.write_bytes(raw.replace(compact, spaced))
    store = Store(db_path, clock=clock)
    store.put(todos[-1].model_copy(update={"title": "changed"}))
    after = db_path.read_bytes()
    assert spaced in after  # untouched: as it was on disk
    assert json.loads(after)["todos"][key] == doc
    assert sorted(t.title for t in Store(db_path).all(Todo)) == sorted(SHOWN[:-1] + ["changed"])


@pytest.mark.parametrize(
    ("layout", "scanned"), [("indented", True), ("meta_last", False), ("older_schema_unknown", False), ("duplicate_key", False)]
)
def test_other_layouts_open_as_before(db_path, clock, layout, scanned):
    """Whitespace anywhere is scanned; any other surprise takes the slow path, which decides."""
    _, todos = _filled(db_path, clock)
    data = json.loads(db_path.read_bytes())
    if layout == "indented":
        raw = json.dumps(data, indent=2).encode()
    elif layout == "meta_last":
        meta = data.pop("_meta")
        raw = json.dumps({**data, "_meta": meta}).encode()
    elif layout == "older_schema_unknown":
        data["_meta"]["1"]["schema_version"] = schema.SCHEMA_VERSION + 1
        raw = json.dumps(data).encode()
    else:
        text = json.dumps(data)
        raw = text.replace('"todos": {', '"todos": {"1": {"broken": true}, ', 1).encode()
    db_path.write_bytes(raw)
    assert (scan_file(as_text(raw), MODEL_OF) is not None) is scanned
    if layout in ("older_schema_unknown", "duplicate_key"):  # refused by name, never written over
        with pytest.raises(UnreadableFile, match="newer coplan" if layout == "older_schema_unknown" else "appears twice"):
            Store(db_path, clock=clock)
        assert db_path.read_bytes() == raw
        return
    store = Store(db_path, clock=clock)
    assert sorted(t.title for t in store.all(Todo)) == sorted(SHOWN)
    store.put(todos[0].model_copy(update={"title": "saved"}))
    assert "saved" in {t.title for t in Store(db_path).all(Todo)}


def test_an_invalid_document_is_refused_with_its_key_as_before(db_path, clock):
    _filled(db_path, clock)
    data = json.loads(db_path.read_bytes())
    key = next(iter(data["todos"]))
    data["todos"][key]["title"] = ""
    db_path.write_bytes(json.dumps(data, separators=(",", ":")).encode())
    before = db_path.read_bytes()
    with pytest.raises(UnreadableFile, match=f"document {key} in todos is invalid"):
        Store(db_path, clock=clock)
    assert db_path.read_bytes() == before
