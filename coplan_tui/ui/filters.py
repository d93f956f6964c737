"""Line filters applied to every frame just before it is written to the terminal.

Rewriting the finished frame (rather than each widget) is what makes NO_COLOR and a
non-UTF-8 terminal complete: Textual's own borders, scrollbars and footer go through here too.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from .glyphs import to_ascii


class StripColor(LineFilter):
    """No colour codes at all (https://no-color.org): bold, reverse and underline stay.

    Textual's own NO_COLOR filter turns colours into greys, which still sends 256-colour
    codes and loses what colour alone told apart (the last minute's warning).
    """

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            Segment(text, None if style is None else style.without_color, control)
            for text, style, control in segments
        ]


class AsciiOnly(LineFilter):
    """Every character ASCII, each of the same width as the one it replaces."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            segment if control or text.isascii() else Segment(to_ascii(text), style, control)
            for segment in segments
            for text, style, control in (segment,)
        ]
