"""Review to-dos: every to-do of one partnership or all, filtered by one key each,
searched as you type, sorted by any column, edited in place, with undo.

Rows are built once per data change; a filter only recomputes the list of row indices,
and the virtualised table formats just the lines on screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, Input, Static

from ...domain.wording import counted
from ...domain.models import Partnership, Session, Todo
from ...domain.todo_changes import reassign, toggle_done
from ...domain.todo_review import DUE_MODES, OWNER_MODES, SORTABLE, STATUS_MODES, ReviewFilters, ReviewView, cycle
from ...domain.todo_rows import Team, TodoRow, row_from_todo, session_label, team_of
from ..exporting import export_dir, export_in_background, export_session_minutes
from ...domain.undo import UndoStack, edit, undoing
from ..gateway import Change
from ..messages import DataChanged
from ..text import lit, toast
from ..widgets.todo_table import TodoTable
from ..dialogs.choice import ChoiceDialog
from ..dialogs.todo_dialog import TodoDialog
from ..widgets.footer import CoplanFooter
from ..widgets.typed_screens import CoplanScreen

EXPORT_FORMATS = [("ics", "Calendar (.ics): VTODO items with due dates"), ("csv", "Spreadsheet (.csv)"), ("md", "Markdown (.md)"), ("json", "JSON (.json)")]


class TodosScreen(CoplanScreen[None]):
    HELP = (
        "Every to-do, soonest deadline first. One key per filter: o owner (mine / partner's / all), "
        "s status (open / done / all), d deadline (overdue / this week / none), p partnership. "
        "/ searches as you type. space selects several; x marks done, w reassigns, u undoes."
    )
    TITLE = "To-dos"
    BINDINGS = [
        Binding("escape", "back", "Back", id="todos.back"),
        Binding("slash", "search", "Search", key_display="/", id="todos.search"),
        Binding("o", "cycle_owner", "Owner", tooltip="mine / partner's / all", id="todos.owner"),
        Binding("s", "cycle_status", "Status", tooltip="open / done / all", id="todos.status"),
        Binding("d", "cycle_due", "Deadline", tooltip="any / overdue / this week / none", id="todos.due"),
        Binding("p", "cycle_partnership", "Partnership", tooltip="one partnership or all", id="todos.partnership"),
        Binding("x", "toggle_done", "Done", tooltip="toggle done for the selection or the row", id="todos.toggle_done"),
        Binding("space", "select", "Select", tooltip="select the row, to act on several", id="todos.select"),
        Binding("v", "select_all", "Select all", show=False, tooltip="select every row shown, or clear", id="todos.select_all"),
        Binding("w", "reassign", "Reassign", tooltip="give the selection or the row to someone", id="todos.reassign"),
        Binding("e,enter", "edit", "Edit", tooltip="edit the row", id="todos.edit"),
        Binding("n", "new", "New", tooltip="add a to-do", id="todos.new"),
        Binding("u,ctrl+z", "undo", "Undo", tooltip="undo the last change", id="todos.undo"),
        Binding("greater_than_sign", "sort(1)", "Sort", key_display=">", tooltip="sort by the next column", id="todos.sort_next"),
        Binding("less_than_sign", "sort(-1)", "Sort back", key_display="<", show=False, tooltip="sort by the previous column", id="todos.sort_prev"),
        Binding("r", "reverse", "Reverse", show=False, tooltip="reverse the sort order", id="todos.reverse"),
        Binding("E", "export", "Export", key_display="E", tooltip="export the rows shown (ics, csv, md, json)", id="todos.export"),
        Binding("M", "export_minutes", "Export minutes", key_display="M", show=False, tooltip="the minutes of the session this to-do came from (Markdown)", id="todos.export_minutes"),
        Binding("m", "who_am_i", "Who am I", show=False, tooltip="choose who 'mine' means", id="todos.who_am_i"),
    ]

    def __init__(self, partnership_id: str | None = None):
        super().__init__()
        self.filters = ReviewFilters(partnership_id=partnership_id)
        self.review = ReviewView()
        self._seen = -1
        """The store generation the rows were last caught up to."""
        self._teams: dict[str, Team] = {}
        self._labels: dict[str, str] = {}
        self.undo_stack: UndoStack[Todo] = UndoStack()
        """(what, previous versions to put back, ids of to-dos to delete)."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="todo-filters")
        yield Input(placeholder="Search: type words; enter keeps the search, escape clears it", id="todo-search")
        yield TodoTable(id="todo-table")
        yield Static("", id="todo-status")
        yield CoplanFooter()

    @property
    def table(self) -> TodoTable:
        return self.query_one(TodoTable)

    @property
    def store(self):
        return self.app.db

    @property
    def me(self) -> str | None:
        return self.app.named

    def on_mount(self) -> None:
        self.table.focus()
        self.reload()

    def on_data_changed(self, _: DataChanged) -> None:
        self.reload()

    # --- data ----------------------------------------------------------------------------

    @property
    def rows(self) -> list[TodoRow]:
        return self.review.rows

    def reload(self) -> None:
        """Catch up with the store: only the to-dos that changed since the last look are
        rebuilt and moved (the store's change log); every row after a reload of the file, a
        change of partnership or session, or a long gap."""
        store = self.store
        seen, self._seen = self._seen, store.generation
        changed = self._changed_since(seen)
        if changed is None:
            todos = store.all(Todo)
            partnerships, sessions = store.all(Partnership), store.all(Session)
            self._teams = {p.id: team_of(p) for p in partnerships}
            self._labels = {s.id: session_label(s.day, s.template.name) for s in sessions}
            self.review.load([row_from_todo(t, self._teams, self._labels) for t in todos], *self._scope())
            self.table.selected &= set(self.review.where)
            self.apply(rebuilt=True)
        elif changed:
            self._patch({i: store.get(Todo, i) for i in changed})
        if self.review.today != self.app.today():
            self.apply()  # past midnight: "overdue" and "this week" moved

    def _changed_since(self, seen: int) -> set[str] | None:
        """Ids of the to-dos changed since generation ``seen``; None when every row must be built."""
        store = self.store
        if seen < 0 or store.changed_since(Partnership, seen) != set():
            return None
        for session_id in store.changed_since(Session, seen) or ():
            session = store.get(Session, session_id)
            label = session_label(session.day, session.template.name) if session is not None else None
            if session_id in self._labels and self._labels[session_id] != label:
                return None  # rows already show the old label
            if label is not None:
                self._labels[session_id] = label
        return store.changed_since(Todo, seen)

    def _patch(self, todos: dict[str, Todo | None]) -> None:
        if not todos:
            return
        current = self.table.current
        self.review.patch({i: row_from_todo(t, self._teams, self._labels) if t is not None else None for i, t in todos.items()})
        gone = {i for i in todos if self.review.position(i) is None}
        self.table.selected -= gone
        keep = self.review.position(current.id) if current is not None else None
        self.table.show(self.review.rows, self.review.view, self.review.today, keep_position=keep)
        self.update_status()

    def _scope(self) -> tuple[ReviewFilters, date, str | None]:
        return self.filters, self.app.today(), self.me

    def apply(self, rebuilt: bool = False) -> None:
        """Recompute which rows show and in what order; no row is rebuilt."""
        current = self.table.current
        if not rebuilt:
            self.review.refilter(*self._scope())
        review = self.review
        self.table.sort_column = {"deadline": ""}.get(self.filters.sort, self.filters.sort)
        self.table.reverse = self.filters.reverse
        self.table.show(review.rows, review.view, review.today, keep_id=current.id if current else None)
        # A key acts on what the user sees: a row the filter hides leaves the selection.
        hidden = self.table.selected - {review.rows[i].id for i in review.view} if self.table.selected else set()
        if hidden:
            self.table.selected -= hidden
            toast(self, f"{counted(len(hidden), 'selected to-do')} hidden by this filter and no longer selected.", timeout=3)
        partnership = self.store.get(Partnership, self.filters.partnership_id) if self.filters.partnership_id else None
        sort = f" · sorted by {self.filters.sort.replace('_', ' ')}{' (reversed)' if self.filters.reverse else ''}"
        self.query_one("#todo-filters", Static).update(
            lit(self.filters.describe(self.me, partnership.display_name if partnership else None) + sort)
        )
        self.update_status()

    def update_status(self) -> None:
        table = self.table
        picked = f" · {len(table.selected)} selected" if table.selected else ""
        undo = f" · u undoes: {self.undo_stack.last.what}" if self.undo_stack.last else ""
        self.query_one("#todo-status", Static).update(lit(f"{len(table.view)} of {len(self.rows)} to-dos{picked}{undo}"))

    def on_todo_table_cursor_moved(self, _: TodoTable.CursorMoved) -> None:
        self.update_status()

    # --- filters ----------------------------------------------------------------------------

    def action_cycle_owner(self) -> None:
        mode = cycle(OWNER_MODES, self.filters.owner)
        if mode != "all" and not self.me:
            self.ask_who_am_i(then=lambda: self._set(owner=mode))
            return
        self._set(owner=mode)

    def action_cycle_status(self) -> None:
        self._set(status=cycle(STATUS_MODES, self.filters.status))

    def action_cycle_due(self) -> None:
        self._set(due=cycle(DUE_MODES, self.filters.due))

    def action_cycle_partnership(self) -> None:
        ids = [None] + [p.id for p in sorted(self.store.all(Partnership), key=lambda p: p.display_name.lower())]
        current = self.filters.partnership_id if self.filters.partnership_id in ids else None
        self._set(partnership_id=ids[(ids.index(current) + 1) % len(ids)])

    def action_sort(self, step: int) -> None:
        self._set(sort=cycle(SORTABLE, self.filters.sort, step))

    def action_reverse(self) -> None:
        self._set(reverse=not self.filters.reverse)

    def _set(self, **changes: object) -> None:
        self.filters = self.filters.with_(**changes)
        self.apply()

    def action_search(self) -> None:
        box = self.query_one("#todo-search", Input)
        box.add_class("searching")
        box.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "todo-search":
            self._set(query=event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "todo-search":
            if not event.value:
                event.input.remove_class("searching")
            self.table.focus()

    def action_back(self) -> None:
        box = self.query_one("#todo-search", Input)
        if box.has_focus or self.filters.query:
            box.value = ""
            box.remove_class("searching")
            self.table.focus()
            self._set(query="")
            return
        if self.table.selected:
            self.table.selected.clear()
            self.table.refresh()
            self.update_status()
            return
        self.dismiss(None)

    def ask_who_am_i(self, then=None) -> None:
        if not self.store.all(Partnership):
            toast(self, "There are no partnerships yet.", severity="warning")
            return
        self.app.ask_who_am_i(then or self.apply)

    def action_who_am_i(self) -> None:
        self.ask_who_am_i()

    # --- changes --------------------------------------------------------------------------

    def _todo(self, row: TodoRow) -> Todo | None:
        return self.store.get(Todo, row.id)

    def _save(self, what: str, before: Sequence[Todo | None], after: list[Todo]) -> None:
        """``before``: each to-do as it was, None for one this change creates."""
        if not after:
            return
        if not self.app.save(*after):
            return  # refused, and the user was told why
        self.undo_stack.push(edit(what, before, after))
        self.reload()  # the store shows the change at once: so does the table
        toast(self, what, timeout=3)

    def action_toggle_done(self) -> None:
        now = self.app.now()
        todos = [t for t in map(self._todo, self.table.targets()) if t]
        if not todos:
            return
        if len(todos) > 1:  # several: mark them all done (or reopen them all when all are done)
            to_done = any(t.is_open for t in todos)
            changed = [toggle_done(t, now) for t in todos if t.is_open == to_done]
            before = [t for t in todos if t.is_open == to_done]
            what = f"{'Marked' if to_done else 'Reopened'} {len(changed)} to-dos"
        else:
            changed, before = [toggle_done(todos[0], now)], todos
            what = f"{'Reopened' if todos[0].status == 'done' else 'Done'}: {todos[0].title}"
        self.table.selected.clear()
        self._save(what, before, changed)

    def action_select(self) -> None:
        row = self.table.current
        if row is None:
            return
        self.table.selected ^= {row.id}
        self.table.move_to(self.table.cursor + 1)
        self.update_status()

    def action_select_all(self) -> None:
        table = self.table
        shown = {self.rows[i].id for i in table.view}
        table.selected = set() if shown <= table.selected else shown
        table.refresh()
        self.update_status()

    def action_reassign(self) -> None:
        rows = self.table.targets()
        if not rows:
            return
        teams = {r.partnership_id: r.team for r in rows if r.team}
        names = sorted({m.name for t in teams.values() for m in t.members})
        choices = [(n, n) for n in names] + [("both", "Both of us")]

        def chosen(name: str | None) -> None:
            if not name:
                return
            now = self.app.now()
            before, after, skipped = [], [], 0
            for row in rows:
                todo, partnership = self._todo(row), self.store.get(Partnership, row.partnership_id)
                owner = row.team.resolve(name) if row.team else None
                if todo is None or partnership is None or owner is None:
                    skipped += 1
                    continue
                if owner != todo.owner:
                    before.append(todo)
                    after.append(reassign(todo, partnership, owner, now))
            if skipped:
                toast(self, f"{counted(skipped, 'to-do')} skipped: {name} is not in their partnership.", severity="warning")
            self.table.selected.clear()
            self._save(f"Gave {counted(len(after), 'to-do')} to {name}", before, after)

        self.app.push_screen(ChoiceDialog(f"Give {counted(len(rows), 'to-do')} to", choices), chosen)

    def action_edit(self) -> None:
        row = self.table.current
        todo = self._todo(row) if row else None
        partnership = self.store.get(Partnership, row.partnership_id) if row else None
        if todo is None or partnership is None:
            return

        def done(changed: Todo | None) -> None:
            if changed is not None and changed is not todo:
                self._save(f"Edited: {changed.title}", [todo], [changed])

        self.app.push_screen(TodoDialog(partnership, self.app.today(), self.app.now(), todo=todo), done)

    def action_new(self) -> None:
        partnerships = sorted(self.store.all(Partnership), key=lambda p: p.display_name.lower())
        if not partnerships:
            toast(self, "There are no partnerships yet.", severity="warning")
            return
        wanted = self.filters.partnership_id or (self.table.current.partnership_id if self.table.current else None)
        partnership = next((p for p in partnerships if p.id == wanted), partnerships[0])

        def done(todo: Todo | None) -> None:
            if todo is not None:
                self._save(f"Added: {todo.title}", [None], [todo])

        heading = f"New to-do for {partnership.display_name}"
        self.app.push_screen(TodoDialog(partnership, self.app.today(), self.app.now(), heading=heading), done)

    def action_undo(self) -> None:
        change = self.undo_stack.pop()
        if change is None:
            toast(self, "Nothing to undo.", timeout=3)
            return
        puts, deletes, said, warn = undoing(change, lambda todo_id: self.store.get(Todo, todo_id))
        if self.app.writer.submit(Change(puts=list(puts), deletes=[(Todo, i) for i in deletes])):
            self.reload()
            toast(self, said, timeout=8 if warn else 3, severity="warning" if warn else "information")
        self.update_status()

    # --- export ---------------------------------------------------------------------------

    def action_export(self) -> None:
        rows = [self.rows[i] for i in self.table.view]

        def chosen(fmt: str | None) -> None:
            if fmt:
                self.export(rows, fmt)

        self.app.push_screen(ChoiceDialog(f"Export the {len(rows)} to-dos shown as", EXPORT_FORMATS, f"The file goes to {export_dir(self.store)}."), chosen)

    def export(self, rows: list[TodoRow], fmt: str) -> None:
        from ...export.files import default_name, todos_bytes

        today, now = self.app.today(), self.app.now()
        what = f"{len(rows)} to-do{'s' * (len(rows) != 1)}"
        export_in_background(self.app, default_name("todos", fmt, today), lambda: todos_bytes(rows, fmt, today, now), what)

    def action_export_minutes(self) -> None:
        row = self.table.current
        if row is None or not row.session_id:
            toast(self, "This to-do did not come from a session.", severity="warning")
            return
        export_session_minutes(self.app, row.session_id)
