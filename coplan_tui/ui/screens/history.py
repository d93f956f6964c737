"""Past sessions, newest first, and a search across their notes; enter opens one read-only."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from ...domain.history import minutes, past_sessions, search_notes, todos_made
from ...domain.models import Partnership, Session, Todo
from ..messages import DataChanged
from ..text import clip, lit
from ..widgets.session_summary import SessionSummary


class HistoryScreen(Screen[None]):
    HELP = (
        "Every session that took place, newest first: date, template, leader, minutes planned and "
        "actually run, and the to-dos it produced. Type in the search box (/) to find words in the "
        "notes; enter opens a session's summary."
    )
    BINDINGS = [
        Binding("slash", "search", "Search notes", key_display="/", id="history.search"),
        Binding("enter", "open", "Open", id="history.open"),
        Binding("a", "toggle_all", "All partnerships", id="history.all", tooltip="This partnership or all of them"),
        Binding("M", "export_minutes", "Export minutes", key_display="M", id="history.export_minutes", tooltip="the selected session's minutes (Markdown)"),
        Binding("escape", "back", "Back", id="history.back"),
    ]

    def __init__(self, partnership_id: str | None):
        super().__init__()
        self.partnership_id = partnership_id
        self.origin = partnership_id

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="history"):
            yield Input(placeholder="Search the notes (/)", id="history-search", compact=True)
            yield Static("", id="history-count")
            yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_data()
        self.query_one("#sessions", DataTable).focus()

    def on_data_changed(self, _: DataChanged) -> None:
        self.refresh_data()

    def on_input_changed(self, _: Input.Changed) -> None:
        self.refresh_data()

    def on_input_submitted(self, _: Input.Submitted) -> None:
        self.query_one("#sessions", DataTable).focus()

    def refresh_data(self) -> None:
        store = self.app.store  # type: ignore[attr-defined]
        now = self.app.now()  # type: ignore[attr-defined]
        query = self.query_one("#history-search", Input).value
        partnerships = {p.id: p for p in store.all(Partnership)}
        todos = store.all(Todo)
        found = search_notes(past_sessions(store.all(Session), self.partnership_id), query)
        mine = partnerships.get(self.partnership_id) if self.partnership_id else None
        self.title = f"History: {mine.display_name}" if mine else "History: all partnerships"
        table = self.query_one("#sessions", DataTable)
        table.clear(columns=True)
        searching = bool(query.strip())
        columns = ["Date", "Match" if searching else "Template", "Leader", "Plan", "Ran", "To-dos"]
        if self.partnership_id is None:
            columns.insert(1, "Partnership")
        table.add_columns(*columns)
        for session, match in found:
            p = partnerships.get(session.partnership_id)
            planned, actual = minutes(session, now)
            leader = p.member(session.leader_id) if p and session.leader_id else None
            cells = [
                lit(f"{session.day:%d %b %Y}"),
                lit(clip(match, max(24, self.app.size.width - 54))) if searching else lit(clip(session.template.name, 34)),
                lit(f"{leader.name.split()[0]} ({p.owner_label(leader.id)})" if p and leader else "—"),
                lit(str(planned)),
                lit(str(actual), "bold red" if actual > planned else ""),
                lit(str(len(todos_made(session, todos)))),
            ]
            if self.partnership_id is None:
                cells.insert(1, lit(clip(p.display_name if p else "?", 24)))
            table.add_row(*cells, key=session.id)
        what = "sessions" if len(found) != 1 else "session"
        count = f"{len(found)} {what}" + (f" whose notes mention {query.strip()!r}" if searching else "")
        self.query_one("#history-count", Static).update(lit(count, "dim"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "search":
            return not isinstance(self.focused, Input)
        if action == "toggle_all":
            return self.origin is not None
        if action == "export_minutes":
            return not isinstance(self.focused, Input)
        return True

    def action_toggle_all(self) -> None:
        self.partnership_id = None if self.partnership_id else self.origin
        self.refresh_data()

    def action_search(self) -> None:
        self.query_one("#history-search", Input).focus()

    def action_open(self) -> None:
        table = self.query_one("#sessions", DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key:
            self.app.push_screen(SessionSummaryScreen(key))

    def on_data_table_row_selected(self, _: DataTable.RowSelected) -> None:
        self.action_open()

    def action_export_minutes(self) -> None:
        from ..exporting import export_session_minutes

        table = self.query_one("#sessions", DataTable)
        if not table.row_count:
            self.notify("No session to export yet.", severity="warning")
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key:
            export_session_minutes(self.app, key)

    def action_back(self) -> None:
        search = self.query_one("#history-search", Input)
        if search.has_focus:  # escape leaves the box (clearing it) before it leaves the screen
            search.value = ""
            self.query_one("#sessions", DataTable).focus()
            return
        self.dismiss(None)


class SessionSummaryScreen(Screen[None]):
    """One past session, read-only, in the same view the live session ends with."""

    HELP = "A past session as it ended: steps planned against run, the notes, the to-dos it made, the reflection."
    BINDINGS = [
        Binding("escape", "back", "Back", id="summary.back"),
        Binding("q", "back", "Back", show=False, id="summary.back_q"),
        Binding("M", "export_minutes", "Export minutes", key_display="M", id="summary.export_minutes", tooltip="this session's minutes (Markdown)"),
    ]

    def __init__(self, session_id: str):
        super().__init__()
        self.session_id = session_id

    def compose(self) -> ComposeResult:
        store = self.app.store  # type: ignore[attr-defined]
        session = store.get(Session, self.session_id)
        p = store.get(Partnership, session.partnership_id) if session else None
        yield Header()
        if session is None or p is None:
            yield Static(lit("This session no longer exists."))
        else:
            yield SessionSummary(session, p, store.all(Todo), self.app.now(), id="summary")  # type: ignore[attr-defined]
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Session summary"
        for summary in self.query(SessionSummary):
            summary.focus()

    def action_back(self) -> None:
        self.dismiss(None)

    def action_export_minutes(self) -> None:
        from ..exporting import export_session_minutes

        export_session_minutes(self.app, self.session_id)
