"""The footer every screen shows, with quit/leave (q) and help (?) always first.

Textual lists the focused widget's keys, then the screen's, then the app's, and cuts what
does not fit: at 80 columns that was q and ?, the two keys a lost user needs.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

FIRST_KEYS = ("q", "question_mark")
"""Quit or leave, then help. In a text field, where q and ? are text, escape (the way out) leads."""


def _rank(widget, first: tuple[str, ...]) -> int:
    if isinstance(widget, FooterKey) and widget.key in first:
        return first.index(widget.key)
    return len(first)


class CoplanFooter(Footer):
    def compose(self) -> ComposeResult:
        widgets = list(super().compose())
        keys = {w.key for w in widgets if isinstance(w, FooterKey)}
        first = FIRST_KEYS if "q" in keys else ("escape", *FIRST_KEYS)
        yield from sorted(widgets, key=lambda w: _rank(w, first))  # stable: the rest keep their order
