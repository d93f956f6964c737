"""The coplan app: owns the store (through the gateway) and hands it to screens."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.message import Message

from ..paths import styles_dir
from ..store import Store, StoreError
from .commands import BindingCommands
from . import idle_gc
from .gateway import Change, Gateway
from .messages import DataChanged
from .todo_commands import TodoCommands

STYLESHEETS = ("app.tcss", "home.tcss", "session.tcss", "dialogs.tcss", "partnerships.tcss", "history.tcss", "todos.tcss", "plan.tcss")
POLL_SECONDS = 1.0


def system_clock() -> datetime:
    return datetime.now().astimezone()


class _Saved(Message):
    def __init__(self, change: Change, error: StoreError | None):
        super().__init__()
        self.change = change
        self.error = error


class _Opened(Message):
    def __init__(self, store: Store | None, error: str | None):
        super().__init__()
        self.store = store
        self.error = error


class CoplanApp(App[int]):
    TITLE = "coplan"
    CSS_PATH = [styles_dir() / name for name in STYLESHEETS]
    COMMANDS = App.COMMANDS | {BindingCommands, TodoCommands}
    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
        Binding("f1", "help", "Help", show=False, id="app.help_f1"),
    ]

    def __init__(
        self,
        db_path: Path | str,
        *,
        store: Store | None = None,
        clock: Callable[[], datetime] = system_clock,
        start: Callable[[CoplanApp], Any] | None = None,
        poll: bool = True,
    ):
        super().__init__()
        self.db_path = Path(db_path)
        self.clock = clock
        self.store: Store | None = store
        self.gateway: Gateway | None = None
        self._start = start
        self._gc: idle_gc.IdleCollector | None = None
        self._poll_enabled = poll
        self._seen_generation = -1
        self.sub_title = self.db_path.name

    # --- start-up --------------------------------------------------------------------

    def on_mount(self) -> None:
        if self.store is not None:
            self._install_store(self.store)
        else:
            self._open_store()

    @work(thread=True, exclusive=True, group="open")
    def _open_store(self) -> None:
        try:
            store = Store(self.db_path, clock=self.clock)
        except StoreError as e:
            self.post_message(_Opened(None, str(e)))
        else:
            self.post_message(_Opened(store, None))

    def on__opened(self, message: _Opened) -> None:
        if message.store is None:
            from .screens.error import StoreErrorScreen

            self.push_screen(StoreErrorScreen(message.error or "unknown error"))
            return
        self._install_store(message.store)

    def _install_store(self, store: Store) -> None:
        self.store = store
        self.gateway = Gateway(store, lambda change, error: self.post_message(_Saved(change, error)))
        keymap = store.setting("keymap", {})
        if isinstance(keymap, dict) and keymap:
            self.set_keymap({str(k): str(v) for k, v in keymap.items()})
        self._seen_generation = store.generation
        if store.read_only:
            self.notify(
                f"{store.path} is read-only here: you can look, but changes will not be saved.",
                title="Read-only",
                severity="warning",
                timeout=30,
                markup=False,
            )
        if self._poll_enabled:
            self.set_interval(POLL_SECONDS, self._poll_file)
        if self._start is not None:
            self._start(self)
        else:
            from .screens.home import HomeScreen

            self.push_screen(HomeScreen())
        self.call_after_refresh(self._take_over_gc)

    def _take_over_gc(self) -> None:
        self._gc = idle_gc.take_over(time.monotonic())
        self.set_interval(0.25, lambda: self._gc.collect_if_due(time.monotonic()))

    def _refreeze_soon(self) -> None:
        """The documents just read live until the next reload: freeze them at a quiet moment."""
        if self._gc is not None:
            self._gc.refreeze = True

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and self._gc is not None:
            self._gc.saw_input(time.monotonic())
        await super().on_event(event)

    # --- time -------------------------------------------------------------------------

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        return self.clock().date()

    # --- saving and watching the file --------------------------------------------------

    def save(self, *docs: Any, done: Callable[[StoreError | None], None] | None = None) -> None:
        assert self.gateway is not None
        self.gateway.save(*docs, done=done)

    def saving(self, cls: type, doc_id: str) -> bool:
        """Whether a change to this document is still on its way to the disk."""
        return self.gateway is not None and self.gateway.in_flight(cls, doc_id)

    def on__saved(self, message: _Saved) -> None:
        if message.error is not None:
            self.notify(str(message.error), title="Not saved", severity="error", timeout=10)
        if message.change.done is not None:
            message.change.done(message.error)
        self._broadcast(external=False)

    def _poll_file(self) -> None:
        self._check_file()

    @work(thread=True, exclusive=True, group="poll")
    def _check_file(self) -> None:
        if self.store is None:
            return
        try:
            changed = self.store.reload_if_changed()
        except StoreError as e:
            self.call_from_thread(self.notify, str(e), title="Database problem", severity="error", timeout=10)
            return
        if changed:
            self.call_from_thread(self._broadcast, True)
            self.call_from_thread(self._refreeze_soon)

    def _broadcast(self, external: bool) -> None:
        if self.store is None or self.store.generation == self._seen_generation:
            return
        self._seen_generation = self.store.generation
        for screen in self.screen_stack:
            # Only to screens that listen: a message wakes a screen, and a woken screen under
            # the current one asked for a full repaint of the screen on top.
            if hasattr(screen, "on_data_changed"):
                screen.post_message(DataChanged(external=external))

    # --- navigation -----------------------------------------------------------------

    def open_session(
        self,
        partnership_id: str | None = None,
        template_query: str | None = None,
        resume: bool = False,
        partnership_query: str | None = None,
        kind=None,
    ) -> None:
        """Resume the partnership's unfinished session, or pick a template and start one.

        ``kind`` (a scheduled meeting's SessionKind) preselects that kind's template and length.
        """
        from ..domain.matching import match_partnerships, unfinished_session
        from ..domain.models import Partnership, Session
        from .screens.session import SessionScreen
        from .screens.session_start import StartSessionScreen

        assert self.store is not None
        if resume:
            candidates = [p for p in self.store.all(Partnership) if partnership_id in (None, p.id)]
            if partnership_id is None:
                candidates = match_partnerships(candidates, partnership_query)
            sessions = self.store.all(Session)
            found = [s for p in candidates if (s := unfinished_session(sessions, p.id))]
            if len(found) == 1:
                self.push_screen(SessionScreen(found[0].id))
                return
            if not found:
                self.notify("No unfinished session to resume: start a new one.")
        self.push_screen(
            StartSessionScreen(partnership_query=partnership_query, template_query=template_query, partnership_id=partnership_id, kind=kind)
        )

    def show_session_summary(self, session_id: str, replace: bool = False) -> None:
        from .screens.history import SessionSummaryScreen

        screen = SessionSummaryScreen(session_id)
        if replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def open_todos(self, partnership_id: str | None = None) -> None:
        """The to-do review screen, for one partnership or (None) all of them."""
        from .screens.todos import TodosScreen

        self.push_screen(TodosScreen(partnership_id))

    # --- actions ----------------------------------------------------------------------

    def open_plan(self, plan_id: str | None = None, partnership_id: str | None = None) -> None:
        """Open a plan, or the list of a partnership's plans (everyone's without one)."""
        if plan_id is not None:
            from .screens.plan import PlanScreen

            self.push_screen(PlanScreen(plan_id))
        else:
            from .screens.plans import PlanListScreen

            self.push_screen(PlanListScreen(partnership_id))

    def action_help(self) -> None:
        from .dialogs.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
            return
        self.push_screen(HelpScreen(self.screen))

    async def action_quit(self) -> None:
        self.close_store()
        self.exit(0)

    def close_store(self) -> None:
        """Wait for queued saves, then stop the writer. Called on every way out."""
        if self.gateway is not None:
            self.gateway.flush()
            self.gateway.close()
            self.gateway = None

    def on_unmount(self) -> None:
        try:
            self.close_store()
        finally:
            if self._gc is not None:
                idle_gc.give_back()
                self._gc = None


def run_app(db_path: Path, *, store: Store | None = None, start: Callable[[CoplanApp], Any] | None = None) -> int:
    app = CoplanApp(db_path, store=store, start=start)
    result = app.run()
    return int(result or 0)
