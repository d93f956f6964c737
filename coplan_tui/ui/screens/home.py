"""The first screen: every partnership at a glance, and one key to whatever comes next.

For each pair: phase and level, the next regular session and who should lead it, to-dos
per member (open, overdue, due this week), and whether the release of responsibility is
ahead of, on, or behind the plan. An empty database gets a short welcome instead.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from ...domain.catalogue import Level
from ...domain.models import BOTH, LessonPlan, Partnership, ResourceRequest, Session, Todo
from ...domain.release import Advice, advise, last_held
from ...domain.requests import describe_request, ordered
from ...domain.schedule import describe_next, next_session_at, occurrences
from ...domain.workload import Load, total, workload
from ..messages import DataChanged
from ..text import clip, lit
from ..widgets.release_chart import STATUS_STYLE
from ..widgets.footer import CoplanFooter

NARROW = 110
"""Below this many columns the table abbreviates."""


WELCOME = (
    "Welcome to coplan.\n\n"
    "coplan runs timed coplanning sessions for two teachers (a cooperating teacher and a "
    "teacher candidate, or a librarian and a classroom teacher) and keeps track of who does "
    "what, by when, and who leads as responsibility shifts across a placement.\n\n"
)


def status_text(status: Advice) -> Text:
    return lit(status.short, STATUS_STYLE.get(status.state, "dim"))


def phase_level(p: Partnership, narrow: bool) -> str:
    phase = p.phase.label.replace("Clinical Practice", "CP") if p.phase else "Peers"
    level = {"cooperation": "Coop.", "coordination": "Coord.", "collaboration": "Collab."}[p.level.value]
    return f"{phase} · {level if narrow else p.level.label}"


def todo_cell(p: Partnership, loads: dict[str, Load], narrow: bool) -> Text:
    """Narrow: ``5 · 1 late`` for the pair. Wide: ``CT 2/1/1  TC 2/0/2  both 1/0/1`` per member."""
    if narrow:
        pair = total(loads)
        text = lit(str(pair.open))
        if pair.overdue:
            text.append_text(lit(f" · {pair.overdue} late", "bold red"))
        return text
    text = Text()
    for owner, load in loads.items():
        if owner == BOTH and not load.open:
            continue
        text.append_text(lit(f"{'  ' if text else ''}{p.owner_label(owner)} {load.open}/"))
        text.append_text(lit(str(load.overdue), "bold red" if load.overdue else ""))
        text.append_text(lit(f"/{load.this_week}"))
    return text


def next_cell(p: Partnership, now, narrow: bool, sessions: list[Session]) -> str:
    held = last_held(p, sessions, now)
    if not narrow:
        return describe_next(p, now, held)
    at = next_session_at(p, now, held)
    return f"{at:%a %d %H:%M}" if at else describe_next(p, now, held)


class HomeScreen(Screen[None]):
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
        yield Header()
        with Vertical(id="home"):
            yield Static("", id="welcome")
            yield DataTable(id="partnerships", cursor_type="row", zebra_stripes=True)
            yield Static("", id="detail")
        yield CoplanFooter()

    def on_mount(self) -> None:
        self.refresh_data()

    def on_data_changed(self, _: DataChanged) -> None:
        self.refresh_data()

    def on_resize(self) -> None:
        if self.is_mounted and self.app.store is not None:  # type: ignore[attr-defined]
            self.refresh_data()

    # --- reading ----------------------------------------------------------------------

    @property
    def partnerships(self) -> list[Partnership]:
        return sorted(self.app.store.all(Partnership), key=lambda p: p.display_name.lower())  # type: ignore[attr-defined]

    @property
    def selected(self) -> Partnership | None:
        table = self.query_one("#partnerships", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.app.store.get(Partnership, key) if key else None  # type: ignore[attr-defined]

    def refresh_data(self) -> None:
        store = self.app.store  # type: ignore[attr-defined]
        now = self.app.now()  # type: ignore[attr-defined]
        today = now.date()
        partnerships = self.partnerships
        by_pair: dict[str, list[Session]] = {}
        for session in store.all(Session):
            by_pair.setdefault(session.partnership_id, []).append(session)
        todos = store.all(Todo)
        empty = not partnerships
        self.set_class(empty, "-empty")
        welcome = self.query_one("#welcome", Static)
        if empty:
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
            table.add_row(
                lit(clip(p.display_name, 24) if narrow else p.display_name),
                lit(phase_level(p, narrow)),
                lit(next_cell(p, now, narrow, by_pair.get(p.id, []))),
                todo_cell(p, workload(p, todos, today), narrow),
                status_text(advise(p, by_pair.get(p.id, []), now)),
                key=p.id,
            )
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
        store = self.app.store  # type: ignore[attr-defined]
        now = self.app.now()  # type: ignore[attr-defined]
        sessions = [s for s in store.all(Session) if s.partnership_id == p.id]
        requests = [r for r in store.all(ResourceRequest) if r.partnership_id == p.id]
        detail.update(detail_table(p, sessions, store.all(Todo), now, requests))

    # --- actions ----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        has_any = bool(self.app.store and self.app.store.count(Partnership))  # type: ignore[attr-defined]
        if action == "demo":
            return not has_any
        if action in ("edit", "roles", "release", "delete", "history", "start_session", "todos", "all_todos", "plans", "schedule"):
            return has_any
        return True

    def action_start_session(self) -> None:
        p = self.selected
        self.app.start_or_join_session(p.id if p else None)  # type: ignore[attr-defined]

    def action_todos(self) -> None:
        p = self.selected
        self.app.open_todos(p.id if p else None)  # type: ignore[attr-defined]

    def action_templates(self) -> None:
        from .templates import TemplatesScreen

        self.app.push_screen(TemplatesScreen())

    def action_plans(self) -> None:
        p = self.selected
        self.app.open_plan(partnership_id=p.id if p else None)  # type: ignore[attr-defined]

    def action_all_todos(self) -> None:
        self.app.open_todos(None)  # type: ignore[attr-defined]

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

        now = self.app.now()  # type: ignore[attr-defined]
        self.app.save(*build_demo(now.date(), now))  # type: ignore[attr-defined]
        self.notify("Two sample partnerships are loaded. Delete one with x when you are done.", title="Demo")

    def action_delete(self) -> None:
        from ..gateway import Change
        from ..dialogs.confirm import confirm

        p = self.selected
        if p is None:
            return
        store = self.app.store  # type: ignore[attr-defined]
        sessions = [s for s in store.all(Session) if s.partnership_id == p.id]
        todos = [t for t in store.all(Todo) if t.partnership_id == p.id]
        plans = [x for x in store.all(LessonPlan) if x.partnership_id == p.id]

        def delete() -> None:
            deletes = [(Partnership, p.id)] + [(Session, s.id) for s in sessions]
            deletes += [(Todo, t.id) for t in todos] + [(LessonPlan, x.id) for x in plans]
            deletes += [(ResourceRequest, r.id) for r in store.all(ResourceRequest) if r.partnership_id == p.id]
            self.app.gateway.submit(Change(deletes=deletes))  # type: ignore[attr-defined]
            self.notify(f"Deleted {p.display_name}.", title="Deleted")

        confirm(
            self.app,
            f"Delete {p.display_name}?",
            f"This also deletes its {len(sessions)} sessions, {len(todos)} to-dos and {len(plans)} lesson plans. "
            "Backups from before this run of coplan keep a copy (coplan restore).",
            delete,
        )


def detail_table(p: Partnership, sessions: list[Session], todos: list[Todo], now, requests: list[ResourceRequest] = ()) -> Table:
    """The selected partnership: who, where, next session and leader, loads, release."""
    today = now.date()
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    who = " · ".join(f"{m.name} ({p.owner_label(m.id)})" for m in p.members)
    where = ", ".join(x for x in (p.context.school, p.context.subject, p.context.grade and f"grade {p.context.grade}") if x)
    meeting = "in person" if p.meeting.mode == "in_person" else f"virtual ({p.meeting.platform})"
    grid.add_row(lit("Members"), lit(who))
    grid.add_row(lit("Context"), lit(" · ".join(x for x in (where, meeting) if x)))
    suggestion = advise(p, sessions, now)
    leader = p.member(suggestion.member_id) if suggestion.member_id else None
    nxt = lit(describe_next(p, now, last_held(p, sessions, now)))
    if leader:
        nxt.append_text(lit(f"  led by {leader.name} ({p.owner_label(leader.id)})", "bold"))
    grid.add_row(lit("Next"), nxt)
    grid.add_row(lit("Why"), lit(suggestion.reason, "dim"))
    held = last_held(p, sessions, now)
    ahead = [o for o in occurrences(p, now, 4) if not o.skipped and o.end > now and (held is None or o.regular.date() > held)]
    if ahead:
        grid.add_row(lit("Schedule"), lit(" · ".join(f"{o.start:%a %d %b} {o.kind.label} {o.minutes}" for o in ahead) + "  (c)"))
    loads = workload(p, todos, today)
    for owner, load in loads.items():
        if owner == BOTH and not load.open:
            continue
        line = lit(f"{load.open} open · ")
        line.append_text(lit(f"{load.overdue} overdue", "bold red" if load.overdue else ""))
        line.append_text(lit(f" · {load.this_week} due this week"))
        grid.add_row(lit(f"To-dos {p.owner_label(owner)}"), line)
    waiting = [r for r in ordered(requests) if r.is_open]
    if waiting or p.level == Level.COOPERATION:
        shown = [describe_request(r, today) for r in waiting[:3]] + ([f"… {len(waiting) - 3} more"] if len(waiting) > 3 else [])
        head = f"{len(waiting)} open" + (" (coplan requests add WHAT)" if not waiting else "")
        grid.add_row(lit("Requests"), lit("\n".join([head, *(f"  {line}" for line in shown)])))
    status = suggestion
    grid.add_row(lit("Release"), lit(status.sentence, STATUS_STYLE.get(status.state, "")))
    return grid
