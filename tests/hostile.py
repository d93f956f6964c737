"""A database where every free-text field of every document holds hostile text.

Built from the demo: each string leaf of each document is replaced by hostile text if the
document still validates with it (so ids, enums and dates keep their values, and every
field a person can type into is hit). Long text fields get 10,000 characters, a session's
notes 100,000. The file is written raw, as a hand edit or a partner's import could leave
it, so control characters are on disk even though coplan removes them when it validates.
"""

from __future__ import annotations

import copy
import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

OSC52 = "\x1b]52;c;aGFja2VkIGNsaXBib2FyZA==\x07"
OSC0 = "\x1b]0;pwned title\x07"
CSI_2J = "\x1b[2J"
C1_CSI = "\x9b2J"
CONTROLS = (OSC52, OSC0, CSI_2J, C1_CSI, "\r", "\x07", "\x00")
MARKUP = ("[/]", "[link=file:///etc/passwd]x[/link]", "[@click=app.quit]x", "[draft]", "[/r/Teachers]")
SPREADSHEET = '=HYPERLINK("http://x","y")'
HTML = "<script>alert(1)</script> [js](javascript:alert(1))"
EMOJI = "👩‍🏫🍎🧪"
RTL = "مرحبا بالعالم שלום עולם"

HOSTILE = " ".join((SPREADSHEET, *MARKUP, *CONTROLS, HTML, EMOJI, RTL)) + " end"
"""Under 500 characters, so it fits a title; it starts with a formula for the CSV test."""

ESCAPE_MARKERS = (b"\x1b]52", b"\x1b]0;pwned", b"\x1b[2J", b"\x9b2J", b"\xc2\x9b2J", b"\x00", b"\x07", b"\r")
"""Bytes that must never reach an output built from this fixture's text (BEL and CR too:
they are removed, never printed)."""


def long_text(size: int) -> str:
    return (HOSTILE + "\n") * (size // (len(HOSTILE) + 1)) + "x" * (size % (len(HOSTILE) + 1))


def _models():
    from coplan_tui.store.store import TABLE_OF

    return {table: cls for cls, table in TABLE_OF.items()}


def _paths(value: Any, path: tuple = ()) -> list[tuple]:
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _paths(v, (*path, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _paths(v, (*path, i))]
    return [path] if isinstance(value, str) else []


_ID = re.compile(r"[0-9a-f]{32}")


def _get(doc: Any, path: tuple) -> Any:
    for key in path:
        doc = doc[key]
    return doc


def _set(doc: Any, path: tuple, value: str) -> None:
    for key in path[:-1]:
        doc = doc[key]
    doc[path[-1]] = value


def hostile_document(cls, doc: dict) -> dict:
    """``doc`` with every string the model accepts hostile text in replaced by it."""
    out = copy.deepcopy(doc)
    for path in _paths(doc):
        original = _get(doc, path)
        if path[-1] == "id" or str(path[-1]).endswith("_id") or original == "both" or _ID.fullmatch(original):
            continue  # ids and references to ids (an owner, a leader) are not text
        key = str(path[-1])
        candidates = [long_text(100_000)] if key == "notes" and "steps" in path else []
        candidates += [long_text(10_000), HOSTILE]
        for value in candidates:
            trial = copy.deepcopy(out)
            _set(trial, path, value)
            try:
                cls.model_validate(trial)
            except Exception:
                continue
            out = trial
            break
    return out


def hostile_tables(now: datetime) -> dict[str, Any]:
    """The demo's tables, every free-text field hostile (see the module)."""
    from coplan_tui.domain.demo import build_demo
    from coplan_tui.domain.templates import WEEKLY
    from coplan_tui.store.schema import empty_data
    from coplan_tui.store.store import TABLE_OF

    data: dict[str, Any] = empty_data()
    docs = list(build_demo(now.date(), now))
    custom = WEEKLY.model_copy(update={"builtin": False, "id": "c0ffee00" * 4})
    docs.append(custom)
    for doc in docs:
        table = TABLE_OF[type(doc)]
        rows = data.setdefault(table, {})
        rows[str(len(rows) + 1)] = hostile_document(type(doc), doc.model_dump(mode="json"))
    return data


def write_hostile_db(path: Path, now: datetime) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.write_text(json.dumps(hostile_tables(now), ensure_ascii=False), encoding="utf-8")
    path.chmod(0o600)
    return path


if __name__ == "__main__":  # python -m tests.hostile PATH: a file to try by hand in tmux
    import sys

    write_hostile_db(Path(sys.argv[1]), datetime.now().astimezone())
    print(sys.argv[1])
