"""The one place that decides which characters coplan draws: Unicode, or ASCII.

A terminal whose locale is not UTF-8 shows ☐ and ☑ alike (or as ``\\u2610``), so done and
open to-dos look the same. The app picks a set once at start (``use``) and every widget
asks ``current()`` for its marks; ``to_ascii`` turns whatever else is left (Textual's
borders, scrollbars and big digits) into ASCII of the same width, used by the line filter.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rich.cells import cell_len


@dataclass(frozen=True)
class Glyphs:
    todo_open: str
    todo_done: str
    carried: str
    warning: str
    bullet: str
    tick: str
    radio: str
    selected: str
    planned_bar: str
    actual_bar: str
    expected: str


UNICODE = Glyphs(
    todo_open="☐",
    todo_done="☑",
    carried="↻",
    warning="⚠",
    bullet="•",
    tick="✓",
    radio="●",
    selected="▶",
    planned_bar="░",
    actual_bar="█",
    expected="◆",
)

ASCII = Glyphs(
    todo_open="[ ]",
    todo_done="[x]",
    carried=">",
    warning="!",
    bullet="*",
    tick="x",
    radio="*",
    selected=">",
    planned_bar=".",
    actual_bar="#",
    expected="*",
)

_current = UNICODE


def use(ascii_only: bool) -> None:
    """Choose the set for this process (the app does it once, from the terminal profile)."""
    global _current
    _current = ASCII if ascii_only else UNICODE


def current() -> Glyphs:
    return _current


_NAMED = {
    "…": ".", "·": ".", "•": "*", "—": "-", "–": "-", "‘": "'", "’": "'", "“": '"', "”": '"',
    "→": ">", "←": "<", "↑": "^", "↓": "v", "↻": ">", "⚠": "!", "✓": "x", "✔": "x", "✗": "x",
    "●": "*", "○": "o", "◆": "*", "◇": "o", "▶": ">", "▸": ">", "◀": "<", "▼": "v", "▲": "^",
    "☐": "_", "☑": "x", "×": "x", "≥": ">", "≤": "<", "░": ".", "▒": ":", "▓": "#", "█": "#",
    "\u00a0": " ",
}


@lru_cache(maxsize=4096)
def _char(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    width = cell_len(ch)
    if width == 0:
        return ""
    name = unicodedata.name(ch, "")
    if name.startswith("BOX DRAWINGS"):
        parts = name.split()
        across = "HORIZONTAL" in parts or "LEFT" in parts or "RIGHT" in parts
        down = "VERTICAL" in parts or "UP" in parts or "DOWN" in parts
        if "DIAGONAL" in parts:
            return "X" if "CROSS" in parts else ("/" if "UPPER RIGHT" in name else "\\")
        if "ARC" in parts or (across and down):
            return "+"
        return "-" if across else "|"
    if "BLOCK" in name:
        if "LEFT" in name or "RIGHT" in name:
            return "|"
        if "EIGHTH" in name or "QUARTER" in name:
            return "_" if "LOWER" in name else "-"
        return "#"
    plain = "".join(c for c in unicodedata.normalize("NFKD", ch) if c.isascii() and c.isprintable())
    if plain and len(plain) == width:
        return plain
    return "?" * width


@lru_cache(maxsize=8192)
def to_ascii(text: str) -> str:
    """``text`` in ASCII, each character replaced by one of the same width on screen."""
    if text.isascii():
        return text
    return "".join(c if c.isascii() else _char(c) for c in text)
