"""Show user text literally: nothing a user typed is ever parsed as markup or reaches the
terminal as a control sequence.

This is the one way the UI puts text in front of the user: ``lit`` for widgets, ``toast``
for notifications, ``plain`` for screen titles, palette entries and help lines. Each passes
the text through ``domain.safe_text.printable`` (control characters removed) and never
through the markup parser, so ``[/]`` cannot crash a toast, ``[draft]`` cannot vanish and
``[@click=app.quit]`` cannot become an action. ``tests/unit/test_ui_text_guard.py`` fails
when a ``notify(`` or a title takes text any other way.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text

from ..domain.safe_text import printable


def plain(value: object) -> str:
    """``value`` as a string safe for the terminal (titles, palette entries, help lines)."""
    return printable("" if value is None else str(value))


def lit(value: object, style: str = "") -> Text:
    """A Text that renders ``value`` exactly as typed (``[bold]`` stays ``[bold]``)."""
    return Text(plain(value), style=style, end="")


def toast(target: Any, message: object, *, title: object = "", severity: str = "information", timeout: float | None = None) -> None:
    """``target.notify`` (an app, screen or widget) with the message and title shown literally."""
    target.notify(plain(message), title=plain(title), severity=severity, timeout=timeout, markup=False)  # noqa: COPLAN-TOAST


def clip(value: str, width: int) -> str:
    value = " ".join(plain(value).split())
    return value if len(value) <= width else value[: max(1, width - 1)] + "…"


def markup_safe(value: object) -> str:
    """For the Textual APIs that take only a markup string (the palette's display and help
    text): the value escaped so that it shows exactly as written (``/`` as a key stays ``/``,
    ``[draft]`` stays ``[draft]``)."""
    from textual.markup import escape

    return escape("" if value is None else str(value))
