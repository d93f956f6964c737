"""The first screen: partnerships and the open to-dos, read from the store."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from ...domain.models import Partnership, Todo
from ..messages import DataChanged
from ..text import lit


def deadline_text(todo: Todo, today) -> Text:
    """``Wed 25 Nov`` for the implementation deadline, ``fb Tue 24 Nov`` for feedback."""
    nxt = todo.next_deadline(today)
    if nxt is None:
        return lit("—", "dim")
    kind, day = nxt
    label = ("fb " if kind == "feedback" else "") + day.strftime("%a %d %b")
    if todo.is_overdue(today):
        return lit(f"! {label}", "bold red")
    return lit(label)


class HomeScreen(Screen[None]):
    HELP = "Your partnerships and every open to-do, soonest deadline first."
    TITLE = "Home"
    BINDINGS = [
        Binding("q", "app.quit", "Quit", id="home.quit"),
        Binding("t", "open_todos", "To-dos", tooltip="review every to-do", id="home.todos"),
        Binding("tab", "app.focus_next", "Next pane", show=False, id="home.focus_next"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home"):
            yield Static("", id="welcome")
            yield Static(lit("Partnerships", "bold"), classes="section-title")
            yield DataTable(id="partnerships", cursor_type="row", zebra_stripes=True)
            yield Static(lit("Open to-dos", "bold"), classes="section-title")
            yield DataTable(id="todos", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#partnerships", DataTable).add_columns("Partnership", "Phase", "Level", "Open", "Overdue")
        self.query_one("#todos", DataTable).add_columns("To-do", "Owner", "Deadline", "Partnership")
        self.refresh_data()

    def action_open_todos(self) -> None:
        self.app.open_todos()  # type: ignore[attr-defined]

    def on_data_changed(self, _: DataChanged) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        store = self.app.store  # type: ignore[attr-defined]
        today = self.app.today()  # type: ignore[attr-defined]
        partnerships = sorted(store.all(Partnership), key=lambda p: p.display_name.lower())
        todos = [t for t in store.all(Todo) if t.is_open]
        by_id = {p.id: p for p in partnerships}
        welcome = self.query_one("#welcome", Static)
        welcome.display = not partnerships
        welcome.update(
            lit("Welcome to coplan. There are no partnerships yet. Run `coplan demo` to explore with sample data.")
        )
        table = self.query_one("#partnerships", DataTable)
        table.clear()
        for p in partnerships:
            mine = [t for t in todos if t.partnership_id == p.id]
            overdue = sum(1 for t in mine if t.is_overdue(today))
            table.add_row(
                lit(p.display_name),
                lit(p.phase.label if p.phase else "Peers"),
                lit(p.level.label),
                lit(str(len(mine))),
                lit(str(overdue), "bold red" if overdue else ""),
                key=p.id,
            )
        todo_table = self.query_one("#todos", DataTable)
        todo_table.clear()
        todos.sort(key=lambda t: t.sort_key(today))
        for t in todos:
            p = by_id.get(t.partnership_id)
            todo_table.add_row(
                lit(t.title),
                lit(p.owner_label(t.owner) if p else "?"),
                deadline_text(t, today),
                lit(p.display_name if p else "?"),
                key=t.id,
            )
