"""Plain aligned columns for the listing commands (`coplan plans`, `coplan sessions`)."""

from __future__ import annotations


def clip(text: str, width: int) -> str:
    """User text on one line, at most ``width`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def aligned(header: list[str], body: list[list[str]]) -> str:
    """Each column as wide as its widest cell, two spaces between, no trailing blanks."""
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in [header, *body])
