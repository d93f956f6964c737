"""The plan's shared resources (links, file paths, notes), edited in place by keys."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from ...domain.models import Resource
from ..text import lit


class ResourceTable(DataTable):
    """Posts Edit(index or None for new) and Delete(index); the screen owns the plan."""

    BINDINGS = [
        Binding("n", "new", "Add resource", id="resources.new"),
        Binding("e,enter", "edit", "Edit resource", id="resources.edit"),
        Binding("d,delete", "remove", "Delete resource", id="resources.delete"),
    ]

    class Edit(Message):
        def __init__(self, index: int | None):
            super().__init__()
            self.index = index

    class Delete(Message):
        def __init__(self, index: int):
            super().__init__()
            self.index = index

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.add_columns("Resource", "Link or path", "Notes")

    def show(self, resources: list[Resource]) -> None:
        row = self.cursor_row
        self.clear()
        for r in resources:
            self.add_row(lit(r.label), lit(r.location), lit(r.notes))
        if resources:
            self.move_cursor(row=min(row, len(resources) - 1))

    def action_new(self) -> None:
        self.post_message(self.Edit(None))

    def action_edit(self) -> None:
        if self.row_count:
            self.post_message(self.Edit(self.cursor_row))
        else:
            self.post_message(self.Edit(None))

    def action_remove(self) -> None:
        if self.row_count:
            self.post_message(self.Delete(self.cursor_row))
