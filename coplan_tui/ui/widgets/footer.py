"""The footer every screen shows, with quit/leave (q) and help (?) always first.

Textual lists the focused widget's keys, then the screen's, then the app's, and cuts what
does not fit: at 80 columns that was q and ?, the two keys a lost user needs.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

FIRST_KEYS = ("q", "question_mark", "escape")
"""Quit or leave, help, and the way out of a text field (where q and ? are text, not keys)."""


def _rank(widget) -> int:
    if isinstance(widget, FooterKey) and widget.key in FIRST_KEYS:
        return FIRST_KEYS.index(widget.key)
    return len(FIRST_KEYS)


class CoplanFooter(Footer):
    def compose(self) -> ComposeResult:
        widgets = list(super().compose())
        yield from sorted(widgets, key=_rank)  # sorted() is stable: the rest keep their order
