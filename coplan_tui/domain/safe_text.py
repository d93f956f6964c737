"""The one rule for control characters in user text: they are removed.

Titles and notes come from a partner's CSV, a JSON import or a terminal over SSH. A control
character in them is never meaningful to coplan, and on the way out it is an attack: ``ESC ]
52`` writes the clipboard, ``ESC [ 2 J`` clears the screen, a carriage return overwrites a
row, a NUL truncates the text for C programs. So C0 (except tab and newline), DEL and C1
characters are removed when text comes in (every document's text fields pass through
``printable`` when it is validated) and again when text goes out (the terminal, CLI tables,
exports), in case a file was edited by hand. Removing beats showing them as symbols: a
partner never meant to type them, and a visible ``␛]52;c;...`` would still be noise.
A carriage return ends a line, so CR LF and a lone CR become a newline before the rest go.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CR = re.compile(r"\r\n?")


def printable(text: str) -> str:
    """``text`` without control characters other than tab and newline (see the module)."""
    if text.isprintable() or _CONTROL.search(text) is None:  # the first is quicker, and says enough for most
        return text
    return _CONTROL.sub("", _CR.sub("\n", text))


_LINE_BREAKS = re.compile(r"\s*[\n\r\x0b\x0c\x85\u2028\u2029]\s*")


def one_line(text: str) -> str:
    """``text`` with each line break (and the spaces around it) made one space: a title is one
    line everywhere it is shown (a table row, a to-do editor's field, an ics SUMMARY). A title
    from the command line or an import kept its newline, and a row then spilled over others."""
    return _LINE_BREAKS.sub(" ", text) if _LINE_BREAKS.search(text) else text


def printable_line(text: str) -> str:
    """``one_line(printable(text))``: how a title is stored. A load runs it on every title."""
    return text if text.isprintable() else one_line(printable(text))


def has_controls(text: str) -> bool:
    return _CONTROL.search(text) is not None
