"""The first screen: every partnership at a glance, and one key to whatever comes next.

For each pair: phase and level, the next regular session and who should lead it, to-dos
per member (open, overdue, due this week), and whether the release of responsibility is
ahead of, on, or behind the plan. An empty database gets a short welcome instead.

Home is the first screen, so it paints before the database is open (the app opens it
after the first frame): until then it shows which file is opening, and the domain and
the table's helpers are imported only when there is data to show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Header, Static

from ..messages import DataChanged
from ..widgets.footer import CoplanFooter
from ...domain.wording import counted
from ..text import lit, toast
from ..widgets.typed_screens import CoplanScreen

if TYPE_CHECKING:
    from ...domain.models import Partnership

NARROW = 110
"""Below this many columns the table abbreviates."""


WELCOME = (
    "Welcome to coplan.\n\n"
    "coplan runs timed coplanning sessions for two teachers (a cooperating teacher and a "
    "teacher candidate, or a librarian and a classroom teacher) and keeps track of who does "
    "what, by when, and who leads as responsibility shifts across a placement.\n\n"
)


class HomeScreen(CoplanScreen[None]):
    HELP = (
        "Your partnerships: the next session and who should lead it, the to-dos each member owes, "
        "and the release of responsibility against the plan. Pick a partnership with the arrow keys."
    )
    TITLE = "Home"
    BINDINGS = [
        Binding("s", "start_session", "Start session", id="home.start_session", tooltip="Start a coplanning session"),
        Binding("t", "todos", "To-dos", id="home.todos", tooltip="Review this partnership's to-dos"),
        Binding("T", "all_todos", "All to-dos", key_display="T", show=False, id="home.all_todos", tooltip="Review every partnership's to-dos"),
        Binding("h", "history", "History", id="home.history", tooltip="Past sessions and their notes"),
        Binding("p", "plans", "Plans", id="home.plans", tooltip="The partnership's lesson and unit plans"),
        Binding("m", "templates", "Templates", show=False, id="home.templates", tooltip="Session templates: copy and edit"),
        Binding("r", "release", "Release", id="home.release", tooltip="The release of responsibility"),
        Binding("c", "schedule", "Schedule", id="home.schedule", tooltip="The meetings of the next eight weeks: start, skip, move"),
        Binding("n", "new", "New", id="home.new", tooltip="Create a partnership"),
        Binding("e", "edit", "Edit", id="home.edit", tooltip="Edit the partnership"),
        Binding("i", "roles", "Roles", show=False, id="home.roles", tooltip="Strengths inventory and standing roles"),
        Binding("x", "delete", "Delete", show=False, id="home.delete", tooltip="Delete the partnership"),
        Binding("d", "demo", "Open the demo", id="home.demo", tooltip="Load sample partnerships"),
        Binding("q", "app.quit", "Quit", id="home.quit"),
    ]

    def compose(self) -> ComposeResult:
        opening = self.app.store is None
        self.set_class(opening, "-empty")  # before the children mount: the first frame is laid out once
        yield Header()
        with Vertical(id="home"):
            yield Static(self._opening() if opening else "", id="welcome")
            if not opening:
                yield from self._table_and_detail()
        yield CoplanFooter()

    @staticmethod
    def _table_and_detail() -> ComposeResult:
        """Mounted once the file is open: the first frame ("Opening …") is quicker without them."""
        yield DataTable(id="partnerships", cursor_type="row", zebra_stripes=True)
        yield Static("", id="detail")

    def _opening(self):
        return lit(f"Opening {self.app.db_path}…")

    def on_mount(self) -> None:
        if self.app.store is not None:  # else compose showed "Opening": the first frame is that
            self.refresh_data()

    def on_data_changed(self, _: DataChanged) -> None:
        self.refresh_data()

    def on_resize(self) -> None:
        if self.is_mounted and self.app.store is not None:
            self.refresh_data()

    # --- reading ----------------------------------------------------------------------

    @property
    def partnerships(self) -> list[Partnership]:
        from ...domain.models import Partnership

        return sorted(self.app.db.all(Partnership), key=lambda p: p.display_name.lower())

    @property
    def selected(self) -> Partnership | None:
        table = next(iter(self.query("#partnerships").results(DataTable)), None)
        if table is None or not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        from ...domain.models import Partnership

        return self.app.db.get(Partnership, key) if key else None

    def refresh_data(self) -> None:
        store = self.app.store
        if store is None:
            self.set_class(True, "-empty")
            self.query_one("#welcome", Static).update(self._opening())
            return
        if not self.query("#partnerships"):
            self.query_one("#home").mount_all(self._table_and_detail())
            self.query_one("#partnerships").focus()  # as it would have been, composed at the start
            self.call_after_refresh(self.refresh_data)  # fill it once it is there
            return
        from ...domain.models import Session, Todo
        from ..widgets.home_rows import partnership_row

        now = self.app.now()
        partnerships = self.partnerships
        by_pair: dict[str, list[Session]] = {}
        for session in store.all(Session):
            by_pair.setdefault(session.partnership_id, []).append(session)
        todos = store.all(Todo)
        empty = not partnerships
        if self.has_class("-empty") and not empty:
            # Show the table first, fill it on the next frame: rows added in the same frame as
            # the table reappeared left it 0 lines high on a loaded machine (4 of 30 opens).
            self.set_class(False, "-empty")
            self.call_after_refresh(self.refresh_data)
            return
        self.set_class(empty, "-empty")
        welcome = self.query_one("#welcome", Static)
        if empty:  # (not empty: the welcome, or the "Opening" line, is hidden; no update, no repaint)
            text = lit(WELCOME)
            text.append_text(lit("  n  ", "bold reverse"))
            text.append_text(lit("  Create a partnership: who you are, the placement, your regular time\n\n"))
            text.append_text(lit("  d  ", "bold reverse"))
            text.append_text(lit("  Open the demo: two sample partnerships (delete them later with x)\n"))
            welcome.update(text)
        table = self.query_one("#partnerships", DataTable)
        keep = selected.id if (selected := self.selected) else None
        narrow = self.app.size.width < NARROW
        headers = ("Partnership", "Phase · level", "Next session", "To-dos" if narrow else "To-dos: open/overdue/due this week", "Release")
        if [str(c.label) for c in table.columns.values()] != list(headers):
            table.clear(columns=True)
            table.add_columns(*headers)
        else:
            table.clear()
        for p in partnerships:
            table.add_row(*partnership_row(p, by_pair.get(p.id, []), todos, now, narrow), key=p.id)
        if keep and keep in {p.id for p in partnerships}:
            table.move_cursor(row=table.get_row_index(keep))
        self.refresh_bindings()
        self.show_detail()

    def on_data_table_row_highlighted(self, _: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        detail = self.query_one("#detail", Static)
        p = self.selected
        if p is None:
            detail.update("")
            return
        from ...domain.models import ResourceRequest, Session, Todo
        from ..widgets.home_rows import detail_table

        store = self.app.db
        now = self.app.now()
        sessions = [s for s in store.all(Session) if s.partnership_id == p.id]
        requests = [r for r in store.all(ResourceRequest) if r.partnership_id == p.id]
        detail.update(detail_table(p, sessions, store.all(Todo), now, requests))

    # --- actions ----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.app.store is None:
            return action in ("app.quit", "quit")  # still opening: nothing to act on yet
        from ...domain.models import Partnership

        has_any = bool(self.app.store and self.app.db.count(Partnership))
        if action == "demo":
            return not has_any
        if action in ("edit", "roles", "release", "delete", "history", "start_session", "todos", "all_todos", "plans", "schedule"):
            return has_any
        return True

    def action_start_session(self) -> None:
        p = self.selected
        self.app.start_or_join_session(p.id if p else None)

    def action_todos(self) -> None:
        p = self.selected
        self.app.open_todos(p.id if p else None)

    def action_templates(self) -> None:
        from .templates import TemplatesScreen

        self.app.push_screen(TemplatesScreen())

    def action_plans(self) -> None:
        p = self.selected
        self.app.open_plan(partnership_id=p.id if p else None)

    def action_all_todos(self) -> None:
        self.app.open_todos(None)

    def action_history(self) -> None:
        from .history import HistoryScreen

        p = self.selected
        self.app.push_screen(HistoryScreen(p.id if p else None))

    def action_release(self) -> None:
        from .release_view import ReleaseScreen

        if (p := self.selected) is not None:
            self.app.push_screen(ReleaseScreen(p.id))

    def action_schedule(self) -> None:
        from .schedule import ScheduleScreen

        if (p := self.selected) is not None:
            self.app.push_screen(ScheduleScreen(p.id))

    def action_new(self) -> None:
        from .partnership_form import PartnershipFormScreen

        self.app.push_screen(PartnershipFormScreen(None))

    def action_edit(self) -> None:
        from .partnership_form import PartnershipFormScreen

        if (p := self.selected) is not None:
            self.app.push_screen(PartnershipFormScreen(p.id))

    def action_roles(self) -> None:
        from .roles import RolesScreen

        if (p := self.selected) is not None:
            self.app.push_screen(RolesScreen(p.id))

    def action_demo(self) -> None:
        from ...domain.demo import build_demo

        now = self.app.now()
        self.app.save(*build_demo(now.date(), now))
        toast(self, "Two sample partnerships are loaded. Delete one with x when you are done.", title="Demo")

    def action_delete(self) -> None:
        from ...domain.cascade import deleting_partnership
        from ...domain.models import LessonPlan, ResourceRequest, Session, Todo
        from ..dialogs.confirm import confirm
        from ..gateway import Change

        p = self.selected
        if p is None:
            return
        store = self.app.db
        cascade = deleting_partnership(p, store.all(Session), store.all(Todo), store.all(LessonPlan), store.all(ResourceRequest))

        def delete() -> None:
            self.app.writer.submit(Change(deletes=cascade.deletes))
            toast(self, f"Deleted {p.display_name}.", title="Deleted")

        sessions, todos, plans = cascade.count(Session), cascade.count(Todo), cascade.count(LessonPlan)
        requests = cascade.count(ResourceRequest)
        also = f" and {counted(requests, 'resource request')}" if requests else ""
        confirm(
            self.app,
            f"Delete {p.display_name}?",
            f"This also deletes its {counted(sessions, 'session')}, {counted(todos, 'to-do')}, {counted(plans, 'lesson plan')}"
            f"{also}. "
            "Backups from before this run of coplan keep a copy (coplan restore).",
            delete,
        )


