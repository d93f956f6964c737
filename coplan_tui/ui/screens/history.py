"""Past sessions, newest first, and a search across their notes; enter opens one read-only."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Header, Input, Static

from ...domain.history import minutes, past_sessions, search_notes, todos_made
from ...domain.models import Partnership, Session, SessionStatus, Todo
from ...domain.resume import is_stale, last_activity, progress
from ...domain.session_edits import deletion, with_leader, with_tc_included
from ..messages import DataChanged
from ..text import clip, lit, plain, toast
from ..widgets.session_summary import SessionSummary
from ..widgets.footer import CoplanFooter
from ..widgets.typed_screens import CoplanScreen


class HistoryScreen(CoplanScreen[None]):
    HELP = (
        "Every session that took place, newest first: date, template, leader, minutes planned and "
        "actually run, and the to-dos it produced. Type in the search box (/) to find words in the "
        "notes; enter opens a session's summary. l corrects who led it, i marks that the TC was included in "
        "planning, x deletes it (after asking)."
    )
    BINDINGS = [
        Binding("slash", "search", "Search notes", key_display="/", id="history.search"),
        Binding("enter", "open", "Open", id="history.open"),
        Binding("a", "toggle_all", "All partnerships", id="history.all", tooltip="This partnership or all of them"),
        Binding("M", "export_minutes", "Export minutes", key_display="M", id="history.export_minutes", tooltip="the selected session's minutes (Markdown)"),
        Binding("l", "leader", "Leader", id="history.leader", tooltip="Correct who led the session"),
        Binding("i", "toggle_included", "TC included", id="history.tc_included", tooltip="Mark: the TC was included in planning (targeted lessons)"),
        Binding("x,delete", "delete", "Delete", id="history.delete", tooltip="Delete the session (asks first)"),
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
        yield CoplanFooter()

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
        store = self.app.db
        now = self.app.now()
        query = self.query_one("#history-search", Input).value
        partnerships = {p.id: p for p in store.all(Partnership)}
        todos = store.all(Todo)
        found = search_notes(past_sessions(store.all(Session), self.partnership_id), query)
        mine = partnerships.get(self.partnership_id) if self.partnership_id else None
        self.title = plain(f"History: {mine.display_name}") if mine else "History: all partnerships"
        table = self.query_one("#sessions", DataTable)
        keep = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value if table.row_count else None
        table.clear(columns=True)
        searching = bool(query.strip())
        columns = ["Date", "Match" if searching else "Template", "Leader", "Plan", "Ran", "To-dos", "TC incl."]
        if self.partnership_id is None:
            columns.insert(1, "Partnership")
        table.add_columns(*columns)
        for session, match in found:
            p = partnerships.get(session.partnership_id)
            planned, actual = minutes(session, now)
            leader = p.member(session.leader_id) if p and session.leader_id else None
            unfinished = session.status != SessionStatus.DONE
            what = f"▶ {progress(session, now)}" if unfinished else session.template.name
            cells = [
                lit(f"{session.day:%d %b %Y}"),
                lit(clip(match, max(24, self.app.size.width - 54))) if searching else lit(clip(what, 34), "bold" if unfinished else ""),
                lit(f"{leader.name.split()[0]} ({p.owner_label(leader.id)})" if p and leader else "—"),
                lit(str(planned)),
                lit(str(actual), "bold red" if actual > planned else ""),
                lit(str(len(todos_made(session, todos)))),
                lit("yes" if session.tc_included else ""),
            ]
            if self.partnership_id is None:
                cells.insert(1, lit(clip(p.display_name if p else "?", 24)))
            table.add_row(*cells, key=session.id)
        if keep is not None and keep in {s.id for s, _ in found}:
            table.move_cursor(row=table.get_row_index(keep))
        what = "sessions" if len(found) != 1 else "session"
        count = f"{len(found)} {what}" + (f" whose notes mention {query.strip()!r}" if searching else "")
        self.query_one("#history-count", Static).update(lit(count, "dim"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("search", "leader", "toggle_included", "delete"):
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
        session = self.app.db.get(Session, key) if key else None
        if session is None:
            return
        if session.status == SessionStatus.DONE:
            self.app.push_screen(SessionSummaryScreen(key))
        elif is_stale(session, self.app.now()):
            self._old_unfinished(session)
        else:
            self.app.open_existing_session(session.id)

    def _old_unfinished(self, session: Session) -> None:
        """A session left unfinished for more than a day: go on, finish it, or discard it."""
        from ...domain import timebox
        from ..dialogs.choice import ChoiceDialog

        app = self.app

        def chosen(choice: str | None) -> None:
            if choice == "r":
                app.open_existing_session(session.id)
            elif choice == "f":
                moment = last_activity(session) or app.now()
                app.save(timebox.finish(timebox.pause(session, moment), moment))
                toast(self, "Finished: it counts as held, with the time it ran.")
            elif choice == "d":
                self.action_delete()  # asks first; its to-dos stay

        app.push_screen(
            ChoiceDialog(
                "An unfinished session from more than a day ago",
                [("r", "Resume it"), ("f", "Finish it as it is"), ("d", "Discard it"), ("c", "Cancel")],
                detail=f"{session.template.name}, {session.day:%a %d %b}: {progress(session, app.now())}",
            ),
            chosen,
        )

    def on_data_table_row_selected(self, _: DataTable.RowSelected) -> None:
        self.action_open()

    def action_export_minutes(self) -> None:
        from ..exporting import export_session_minutes

        table = self.query_one("#sessions", DataTable)
        if not table.row_count:
            toast(self, "No session to export yet.", severity="warning")
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key:
            export_session_minutes(self.app, key)

    # --- corrections ----------------------------------------------------------------------

    def _selected(self) -> tuple[Session, Partnership] | None:
        table = self.query_one("#sessions", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        store = self.app.db
        session = store.get(Session, key) if key else None
        p = store.get(Partnership, session.partnership_id) if session else None
        return (session, p) if session and p else None

    def action_leader(self) -> None:
        from ..dialogs.leader import ask_leader

        found = self._selected()
        if found is None:
            return
        session, p = found

        def chosen(member_id: str) -> None:
            member = p.member(member_id)
            self._save(with_leader(session, p, member_id), f"{member.name} led the session of {session.day:%d %b}.")

        ask_leader(self.app, session, p, chosen)

    def action_toggle_included(self) -> None:
        found = self._selected()
        if found is None:
            return
        session = found[0]
        on = not session.tc_included
        self._save(with_tc_included(session, on), "Marked: the TC was included in planning." if on else "Mark removed.")

    def _save(self, session: Session, message: str) -> None:
        if self.app.save(session):
            toast(self, message)

    def action_delete(self) -> None:
        from ..gateway import Change
        from ..dialogs.confirm import confirm

        found = self._selected()
        if found is None:
            return
        session, _ = found
        now = self.app.now()
        plan = deletion(session, self.app.db.all(Todo), now)

        def delete() -> None:
            self.app.writer.submit(Change(puts=list(plan.unlinked), deletes=[(Session, plan.session_id)]))
            toast(self, f"Deleted the session of {session.day:%d %b}.", title="Deleted")

        confirm(self.app, f"Delete the session of {session.day:%a %d %b %Y}?", plan.describe(), delete)

    def action_back(self) -> None:
        search = self.query_one("#history-search", Input)
        if search.has_focus:  # escape leaves the box (clearing it) before it leaves the screen
            search.value = ""
            self.query_one("#sessions", DataTable).focus()
            return
        self.dismiss(None)


class SessionSummaryScreen(CoplanScreen[None]):
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
        store = self.app.db
        session = store.get(Session, self.session_id)
        p = store.get(Partnership, session.partnership_id) if session else None
        yield Header()
        if session is None or p is None:
            yield Static(lit("This session no longer exists."))
        else:
            yield SessionSummary(session, p, store.all(Todo), self.app.now(), id="summary")
        yield CoplanFooter()

    def on_mount(self) -> None:
        self.title = "Session summary"
        for summary in self.query(SessionSummary):
            summary.focus()

    def action_back(self) -> None:
        self.dismiss(None)

    def action_export_minutes(self) -> None:
        from ..exporting import export_session_minutes

        export_session_minutes(self.app, self.session_id)
