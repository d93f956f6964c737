"""The current step's prompts (and, on the last step, the wrap-up): sized to fit, scrolling past a cap.

A Static with ``height: auto`` costs two relayouts whenever its height changes: Textual lays
the screen out, sees the widget's new virtual size, and lays it out again a frame later. Here
the text is wrapped when it is shown and the height is set then, so a step change is one
relayout and one frame.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip


class PromptView(ScrollView, can_focus=False):
    BINDINGS = [
        Binding("up", "scroll_up", "Scroll up", show=False, id="prompts.scroll_up"),
        Binding("down", "scroll_down", "Scroll down", show=False, id="prompts.scroll_down"),
    ]

    DEFAULT_CSS = """
    PromptView {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
    }
    PromptView:focus {
        background-tint: $accent 8%;
    }
    """

    def __init__(self, *, share: float = 0.4, id: str | None = None) -> None:
        super().__init__(id=id)
        self.share = share
        """At most this part of the parent's height; the rest scrolls."""
        self._text = Text()
        self._lines: list[Strip] = []
        self._wrapped_for: tuple[int, int] | None = None

    def show(self, text: Text, share: float | None = None, *, from_top: bool = True) -> None:
        """Show ``text``; ``from_top=False`` keeps the reader's place (the same step, redrawn)."""
        share = self.share if share is None else share
        if text == self._text and share == self.share and self._wrapped_for is not None:
            return
        self._text = text
        self.share = share
        self._wrapped_for = None
        self.rewrap()
        if from_top:
            self.scroll_to(0, 0, animate=False)

    def on_resize(self) -> None:
        self.rewrap()

    def rewrap(self) -> None:
        """Wrap again if the width or the parent's height changed (the cap is a share of it)."""
        width = self.size.width - self.styles.scrollbar_size_vertical
        parent = self.parent
        room = parent.content_region.height if parent is not None and hasattr(parent, "content_region") else 0
        if width <= 0 or room <= 0 or self._wrapped_for == (width, room):
            return
        self._wrapped_for = (width, room)
        console = self.app.console
        lines = console.render_lines(self._text, console.options.update_width(width), pad=False) if self._text else []
        self._lines = [Strip(Segment.adjust_line_length(line, width)) for line in lines]
        self.virtual_size = Size(width, len(self._lines))
        height = max(1, min(len(self._lines), int(room * self.share)))
        if self.styles.height is None or self.styles.height.value != height:
            self.styles.height = height
        self.can_focus = len(self._lines) > height  # a tab stop only when there is more to scroll to
        if self.has_focus and not self.can_focus:
            self.screen.focus_next()  # nothing left to scroll: do not keep the keys
        self.refresh()

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if index >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        return self._lines[index].crop_extend(0, width, self.rich_style).apply_style(self.rich_style)
