"""A virtualised to-do table: it renders only the lines on screen.

Textual's DataTable builds every row up front, which is slow at 10,000 to-dos and makes
every filter rebuild the lot. Here the screen hands over a list of row indices (the
filtered, sorted view) and ``render_line`` formats just the visible ones on demand.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...domain.todo_rows import TodoRow, short_day

HEADER_STYLE = Style(bold=True, underline=True)
CURSOR = Style(reverse=True)
OVERDUE = Style(color="red", bold=True)
DONE = Style(dim=True)

COLUMNS = ("title", "owner", "feedback_by", "due", "status", "session", "partnership")
TITLES = {
    "title": "To-do",
    "owner": "Owner",
    "feedback_by": "Feedback by",
    "due": "Due",
    "status": "Status",
    "session": "From session",
    "partnership": "Partnership",
}
WIDTHS = {"owner": 6, "feedback_by": 13, "due": 13, "status": 6, "session": 22, "partnership": 20}
OPTIONAL = ("partnership", "session")  # dropped, in this order, when the title gets too narrow
MARK = 2  # the selection mark column


class TodoTable(ScrollView, can_focus=True, inherit_bindings=False):
    BINDINGS = [
        Binding("up", "cursor(-1)", "Up", show=False, id="todos.cursor_up"),
        Binding("down", "cursor(1)", "Down", show=False, id="todos.cursor_down"),
        Binding("k", "cursor(-1)", "Up", show=False, id="todos.cursor_up_k"),
        Binding("j", "cursor(1)", "Down", show=False, id="todos.cursor_down_j"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="todos.page_up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="todos.page_down"),
        Binding("home", "jump(0)", "First", show=False, id="todos.first"),
        Binding("end", "jump(-1)", "Last", show=False, id="todos.last"),
    ]

    class CursorMoved(Message):
        pass

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.rows: Sequence[TodoRow] = ()
        self.view: list[int] = []
        self.cursor = 0
        self.selected: set[str] = set()
        self.today = date.today()
        self.sort_column = ""
        self.reverse = False
        self.rendered_rows = 0
        """How many row lines were formatted: tests check filtering stays within a screenful."""

    # --- data -----------------------------------------------------------------------------

    def show(self, rows: Sequence[TodoRow], view: list[int], today: date, keep_id: str | None = None, keep_position: int | None = None) -> None:
        """Show ``view`` (indices into ``rows``); keep the cursor on ``keep_id`` if it is still
        there, or put it at ``keep_position`` (where the caller found that row already)."""
        self.rows, self.view, self.today = rows, view, today
        if keep_position is not None:
            self.cursor = keep_position
        elif keep_id is not None:
            for position, index in enumerate(view):
                if rows[index].id == keep_id:
                    self.cursor = position
                    break
        self.cursor = max(0, min(self.cursor, len(view) - 1))
        self.virtual_size = Size(self.size.width, len(view) + 1)
        self._follow_cursor()
        self.refresh()

    @property
    def current(self) -> TodoRow | None:
        if not self.view:
            return None
        return self.rows[self.view[self.cursor]]

    def targets(self) -> list[TodoRow]:
        """The selected rows in view, or else the row under the cursor."""
        if self.selected:
            chosen = [self.rows[i] for i in self.view if self.rows[i].id in self.selected]
            if chosen:
                return chosen
        return [self.current] if self.current else []

    # --- moving -----------------------------------------------------------------------------

    def action_cursor(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        self.move_to(self.cursor + direction * max(1, self.size.height - 2))

    def action_jump(self, where: int) -> None:
        self.move_to(where if where >= 0 else len(self.view) - 1)

    def move_to(self, position: int) -> None:
        if not self.view:
            return
        self.cursor = max(0, min(position, len(self.view) - 1))
        self._follow_cursor()
        self.refresh()
        self.post_message(self.CursorMoved())

    def _follow_cursor(self) -> None:
        visible = max(1, self.size.height - 1)
        top = int(self.scroll_offset.y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.view) + 1)
        self._follow_cursor()

    def on_click(self, event) -> None:
        y = event.y
        if y >= 1:
            self.move_to(int(self.scroll_offset.y) + y - 1)

    # --- drawing ---------------------------------------------------------------------------

    def layout(self, width: int) -> list[tuple[str, int]]:
        """(column, width) pairs that fit ``width``; the title takes what is left."""
        columns = [c for c in COLUMNS if c != "title"]
        for optional in OPTIONAL:
            used = MARK + sum(WIDTHS[c] + 1 for c in columns)
            if width - used >= 30:
                break
            columns.remove(optional)
        used = MARK + sum(WIDTHS[c] + 1 for c in columns)
        return [("title", max(8, width - used - 1))] + [(c, WIDTHS[c]) for c in columns]

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        cols = self.layout(width)
        if y == 0:
            return self._header(cols, width)
        position = int(self.scroll_offset.y) + y - 1
        if position >= len(self.view):
            return Strip.blank(width, self.rich_style)
        self.rendered_rows += 1
        row = self.rows[self.view[position]]
        base = self.rich_style
        if row.status == "done":
            base += DONE
        if position == self.cursor and self.has_focus:
            base += CURSOR
        elif position == self.cursor:
            base += Style(underline=True)
        segments = [Segment(set_cell_size("● " if row.id in self.selected else "  ", MARK), base)]
        overdue = row.is_overdue(self.today)
        for name, w in cols:
            text, style = self._cell(row, name, overdue)
            segments.append(Segment(set_cell_size(_fit(text, w), w) + " ", base + style if style else base))
        return Strip(segments).adjust_cell_length(width, base)

    def _header(self, cols: list[tuple[str, int]], width: int) -> Strip:
        segments = [Segment(" " * MARK, self.rich_style)]
        for name, w in cols:
            arrow = (" ▼" if self.reverse else " ▲") if name == self.sort_column else ""
            segments.append(Segment(set_cell_size(_fit(TITLES[name] + arrow, w), w), self.rich_style + HEADER_STYLE))
            segments.append(Segment(" ", self.rich_style))
        return Strip(segments).adjust_cell_length(width, self.rich_style)

    def _cell(self, row: TodoRow, name: str, overdue: bool) -> tuple[str, Style | None]:
        if name in ("feedback_by", "due"):
            day = row.feedback_by if name == "feedback_by" else row.due
            if day is None:
                return "—", DONE
            late = overdue and day < self.today
            return ("! " if late else "") + short_day(day), OVERDUE if late else None
        if name == "status":
            return ("done" if row.status == "done" else "open"), None
        value = getattr(row, name)
        return " ".join(str(value).split()), None


def _fit(text: str, width: int) -> str:
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(0, width - 1)) + "…"
