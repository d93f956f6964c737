"""The coplan app: owns the store (through the gateway) and hands it to screens.

Start-up paints Home's frame first and opens the database on a thread after that frame,
so a big file never holds up the first paint; the store, pydantic and the domain are
imported by that thread, not before the first frame (``python -X importtime``).
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.worker import Worker, WorkerState

from .. import settings as user_settings
from ..paths import styles_dir
from ..store.errors import StoreError
from ..terminal import TerminalProfile, too_small
from ..store.atomic import signature
from ..store.errors import WHERE
from .commands import BindingCommands
from . import glyphs, idle_gc
from .filters import AsciiOnly, StripColor
from .messages import DataChanged
from .todo_commands import TodoCommands
from .text import plain, toast

if TYPE_CHECKING:
    from ..store import Store
    from .gateway import Change, Gateway

STYLESHEETS = ("app.tcss", "home.tcss", "session.tcss", "dialogs.tcss", "partnerships.tcss", "history.tcss", "todos.tcss", "plan.tcss")
FIRST_FRAME_STYLESHEETS = 2
"""Read before the first frame (what Home's "Opening …" needs); the rest just after it, in the
same order. Parsing and matching all of them held the first frame up by about 10 ms."""
POLL_SECONDS = 0.25
PRESENCE_SECONDS = 1.0


def system_clock() -> datetime:
    return datetime.now().astimezone()


class _Saved(Message):
    def __init__(self, change: Change, error: StoreError | None):
        super().__init__()
        self.change = change
        self.error = error


class _Waiting(Message):
    def __init__(self, count: int, error: StoreError | None):
        super().__init__()
        self.count = count
        self.error = error


class _Opened(Message):
    def __init__(self, store: Store | None, error: str | None):
        super().__init__()
        self.store = store
        self.error = error


class CoplanApp(App[int]):
    TITLE = "coplan"
    CSS_PATH = [styles_dir() / name for name in STYLESHEETS[:FIRST_FRAME_STYLESHEETS]]
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
        terminal: TerminalProfile | None = None,
        settings_file: Path | None = None,
    ):
        super().__init__()
        self.terminal = terminal or TerminalProfile()
        self._settings_file = settings_file
        """The per-user settings file; None (tests) reads the defaults and writes nothing."""
        self._size_notice = None
        self.user_settings = user_settings.load(settings_file) if settings_file else dict(user_settings.DEFAULTS)
        self._look_at_terminal()
        self.db_path = Path(db_path)
        self.clock = clock
        self.store: Store | None = store
        self.opening = store is None
        """The database is still being opened on its thread (Home shows its frame meanwhile)."""
        self.gateway: Gateway | None = None
        self._start = start
        self._gc: idle_gc.IdleCollector | None = None
        self._poll_enabled = poll
        self._seen_generation = -1
        self._reported_problem: tuple[object, str] | None = None
        self._stale: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        """Screens beneath the top that missed a data change -> whether one came from outside."""
        self._seen_loads = 0
        self.sub_title = plain(self.db_path.name)
        from ..identity import login_name, user_name

        self.named = user_name(self.user_settings)
        """The name this person gave (flag, environment or settings); None until asked."""
        self.user = self.named or login_name()
        """Who is at this terminal: stored as who saved each change, shown to the partner."""
        self.waiting_changes = 0
        """Changes the disk refused, kept and retried by the gateway."""
        self.here_too: list = []
        """Other windows on this database (``store.presence.Presence``), refreshed every second."""
        self._board = None

    # --- the terminal: colours, glyphs, size ---------------------------------------------

    def _look_at_terminal(self) -> None:
        """Glyphs, filters and theme for this terminal (see ``terminal.TerminalProfile``)."""
        from textual.filter import Monochrome, NoColor

        from .themes import OWN_THEMES, pick_theme

        glyphs.use(not self.terminal.utf8)
        for theme in OWN_THEMES:
            self.register_theme(theme)
        # Textual's own NO_COLOR filter turns colours into greys; ours sends none at all.
        self._filters = [f for f in self._filters if not isinstance(f, Monochrome | NoColor)]
        self.no_color = self.terminal.no_color
        if self.terminal.no_color:
            self._filters.append(StripColor())
        if not self.terminal.utf8:
            self._filters.append(AsciiOnly())
        self._auto_theme = pick_theme(self.user_settings["theme"], self.terminal, frozenset(self.available_themes))
        self.theme = self._auto_theme

    def get_driver_class(self):
        """In a terminal on Linux or macOS, the driver that acts on a lone Escape without delay."""
        import os
        import sys

        from textual.drivers.linux_driver import LinuxDriver

        driver = super().get_driver_class()
        if driver is LinuxDriver and not os.environ.get("TEXTUAL_DRIVER") and sys.platform != "win32":
            from .fast_escape import FastEscapeDriver

            return FastEscapeDriver
        return driver

    def _theme_changed(self, theme) -> None:
        """A theme picked in the command palette is the user's from now on (not the database's)."""
        if theme.name != self._auto_theme and not self.terminal.no_color:
            self._auto_theme = theme.name
            self.remember(theme=theme.name)

    def remember(self, **changes: Any) -> None:
        """Change per-user settings; written on a thread, so the screen never waits for it."""
        self.user_settings.update(changes)
        if self._settings_file is not None:
            path = self._settings_file
            self.run_worker(lambda: user_settings.save(changes, path), thread=True, group="settings")

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        """Below 80x24 a notice covers the screen instead of a broken layout; it goes at 80x24."""
        from .screens.too_small import TooSmallScreen

        if self.gateway is None:
            return  # not started: _install_store checks once the first screen is up
        notice = self._size_notice
        if too_small(width, height):
            if notice is None:
                self._size_notice = TooSmallScreen()
                self.push_screen(self._size_notice)
            elif notice.is_mounted:
                notice.show_size(width, height)
        elif notice is not None:
            self._size_notice = None
            if self.screen is notice:
                self.pop_screen()
            else:  # still on its way in (two resizes in one frame): take it off once it is up
                self.call_after_refresh(lambda: notice.dismiss() if self.screen is notice else None)

    def _tell_tmux_users(self) -> None:
        """Once per user: tmux holds Escape for its escape-time (500 ms by default)."""
        if not self.terminal.tmux or self.user_settings.get("tmux_escape_told"):
            return
        self._ask_tmux_escape_time()

    @work(thread=True, group="tmux")
    def _ask_tmux_escape_time(self) -> None:
        import subprocess

        try:
            out = subprocess.run(
                ["tmux", "show-options", "-sv", "escape-time"], capture_output=True, text=True, timeout=2
            ).stdout.strip()
            escape_ms = int(out)
        except (OSError, ValueError, subprocess.SubprocessError):
            escape_ms = -1  # not known: tell anyway
        if 0 <= escape_ms <= 50:
            return
        self.call_from_thread(self._say_tmux_escape_time, escape_ms)

    def _say_tmux_escape_time(self, escape_ms: int) -> None:
        waited = f"{escape_ms} ms" if escape_ms >= 0 else "up to 500 ms"
        toast(
            self,
            f"tmux holds every Escape for {waited}, and a key typed within that time merges with it. "
            "Add  set -sg escape-time 10  to ~/.tmux.conf, then run  tmux source-file ~/.tmux.conf",
            title="Escape in tmux",
            severity="warning",
            timeout=20,
        )
        self.remember(tmux_escape_told=True)

    # --- start-up --------------------------------------------------------------------

    def on_mount(self) -> None:
        self._catch_hangup()
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self._tell_tmux_users()
        if self.store is not None:  # no "Opening" frame to hurry: every screen may come at once
            self._read_later_stylesheets()
            self._install_store(self.store)
            return
        if self._start is None:
            from .screens.home import HomeScreen

            self.push_screen(HomeScreen())  # its frame paints now; its data once the store is open
        self.call_after_refresh(self._read_later_stylesheets)  # before the store: only Home is up
        self.call_after_refresh(self._open_store)

    def _read_later_stylesheets(self) -> None:
        for name in STYLESHEETS[FIRST_FRAME_STYLESHEETS:]:
            self.stylesheet.read(styles_dir() / name)
        self.refresh_css(animate=False)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _open_store(self) -> None:
        from ..store import Store

        try:
            store = Store(self.db_path, clock=self.clock)
        except StoreError as e:
            self.post_message(_Opened(None, str(e)))
        except Exception as e:  # the error screen, not a WorkerFailed traceback
            self.post_message(_Opened(None, f"{self.db_path} could not be opened ({type(e).__name__}: {e}); {WHERE}."))
        else:
            self.post_message(_Opened(store, None))

    def on__opened(self, message: _Opened) -> None:
        self.opening = False
        if message.store is None:
            from .screens.error import StoreErrorScreen

            self.push_screen(StoreErrorScreen(message.error or "unknown error"))
            return
        self._install_store(message.store)

    def _install_store(self, store: Store) -> None:
        from .gateway import Gateway
        from .screens.home import HomeScreen

        self.store = store
        store.user = self.user
        self.gateway = Gateway(
            store,
            lambda change, error: self.post_message(_Saved(change, error)),
            lambda count, error: self.post_message(_Waiting(count, error)),
        )
        keymap = store.setting("keymap", {})
        if isinstance(keymap, dict) and keymap:
            self.set_keymap({str(k): str(v) for k, v in keymap.items()})
        self._seen_generation = store.generation
        if store.read_only:
            toast(self,
                f"{store.path} is read-only here: you can look, but changes will not be saved.",
                title="Read-only",
                severity="warning",
                timeout=30,
            )
        if self._poll_enabled:
            self.set_interval(POLL_SECONDS, self._poll_file)
            from ..store.presence import PresenceBoard

            self._board = PresenceBoard(store.path)
            self.set_interval(PRESENCE_SECONDS, self._presence_tick)
        if self._start is not None:
            self._start(self)
        elif home := next((s for s in self.screen_stack if isinstance(s, HomeScreen)), None):
            home.refresh_data()
        else:
            self.push_screen(HomeScreen())
        self.call_after_refresh(self._take_over_gc)
        if self._settings_file is not None and not self.named and self._start is None:
            self.call_after_refresh(self.ask_who_am_i)  # once per person: the answer is kept
        self.call_after_refresh(lambda: self._check_size(self.size.width, self.size.height))

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

    @property
    def db(self) -> Store:
        """The open store, for the screens that exist only once it is open (Home, which
        paints before, reads ``store`` and checks it)."""
        if self.store is None:
            raise RuntimeError("the database is not open yet")
        return self.store

    @property
    def writer(self) -> Gateway:
        """The writer of the open store (see ``db``)."""
        if self.gateway is None:
            raise RuntimeError("the database is not open yet")
        return self.gateway

    def save(self, *docs: Any) -> bool:
        """Show the documents saved at once (every read of the store sees them); the disk
        write follows on the writer thread. False when the store refused them: the user has
        been told why, and nothing changed."""
        assert self.gateway is not None
        return self.gateway.save(*docs)

    def on__saved(self, message: _Saved) -> None:
        if message.error is not None:
            toast(self, str(message.error), title="Not saved", severity="error", timeout=10)
        # A save that had to read another window's write first brings that write in too.
        merged = self.store is not None and self.store.loads != self._seen_loads
        self._broadcast(external=merged)
        self._tell_notices()

    def _tell_notices(self) -> None:
        if self.store is None:
            return
        self._seen_loads = self.store.loads
        for notice in self.store.take_notices():
            toast(self, str(notice), title="Changed in another window", severity="warning", timeout=15)

    def on__waiting(self, message: _Waiting) -> None:
        """The disk refused a save: say so once, show that changes wait, say when they land."""
        was = self.waiting_changes
        self.waiting_changes = message.count
        if message.count and not was:
            toast(
                self,
                f"{message.error} coplan keeps it and tries again every few seconds until it lands.",
                title="Not saved yet",
                severity="error",
                timeout=15,
            )
        elif not message.count and was:
            toast(self, "The waiting changes are saved.", title="Saved", timeout=5)
        self._show_presence(self.here_too)

    def _poll_file(self) -> None:
        self._check_file()

    @work(thread=True, exclusive=True, group="poll", exit_on_error=False)
    def _check_file(self) -> None:
        if self.store is None:
            return
        try:
            changed = self.store.reload_if_changed()
        except StoreError as e:
            # Once per state of the file: the poll runs every second, the file may stay bad for long.
            seen = (signature(self.store.path), str(e))
            if seen != self._reported_problem:
                self._reported_problem = seen
                self.call_from_thread(toast, self, str(e), title="Database problem", severity="error", timeout=10)
            return
        self._reported_problem = None
        if changed:
            self.call_from_thread(self._broadcast, True)
            self.call_from_thread(self._refreeze_soon)
            self.call_from_thread(self._tell_notices)

    # --- presence: who else is here ------------------------------------------------------

    def where(self) -> tuple[str, str | None]:
        """What this window shows, in words a partner understands, and the session it is in."""
        from .screens.session import SessionScreen

        for screen in reversed(self.screen_stack):
            if isinstance(screen, SessionScreen) and getattr(screen, "session", None) is not None:
                return f"session, step {screen.session.current_step + 1}", screen.session_id
        from textual.screen import ModalScreen

        from .dialogs.help import screen_name

        # A dialog is a moment on the screen beneath it: partners see that screen, in words.
        base = next((s for s in reversed(self.screen_stack) if not isinstance(s, ModalScreen)), self.screen)
        name = type(base).__name__.removesuffix("Screen")
        words = {"Home": "Home", "Todos": "to-dos", "History": "history", "Plan": "a lesson plan", "PlanList": "plans", "StartSession": "starting a session"}
        return words.get(name) or screen_name(base).lower(), None

    def _presence_tick(self) -> None:
        if self._board is not None:
            where, session_id = self.where()
            self._exchange_presence(self.user, where, session_id)

    @work(thread=True, exclusive=True, group="presence")
    def _exchange_presence(self, name: str, where: str, session_id: str | None) -> None:
        board = self._board
        if board is None:
            return
        now = time.time()
        try:
            board.announce(name, where, session_id, now)
            others = board.others(now)
        except OSError:
            return  # presence is a courtesy: a read-only folder must not bother anyone
        self.call_from_thread(self._show_presence, others)

    def _show_presence(self, others: list) -> None:
        before = {(p.name, p.pid) for p in self.here_too}
        for p in others:
            if (p.name, p.pid) not in before:
                toast(self, f"{p.name} is here too ({p.where}).", title="Partner", timeout=5)
        self.here_too = others
        here = " · here too: " + "; ".join(p.describe() for p in others) if others else ""
        waiting = f" · {self.waiting_changes} change(s) waiting to be saved" if self.waiting_changes else ""
        self.sub_title = plain(self.db_path.name + waiting + here)

    def set_user(self, name: str) -> None:
        """Who you are, kept in your own settings file (not the shared database)."""
        self.named = self.user = name
        if self.store is not None:
            self.store.user = name
        self.remember(name=name)

    def ask_who_am_i(self, then: Callable[[], None] | None = None) -> None:
        """Asked once per person (and again with `m` in the review screen): which member is
        at this terminal. "Mine", presence and who changed what follow the answer."""
        from ..domain.models import Partnership
        from .dialogs.choice import ChoiceDialog

        assert self.store is not None
        names = sorted({m.name for p in self.store.all(Partnership) for m in p.members})
        if not names:
            return

        def chosen(name: str | None) -> None:
            if name:
                self.set_user(name)
            if then is not None and self.named:
                then()

        self.push_screen(
            ChoiceDialog("Who are you?", [(n, n) for n in names], "Asked once: your partner sees this name, and 'mine' means your to-dos."),
            chosen,
        )

    def partner_in_session(self, session_id: str) -> bool:
        """Read fresh on the way out: a partner who left a moment ago must not keep the clock
        running (their window removed its file as it ended)."""
        others = self.here_too
        if self._board is not None:
            try:
                others = self._board.others(time.time())
            except OSError:
                pass
        return any(p.session_id == session_id for p in others)

    def _broadcast(self, external: bool) -> None:
        """Tell the screen on top that the data changed; the ones beneath catch up when they
        come back (on_screen_resume), not on every save: Home under a live session rebuilt
        itself on each autosave, hundreds of ms of the UI thread at 50k to-dos."""
        if self.store is None or self.store.generation == self._seen_generation:
            return
        self._seen_generation = self.store.generation
        top = self.screen
        for screen in self.screen_stack:
            if not hasattr(screen, "on_data_changed"):
                continue
            if screen is top:
                screen.post_message(DataChanged(external=external))
            else:
                self._stale[screen] = self._stale.get(screen, False) or external

    def _catch_up(self) -> None:
        """The screen now on top re-reads the data if it missed a change while beneath."""
        screen = self.screen
        if screen in self._stale:
            screen.post_message(DataChanged(external=self._stale.pop(screen)))

    def pop_screen(self):  # type: ignore[override]
        done = super().pop_screen()
        self._catch_up()
        return done

    def switch_screen(self, screen):  # type: ignore[override]
        done = super().switch_screen(screen)
        self._catch_up()
        return done

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A background job that failed says so and the app goes on; none dies silently."""
        if event.state == WorkerState.ERROR:
            toast(self, f"{event.worker.name or 'A background task'} failed: {event.worker.error}", title="Something went wrong", severity="error", timeout=15)

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
        from ..domain.matching import match_partnerships
        from ..domain.models import Partnership, Session
        from ..domain.resume import unfinished
        from .screens.session_start import StartSessionScreen

        assert self.store is not None
        if resume:
            candidates = [p for p in self.store.all(Partnership) if partnership_id in (None, p.id)]
            if partnership_id is None:
                candidates = match_partnerships(candidates, partnership_query)
            sessions = self.store.all(Session)
            found = [found[0] for p in candidates if (found := unfinished(sessions, p.id))]
            if len(found) == 1:
                self.open_existing_session(found[0].id)
                return
            if not found:
                toast(self, "No unfinished session to resume: start a new one.")
        self.push_screen(
            StartSessionScreen(partnership_query=partnership_query, template_query=template_query, partnership_id=partnership_id, kind=kind)
        )

    def start_or_join_session(self, partnership_id: str | None) -> None:
        """`s` on Home: a partnership with an unfinished session offers to join or resume it
        (a partner may be in it right now) before starting another."""
        from ..domain.models import Session
        from ..domain.resume import progress, unfinished
        from .dialogs.choice import ChoiceDialog

        assert self.store is not None
        found = unfinished(self.store.all(Session), partnership_id) if partnership_id else []
        if not found:
            self.open_session(partnership_id)
            return
        session = found[0]

        def chosen(choice: str | None) -> None:
            if choice == "r":
                self.open_existing_session(session.id)
            elif choice == "n":
                self.open_session(partnership_id)

        self.push_screen(
            ChoiceDialog(
                "This partnership has an unfinished session",
                [("r", f"Join or resume it: {progress(session, self.now())}"), ("n", "Start a new session"), ("c", "Cancel")],
                detail=f"{session.template.name}, started {session.day:%a %d %b}",
            ),
            chosen,
        )

    def open_existing_session(self, session_id: str) -> None:
        """Open a session that exists. One left running far past its length asks first
        whether the time was real, so a night is never recorded as one long step."""
        from ..domain.models import Session
        from ..domain.resume import left_running_since, pause_at_last_activity
        from .dialogs.choice import ChoiceDialog
        from .screens.session import SessionScreen

        assert self.store is not None
        session = self.store.get(Session, session_id)
        if session is None:
            toast(self, "That session no longer exists.", severity="warning")
            return
        since = left_running_since(session, self.now())
        if since is None:
            self.push_screen(SessionScreen(session_id))
            return

        def chosen(choice: str | None) -> None:
            if choice == "p":
                self.save(pause_at_last_activity(session, self.now()))
                self.gateway.flush()  # type: ignore[union-attr]
            if choice in ("p", "k"):
                self.push_screen(SessionScreen(session_id))

        when = since.astimezone(self.now().tzinfo).strftime("%H:%M" if since.date() == self.today() else "%a %d %b %H:%M")
        self.push_screen(
            ChoiceDialog(
                f"Left running since {when}",
                [("p", f"Pause it at the last activity ({when})"), ("k", "Keep the time: it really ran"), ("c", "Cancel")],
                detail="The clock kept running after the last change anyone made.",
            ),
            chosen,
        )

    def resume_any_session(self) -> None:
        """The palette's list of every unfinished session, to join or resume one."""
        from ..domain.models import Partnership, Session
        from ..domain.resume import progress, unfinished
        from .dialogs.choice import ChoiceDialog

        assert self.store is not None
        found = unfinished(self.store.all(Session))
        if not found:
            toast(self, "No unfinished session: every session is finished.")
            return
        names = {p.id: p.display_name for p in self.store.all(Partnership)}
        now = self.now()
        choices = [(s.id, f"{names.get(s.partnership_id, '?')} · {s.day:%a %d %b} · {progress(s, now)}") for s in found]

        def chosen(session_id: str | None) -> None:
            if session_id:
                self.open_existing_session(session_id)

        self.push_screen(ChoiceDialog("Join or resume a session", choices), chosen)

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
        unsaved = self.gateway.unsaved() if self.gateway is not None else []
        if not unsaved:
            self.leave_sessions()
            self.close_store()
            self.exit(0)
            return
        from .dialogs.confirm import ConfirmScreen

        def answered(quit_anyway: bool | None) -> None:
            if quit_anyway:  # only now: a "no" leaves the session running as it was
                self.leave_sessions()
                lost = describe_unsaved(self.gateway.unsaved() if self.gateway is not None else [])
                self.close_store()
                self.exit(1, message=lost or None)

        self.push_screen(
            ConfirmScreen(
                f"{len(unsaved)} change(s) are not saved yet: the disk refused them. Quit anyway?",
                "coplan keeps trying while it runs. If you quit, what was not saved is printed, so you can copy it.",
            ),
            answered,
        )

    def leave_sessions(self) -> None:
        """On every way out: each open session saves its notes editor and pauses its clock,
        unless the partner is still in it (their clock is the same clock)."""
        from .screens.session import SessionScreen

        for screen in self.screen_stack:
            if isinstance(screen, SessionScreen):
                screen.save_on_exit()

    def _catch_hangup(self) -> None:
        """The terminal closed (an SSH connection dropped, a window shut): save and pause as
        ctrl+q does, instead of dying with the last notes unsaved and the clock running."""
        import asyncio
        import signal

        if hasattr(signal, "SIGHUP"):
            try:
                asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self._hang_up)
            except (NotImplementedError, RuntimeError, ValueError):
                pass

    def _hang_up(self) -> None:
        """Save, pause, leave, and end the process at once: the terminal is gone, and an
        orderly exit would wait forever to write the last frame to it."""
        import os

        try:
            self.leave_sessions()
        finally:
            try:
                self.close_store()
                if self._board is not None:
                    self._board.leave()
            finally:
                os._exit(129)

    def close_store(self) -> None:
        """Wait for queued saves, then stop the writer. Called on every way out."""
        if self.gateway is not None:
            self.gateway.flush()
            self.gateway.close()
            self.gateway = None

    def on_unmount(self) -> None:
        if self._board is not None:
            self._board.leave()
        try:
            self.close_store()
        finally:
            if self._gc is not None:
                idle_gc.give_back()
                self._gc = None


def describe_unsaved(changes: list[Change]) -> str:
    """What a refused save held, as text a person can copy back in (printed on quitting)."""
    from .text import clip

    lines = []
    for change in changes:
        for doc in change.puts:
            title = getattr(doc, "title", None) or getattr(doc, "name", None) or type(doc).__name__
            lines.append(f"- {type(doc).__name__} {clip(str(title), 60)}")
            for i, run in enumerate(getattr(doc, "steps", []) or []):
                if run.notes:
                    lines.append(f"  step {i + 1} notes:\n" + "\n".join("    " + line for line in run.notes.splitlines()))
            if getattr(doc, "notes", "") and isinstance(doc.notes, str):
                lines.append("  notes: " + doc.notes)
    return plain("coplan could not save these changes:\n" + "\n".join(lines)) if lines else ""


def run_app(
    db_path: Path,
    *,
    store: Store | None = None,
    start: Callable[[CoplanApp], Any] | None = None,
    no_mouse: bool = False,
) -> int:
    """Run the app in this terminal, as the environment describes it, with the user's settings."""
    import os

    from ..terminal import detect, launch_environ

    terminal = detect(launch_environ(os.environ))
    settings_file = user_settings.config_path()
    app = CoplanApp(db_path, store=store, start=start, terminal=terminal, settings_file=settings_file)
    # GNU screen holds a lone Escape while mouse tracking is on, so it gets no mouse by default.
    mouse = app.user_settings["mouse"] and not no_mouse and not terminal.screen
    result = app.run(mouse=mouse)
    return int(app.return_code or result or 0)  # 1 after the error screen, a crash, or unsaved changes
