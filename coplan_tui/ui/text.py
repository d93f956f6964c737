"""Show user text literally: nothing a user typed is ever parsed as markup."""

from __future__ import annotations

from rich.text import Text


def lit(value: object, style: str = "") -> Text:
    """A Text that renders ``value`` exactly as typed (``[bold]`` stays ``[bold]``)."""
    return Text("" if value is None else str(value), style=style, end="")


def clip(value: str, width: int) -> str:
    value = " ".join(value.split())
    return value if len(value) <= width else value[: max(1, width - 1)] + "…"


def markup_safe(value: object) -> str:
    """For the Textual APIs that take only a markup string (the palette's display and help
    text): the value escaped so that it shows exactly as written (``/`` as a key stays ``/``,
    ``[draft]`` stays ``[draft]``)."""
    from textual.markup import escape

    return escape("" if value is None else str(value))
