"""The plan's shared resources (links, file paths, notes), edited in place by keys."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Static

from ...domain.models import Resource
from ..text import lit


class ResourcePane(Vertical):
    """A heading and a table; posts Edit(index, or None for new) and Delete(index) upward."""

    BINDINGS = [
        Binding("n", "new", "Add resource", id="resources.new"),
        Binding("e,enter", "edit", "Edit resource", id="resources.edit"),
        Binding("d,delete", "remove", "Delete resource", id="resources.delete"),
        Binding("S", "shelve", "Put on the shelf", key_display="S", id="resources.shelve", tooltip="keep the resource on the partnership's shelf, for other plans"),
        Binding("g", "take", "From the shelf", id="resources.take", tooltip="add a resource from the partnership's shelf"),
    ]

    class Edit(Message):
        def __init__(self, index: int | None):
            super().__init__()
            self.index = index

    class Delete(Message):
        def __init__(self, index: int):
            super().__init__()
            self.index = index

    class Shelve(Message):
        def __init__(self, index: int):
            super().__init__()
            self.index = index

    class Take(Message):
        pass

    def compose(self) -> ComposeResult:
        yield Static(lit("Resources  (n add · e edit · d delete)", "bold"), classes="section-title")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="resources")

    @property
    def table(self) -> DataTable:
        return self.query_one(DataTable)

    def on_mount(self) -> None:
        self.table.add_columns("Resource", "Link or path", "Notes")

    def show(self, resources: list[Resource]) -> None:
        table = self.table
        row = table.cursor_row
        table.clear()
        for r in resources:
            table.add_row(lit(r.label), lit(r.location), lit(r.notes))
        if resources:
            table.move_cursor(row=min(row, len(resources) - 1))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_new(self) -> None:
        self.post_message(self.Edit(None))

    def action_edit(self) -> None:
        self.post_message(self.Edit(self.table.cursor_row if self.table.row_count else None))

    def action_shelve(self) -> None:
        if self.table.row_count:
            self.post_message(self.Shelve(self.table.cursor_row))

    def action_take(self) -> None:
        self.post_message(self.Take())

    def action_remove(self) -> None:
        if self.table.row_count:
            self.post_message(self.Delete(self.table.cursor_row))
