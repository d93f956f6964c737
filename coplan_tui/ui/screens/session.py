"""The live coplanning session: steps, countdown, prompts, notes and the live to-do pane.

The timer lives in the session document as timestamps, so the screen only draws what
``domain.timebox`` computes from (session, now). Every change is saved through the app's
writer thread; notes autosave at most half a second after they change.
"""

from __future__ import annotations

from datetime import datetime

from rich.console import Group
from rich.progress_bar import ProgressBar
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import OptionList, Static, TextArea

from ...domain.wording import counted
from ...domain import timebox
from ...domain.models import NOTES_MAX, LessonPlan, Partnership, PlanStatus, Session, SessionStatus, Todo
from ...domain.session_edits import discard_when_left, with_leader
from ...domain.session_todos import pane_todos, toggled, wrap_up
from ...domain.undo import UndoStack, edit, undoing
from ...domain.shared_notes import SharedNotes, changed_span
from .. import glyphs
from ..messages import DataChanged
from ..widgets.countdown import Countdown
from ..widgets.footer import CoplanFooter
from ..widgets.notes_area import NotesArea
from ..widgets.prompt_view import PromptView
from ..widgets.step_list import StepList, render_steps
from ..widgets.todo_pane import TodoPane
from ..text import plain, toast
from ..widgets.typed_screens import CoplanScreen
from .plan_editor import PlanEditor

TICK_SECONDS = 0.25
AUTOSAVE_SECONDS = 0.25
NARROW_WIDTH = 110


class SessionScreen(CoplanScreen[None]):
    HELP = (
        "Run the session step by step. The countdown shows the time left in this step, then overtime as +m:ss. "
        "Notes save themselves as you type. tab moves between the notes and the to-do pane; escape leaves the notes. "
        "Letter keys act only outside the notes editor."
    )
    BINDINGS = [
        Binding("space", "toggle_timer", "Pause/Resume", id="session.toggle_timer"),
        Binding("n", "next_step", "Next step", id="session.next_step"),
        Binding("p", "previous_step", "Prev step", id="session.previous_step"),
        # +/- are in help and the palette: the footer keeps its room for q, ?, steps and to-dos.
        Binding("plus,equals_sign", "extend", "+1 min", key_display="+", show=False, id="session.extend"),
        Binding("minus", "shorten", "-1 min", key_display="-", show=False, id="session.shorten"),
        Binding("a", "add_todo", "Add to-do", id="session.add_todo"),
        Binding("x", "toggle_todo", "Done", id="session.toggle_todo"),
        Binding("e", "edit_todo", "Edit", id="session.edit_todo"),
        Binding("d", "delete_todo", "Delete", id="session.delete_todo"),
        Binding("u", "undo", "Undo", id="session.undo"),
        Binding("L", "plan", "Plan", key_display="L", id="session.plan", tooltip="Open, hide or create the lesson plan beside a planning step"),
        Binding("t", "toggle_todo_pane", "Wide to-dos", show=False, id="session.toggle_todo_pane"),
        Binding("b", "toggle_bell", "Bell on/off", show=False, id="session.toggle_bell"),
        Binding("w", "leader", "Who leads", show=False, id="session.leader", tooltip="Correct who leads this session"),
        Binding("escape", "leave_notes", "Leave notes", id="session.leave_notes"),
        Binding("q", "leave", "Finish/leave", id="session.leave"),
    ]

    def __init__(self, session_id: str):
        super().__init__()
        self.session_id = session_id
        self.session: Session
        self.partnership: Partnership
        self._undo: UndoStack[Todo] = UndoStack()
        self._notes_dirty = False
        self._merging = False
        self._told_over_limit = False
        self._notes_counter = ""
        """The notes' border counter as last drawn."""
        self._shown_step = -1
        self._bell_rung: set[int] = set()
        self._plan_hidden = False
        self._todo_cache: tuple[int, dict[str, Todo]] = (-1, {})
        self._pane_cache: tuple[dict[str, Todo], tuple, tuple[list[Todo], int]] | None = None
        self._drawn: dict[str, object] = {}
        """What each often-redrawn widget shows now, so a tick repaints only what changed."""
        """The user hid the plan with L; it stays hidden until they press L again."""

    # --- building -----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="session-bar"):  # three lines apart: the clock's tick repaints its own line only
            yield Static("", id="bar-title")
            yield Static("", id="bar-clock")
            yield Static("", id="bar-progress")
        with Horizontal(id="session-body"):
            yield StepList("", id="steps")
            with Vertical(id="current"):
                yield Static("", id="step-title")
                with Horizontal(id="clock-row"):
                    yield Countdown("0:00", id="countdown")
                    yield Static("", id="clock-info")
                yield PromptView(id="prompts")
                yield NotesArea("", id="notes", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
            yield Vertical(id="plan-pane")
            yield TodoPane(id="todo-pane")
        yield CoplanFooter()

    def on_mount(self) -> None:
        store = self.app.db
        session = store.get(Session, self.session_id)
        partnership = store.get(Partnership, session.partnership_id) if session else None
        if session is None or partnership is None:
            toast(self.app, "That session no longer exists.", severity="error")
            self.dismiss()
            return
        self.partnership = partnership
        self.session = timebox.ensure_runs(session)
        self._shared = SharedNotes(self.session.notes_state, [run.notes for run in self.session.steps])
        if self.session.status == SessionStatus.PLANNED:
            self._commit(timebox.start(self.session, self._now()))
        self.query_one("#notes", TextArea).border_title = "Notes (autosaved)"
        self.set_interval(TICK_SECONDS, self._tick)
        self.set_interval(AUTOSAVE_SECONDS, self._autosave)
        self._apply_width()
        self.query_one("#notes", TextArea).focus()
        self._refresh_all()

    def on_resize(self) -> None:
        self._apply_width()
        self.call_after_refresh(self.query_one("#prompts", PromptView).rewrap)  # its cap follows the new height

    def _apply_width(self) -> None:
        self.set_class(self.size.width < NARROW_WIDTH, "narrow")
        notes = self.query_one("#notes", TextArea)
        if self.has_class("narrow") and self.has_class("plan-open") and notes.has_focus:
            self.call_after_refresh(self._focus_plan)

    # --- time and drawing ---------------------------------------------------------------

    def _now(self) -> datetime:
        return self.app.now()

    def _tick(self) -> None:
        now = self._now()
        i = self.session.current_step
        remaining = timebox.step_remaining(self.session, i, now)
        if remaining.total_seconds() <= 0 and timebox.is_running(self.session) and i not in self._bell_rung:
            self._bell_rung.add(i)
            if self.app.db.setting("bell", True):
                self.app.bell()
        self._draw_clock(now)

    def _draw_clock(self, now: datetime) -> None:
        s = self.session
        i = s.current_step
        remaining = timebox.step_remaining(s, i, now)
        self.query_one(Countdown).show(remaining)
        planned = timebox.planned_minutes(s, i)
        info = Text()
        info.append(f"{planned} min step", style="dim")
        state = timebox.clock_state(s, remaining)
        if state:  # in words as well as colour: NO_COLOR, a projector, colour-blind eyes
            info.append(f"\n{state}", style="bold reverse" if state == "PAUSED" else "bold")
        self._update_if_changed("#clock-info", info, info.plain)
        self._draw_bar(now)
        steps = render_steps(s, now)
        self._update_if_changed("#steps", steps, steps.plain)

    def _update_if_changed(self, selector: str, content: Text | Group, key: object) -> None:
        """Repaint a fixed-size Static only when ``key`` changed, and never re-lay out the screen for it."""
        if self._drawn.get(selector) != key:
            self._drawn[selector] = key
            self.query_one(selector, Static).update(content, layout=False)

    def _draw_bar(self, now: datetime) -> None:
        s = self.session
        planned = timebox.total_planned_minutes(s)
        elapsed = timebox.total_elapsed(s, now)
        leader = self.partnership.member(s.leader_id) if s.leader_id else None
        line1 = Text(self.partnership.display_name, style="bold", no_wrap=True, overflow="ellipsis")
        line1.append(f" · {s.template.name}")
        if leader:
            line1.append(" · led by ")
            line1.append(f"{leader.name} ({self.partnership.owner_label(leader.id)})")
        partners = [p.name for p in getattr(self.app, "here_too", []) if p.session_id == self.session_id]
        if partners:
            line1.append(plain(" · with " + ", ".join(partners)), style="bold")
        mins = int(elapsed.total_seconds() // 60)
        secs = int(elapsed.total_seconds() % 60)
        end = timebox.projected_end(s, now).strftime("%H:%M")
        status = {SessionStatus.PAUSED: " · PAUSED", SessionStatus.DONE: " · DONE"}.get(s.status, "")
        left = timebox.format_clock(timebox.step_remaining(s, s.current_step, now))
        left = f"{left} over" if left.startswith("+") else f"{left} left"
        line2 = Text(
            no_wrap=True,
            overflow="ellipsis",
            text=f"Step {s.current_step + 1}/{len(s.template.steps)} ({left}) · {mins}:{secs:02d} of {planned} min · ends ~{end}{status}",
        )
        bar = ProgressBar(total=max(1.0, planned * 60.0), completed=min(elapsed.total_seconds(), planned * 60.0))
        self._update_if_changed("#bar-title", line1, line1.plain)
        self._update_if_changed("#bar-clock", line2, line2.plain)
        width = self.query_one("#bar-progress", Static).size.width
        self._update_if_changed("#bar-progress", bar, (width, int(bar.completed / bar.total * width * 2)))  # half cells, as drawn

    def _draw_step(self) -> None:
        s = self.session
        i = s.current_step
        step = s.template.steps[i]
        title = Text(f"{i + 1}. ", style="bold")
        title.append(step.title, style="bold")
        self.query_one("#step-title", Static).update(title, layout=False)  # one line, ellipsis if long
        self._draw_guide(from_top=self._shown_step != i)
        notes = self.query_one("#notes", TextArea)
        if self._shown_step != i:
            self._shown_step = i
            text = s.steps[i].notes
            if notes.text != text:
                notes.load_text(text)
            self._notes_dirty = False
        self._sync_plan_pane()

    def _draw_guide(self, from_top: bool = False) -> None:
        """The step's prompts; on the last step, the wrap-up of the session's to-dos above them."""
        s = self.session
        step = s.template.steps[s.current_step]
        text = Text()
        bullet = glyphs.current().bullet
        for prompt in step.prompts:
            text.append(f"{bullet} ")
            text.append(prompt)
            text.append("\n")
        if step.outputs:
            text.append("Leave with: ", style="bold")
            text.append("; ".join(step.outputs), style="italic")
        if step.approach:
            text.append(f"\nApproach: {step.approach.label}", style="dim")
        if step.planning and self._plan() is None:
            text.append("\nA planning step: press L to create or link the lesson plan.", style="bold")
        last = s.current_step == len(s.template.steps) - 1
        if last:  # the to-do list is what the session leaves with: show it first and give it room
            text = self._wrapup_text() + Text("\n") + text
        text.rstrip()
        self.query_one("#prompts", PromptView).show(text, share=0.6 if last else 0.4, from_top=from_top)

    def _wrapup_text(self) -> Text:
        summary = wrap_up(self._todos(), self.session, self.partnership, self._now().date())
        text = Text(f"Wrap-up: {counted(summary.count, 'to-do')} made in this session\n", style="bold")
        for group in summary.groups:
            text.append(group.label + "\n", style="bold underline")
            for todo in group.todos:
                deadline = todo.due or todo.feedback_by
                text.append(f"  {glyphs.current().bullet} ")
                text.append(todo.title)
                text.append(f"  {deadline.strftime('%a %d %b') if deadline else 'no deadline'}\n", style="dim")
        for warning in summary.warnings:
            text.append(f"{glyphs.current().warning} ", style="bold yellow")
            text.append(warning + "\n", style="yellow")
        return text

    def _partnership_todos(self) -> dict[str, Todo]:
        """The partnership's to-dos in the store, caught up on what changed since the last look.

        Scanning 50,000 to-dos after every save took 2-4 ms of the UI thread; the store's
        change log makes it the few ids that changed, and a full scan only after a reload.
        """
        store = self.app.db
        seen, mine = self._todo_cache
        if seen == store.generation:
            return mine
        generation = store.generation
        changed = store.changed_since(Todo, seen) if seen >= 0 else None
        if changed is None:
            mine = {t.id: t for t in store.all(Todo) if t.partnership_id == self.partnership.id}
        elif changed:  # (none changed: the same dict, so the pane's sorted list is reused)
            mine = dict(mine)
            for todo_id in changed:
                todo = store.get(Todo, todo_id)
                if todo is not None and todo.partnership_id == self.partnership.id:
                    mine[todo_id] = todo
                else:
                    mine.pop(todo_id, None)
        self._todo_cache = (generation, mine)
        return mine

    def _todos(self) -> list[Todo]:
        return list(self._partnership_todos().values())

    def _draw_todos(self) -> None:
        today = self._now().date()
        mine, keep = self._partnership_todos(), frozenset(self._undo.ids())
        key = (today, keep, self.session.id)
        if self._pane_cache is not None and self._pane_cache[0] is mine and self._pane_cache[1] == key:
            todos, left_out = self._pane_cache[2]  # sorting 25,000 to-dos on each notes autosave cost 60 ms at 50k
        else:
            todos, left_out = pane_todos(mine.values(), self.session, today, keep=keep)
            self._pane_cache = (mine, key, (todos, left_out))
        self.query_one(TodoPane).show(todos, self.partnership, self.session, today, left_out)

    def _refresh_all(self) -> None:
        self._draw_step()
        self._draw_clock(self._now())
        self._draw_todos()

    def on_data_changed(self, message: DataChanged) -> None:
        # Our own save comes back with a new revision (and merged with a partner's, if they
        # saved meanwhile): take it, so the next save is made from the file's current copy.
        fresh = self.app.db.get(Session, self.session_id)
        if fresh is not None and fresh.rev != self.session.rev:
            self._take_outside_copy(fresh)
        self._draw_clock(self._now())
        self._draw_todos()
        for editor in self.query(PlanEditor):
            editor.reload()

    def _take_outside_copy(self, fresh: Session) -> None:
        """Another window saved the session. Its notes merge with ours character by character
        (what we typed and have not saved yet included); its timer replaces ours. (While a save
        of ours is on its way the store shows our copy, so this runs once it has landed,
        merged with theirs.)"""
        notes = self.query_one("#notes", TextArea)
        i = self.session.current_step
        self._shared.edit(i, notes.text)
        self._shared.merge(fresh.notes_state)
        stepped = fresh.current_step != self.session.current_step
        self.session = timebox.ensure_runs(fresh)
        if stepped:
            self._shown_step = -1
        merged = self._shared.texts(len(self.session.steps))
        self._notes_dirty = merged != [run.notes for run in fresh.steps]
        self.session = self._with_notes(merged)
        if self._shown_step == -1:
            self._draw_step()
        else:
            self._show_notes(merged[self.session.current_step])

    def _with_notes(self, texts: list[str]) -> Session:
        session = self.session
        for step, text in enumerate(texts):
            if session.steps[step].notes != text:
                session = timebox.set_notes(session, step, text)
        return session.model_copy(update={"notes_state": self._shared.state()})

    def _show_notes(self, text: str) -> None:
        """Put another window's typing into the editor as an edit. The cursor stays after the
        character before it: text that arrives right at the cursor goes after it, so the next
        key continues the word being typed instead of landing behind the partner's words."""
        notes = self.query_one("#notes", TextArea)
        old = notes.text
        if old == text:
            return
        start, end_old, end_new = changed_span(old, text)
        where = notes.document.get_location_from_index
        cursor = notes.document.get_index_from_location(notes.cursor_location)
        if cursor > start:
            cursor = cursor + (end_new - end_old) if cursor >= end_old else end_new
        self._merging = True
        try:
            notes.replace(text[start:end_new], where(start), where(end_old), maintain_selection_offset=False)
            notes.move_cursor(notes.document.get_location_from_index(cursor))
        finally:
            self._merging = False

    # --- saving ---------------------------------------------------------------------------

    def _commit(self, session: Session) -> None:
        self.session = session.model_copy(update={"last_activity": self._now()})
        self.app.save(self.session)

    def save_on_exit(self) -> None:
        """Save what the editor holds and pause the clock, unless the partner is still here."""
        if not hasattr(self, "session"):
            return
        self._capture_notes()
        session = self.session
        if timebox.is_running(session) and not self.app.partner_in_session(self.session_id):
            session = timebox.pause(session, self._now())
        self._commit(session)

    def _capture_notes(self) -> None:
        """Put the editor's text into the session (not yet saved), as edits of the shared text."""
        text = self.query_one("#notes", TextArea).text
        i = self.session.current_step
        if self.session.steps[i].notes != text or self._notes_dirty:
            self._shared.edit(i, text)
            self.session = self._with_notes(self._shared.texts(len(self.session.steps)))
        self._notes_dirty = False

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id == "notes":
            self._count_notes(event.text_area)
            if not self._merging and event.text_area.text != self.session.steps[self.session.current_step].notes:
                self._notes_dirty = True

    def _count_notes(self, notes: TextArea) -> None:
        """A counter near the limit; past it, say once that the excess is not saved."""
        size = len(notes.text)
        counter = f"{size:,} / {NOTES_MAX:,}" if size > NOTES_MAX * 0.9 else ""
        if counter != self._notes_counter:  # setting a border title repaints the whole editor, even to the same text
            self._notes_counter = counter
            notes.border_subtitle = plain(counter)
        notes.set_class(size > NOTES_MAX, "over-limit")
        over = size > NOTES_MAX
        if over and not self._told_over_limit:
            toast(
                self,
                f"A step's notes hold {NOTES_MAX:,} characters; the {size - NOTES_MAX:,} past that are not saved. "
                "Everything else (the timer, steps, to-dos) still saves.",
                title="Notes too long",
                severity="warning",
                timeout=10,
            )
        self._told_over_limit = over

    def _autosave(self) -> None:
        if self._notes_dirty:
            self._capture_notes()
            self._commit(self.session)

    def _save_todo(self, todo: Todo | None, todo_id: str, undo_label: str | None = None, before: Todo | None = None) -> None:
        """The store shows the change at once; the writer thread puts it on disk."""
        staged = self.app.writer.delete(Todo, [todo_id]) if todo is None else self.app.save(todo)
        if not staged:
            return  # refused, and the user was told why: nothing changed, nothing to undo
        if undo_label is not None:
            self._undo.push(edit(undo_label, [before], [todo]))
        self._draw_todos()
        if self.session.current_step == len(self.session.template.steps) - 1:
            self._draw_guide()  # the wrap-up lists the session's to-dos

    # --- timer actions ------------------------------------------------------------------------

    def action_toggle_timer(self) -> None:
        if self.session.status == SessionStatus.DONE:
            return
        self._capture_notes()
        self._commit(timebox.toggle(self.session, self._now()))
        self._draw_clock(self._now())

    def _go(self, delta: int) -> None:
        target = self.session.current_step + delta
        if not 0 <= target < len(self.session.template.steps):
            self.app.bell()
            return
        self._capture_notes()
        self._commit(timebox.go_to(self.session, target, self._now()))
        with self.app.batch_update():  # one repaint for title, prompts, notes and clock
            self._draw_step()
            self._draw_clock(self._now())

    def action_next_step(self) -> None:
        self._go(+1)  # a stray n (a word typed after Escape) is undone by p, next to it in the footer

    def action_previous_step(self) -> None:
        self._go(-1)

    def action_extend(self) -> None:
        self._commit(timebox.extend(self.session, 1, self._now()))
        self._bell_rung.discard(self.session.current_step)
        self._draw_clock(self._now())

    def action_shorten(self) -> None:
        self._commit(timebox.extend(self.session, -1, self._now()))
        self._draw_clock(self._now())

    def action_leader(self) -> None:
        from ..dialogs.leader import ask_leader

        def chosen(member_id: str) -> None:
            self._capture_notes()
            self._commit(with_leader(self.session, self.partnership, member_id))
            self._draw_clock(self._now())

        ask_leader(self.app, self.session, self.partnership, chosen)

    def action_toggle_bell(self) -> None:
        on = not self.app.db.setting("bell", True)
        self.app.writer.set_setting("bell", on)
        toast(self, f"Bell {'on' if on else 'off'} when a step runs out.")

    # --- to-do actions ----------------------------------------------------------------------------

    def _selected(self) -> Todo | None:
        todo_id = self.query_one(TodoPane).selected_id()
        return next((t for t in self._todos() if t.id == todo_id), None) if todo_id else None

    def _todo_dialog(self, todo: Todo | None):
        from ..dialogs.todo_dialog import TodoDialog

        return TodoDialog(
            self.partnership,
            self._now().date(),
            self._now(),
            todo=todo,
            session_id=self.session_id,
            plan_id=self.session.plan_id,
        )

    def action_add_todo(self) -> None:
        def added(todo: Todo | None) -> None:
            if todo is not None:
                self._save_todo(todo, todo.id, "add", None)
                self._select(todo.id)

        self.app.push_screen(self._todo_dialog(None), added)

    def action_edit_todo(self) -> None:
        before = self._selected()
        if before is None:
            toast(self, "Select a to-do first (tab to the to-do pane).")
            return

        def edited(todo: Todo | None) -> None:
            if todo is not None and todo is not before:
                self._save_todo(todo, todo.id, "edit", before)

        self.app.push_screen(self._todo_dialog(before), edited)

    def action_toggle_todo(self) -> None:
        before = self._selected()
        if before is None:
            return
        self._save_todo(toggled(before, self._now()), before.id, "toggle", before)

    def action_delete_todo(self) -> None:
        before = self._selected()
        if before is None:
            return
        self._save_todo(None, before.id, "delete", before)
        toast(self, f"Deleted {before.title!r}. Press u to undo.")

    def action_undo(self) -> None:
        change = self._undo.pop()
        if change is None:
            toast(self, "Nothing to undo.")
            return
        puts, deletes, said, warn = undoing(change, self._partnership_todos().get)  # keeps what the partner changed since
        for todo in puts:
            self._save_todo(todo, todo.id)
            self._select(todo.id)
        for todo_id in deletes:
            self._save_todo(None, todo_id)
        toast(self, said, severity="warning" if warn else "information")

    def _select(self, todo_id: str) -> None:
        options = self.query_one("#todo-list", OptionList)
        try:
            options.highlighted = options.get_option_index(todo_id)
        except Exception:
            pass

    # --- focus and layout -------------------------------------------------------------------------

    def action_leave_notes(self) -> None:
        if self.query_one("#notes", TextArea).has_focus:
            self.query_one("#todo-list", OptionList).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """"Leave notes" is in the footer only while the notes have focus (room for the rest at 80 columns)."""
        if action == "leave_notes":
            return self.query_one("#notes", TextArea).has_focus
        return True

    def on_notes_area_left_with_key(self, message: NotesArea.LeftWithKey) -> None:
        """Esc and a letter merged into alt+letter: do both, in order (widgets/notes_area.py)."""
        # Focus moves now (``focus()`` would wait a turn), so the letter cannot land in the notes.
        self.set_focus(self.query_one("#todo-list", OptionList))
        # Made in the app's context, as the driver makes keys: a key sent by this screen would
        # stop bubbling at the screen and never reach the bindings.
        character = message.character
        self.app.call_later(lambda: self.app.post_message(events.Key(character, character)))

    def action_toggle_todo_pane(self) -> None:
        self.toggle_class("wide-todos")

    # --- the lesson plan beside a planning step -----------------------------------------------------

    def _plan(self) -> LessonPlan | None:
        plan_id = self.session.plan_id
        return self.app.db.get(LessonPlan, plan_id) if plan_id else None

    def _sync_plan_pane(self) -> None:
        """Show the linked plan's editor on planning steps, unless the user hid it."""
        pane = self.query_one("#plan-pane", Vertical)
        step = self.session.template.steps[self.session.current_step]
        plan = self._plan()
        show = step.planning and plan is not None and not self._plan_hidden
        editors = list(pane.query(PlanEditor))
        if show and not any(e.plan_id == plan.id for e in editors):
            pane.remove_children()
            pane.mount(PlanEditor(plan.id, id="session-plan"))
        pane.display = show
        self.set_class(show, "plan-open")
        notes = self.query_one("#notes", TextArea)
        if show and self.has_class("narrow") and (notes.has_focus or self.focused is None):
            # At 80 columns the plan takes the step's place: never leave focus in hidden notes.
            self.call_after_refresh(self._focus_plan)

    def _focus_plan(self, tries: int = 20) -> None:
        """Focus the plan's outline once the editor has composed it (mounting is async)."""
        outlines = self.query("#session-plan .pe-outline")
        if outlines:
            outlines.first().focus()
        elif tries:
            self.set_timer(0.02, lambda: self._focus_plan(tries - 1))

    def action_plan(self) -> None:
        step = self.session.template.steps[self.session.current_step]
        if self._plan() is None:
            self._offer_plans()
            return
        if not step.planning and not self.has_class("plan-open"):
            toast(self, "The plan opens beside planning steps; the prompts say which ones plan.")
            return
        self._plan_hidden = not self._plan_hidden
        self._sync_plan_pane()
        if not self._plan_hidden:
            self.call_after_refresh(self._focus_plan)

    def _offer_plans(self) -> None:
        """Link one of the partnership's plans in the making, or create a new one."""
        from ..dialogs.choice import ChoiceDialog

        plans = [
            p
            for p in self.app.db.all(LessonPlan)
            if p.partnership_id == self.partnership.id and p.status != PlanStatus.TAUGHT
        ]
        plans.sort(key=lambda p: (p.updated_at or p.created_at or self._now()), reverse=True)
        choices = [("n", "New plan")] + [(str(i + 1), f"Link: {p.title}") for i, p in enumerate(plans[:9])]

        def chosen(key: str | None) -> None:
            if key == "n":
                self._create_plan()
            elif key and key.isdigit():
                self._link_plan(plans[int(key) - 1])

        self.app.push_screen(ChoiceDialog("Which lesson plan does this session work on?", choices), chosen)

    def _create_plan(self) -> None:
        from ..dialogs.plan_forms import new_plan_form

        def made(plan: LessonPlan | None) -> None:
            if plan is not None and self.app.save(plan):
                self._link_plan(plan)

        self.app.push_screen(new_plan_form([self.partnership], self._now().date(), self._now()), made)

    def _link_plan(self, plan: LessonPlan) -> None:
        self._plan_hidden = False
        self._capture_notes()
        self._commit(self.session.model_copy(update={"plan_id": plan.id}))
        self._draw_step()

    def on_plan_editor_todo_created(self, message: PlanEditor.TodoCreated) -> None:
        """A to-do made from a plan item during the session belongs to this session too."""
        if message.todo.session_id is None:
            self._save_todo(message.todo.model_copy(update={"session_id": self.session_id}), message.todo.id, "add", None)

    # --- leaving ------------------------------------------------------------------------------------

    def action_leave(self) -> None:
        from ..dialogs.choice import ChoiceDialog

        self._capture_notes()
        self._commit(self.session)
        dialog = ChoiceDialog(
            "Finish or leave this session?",
            [("f", "Finish: reflect, then see the summary"), ("l", "Leave for now: pause and resume later"), ("c", "Cancel: keep going")],
        )
        self.app.push_screen(dialog, self._left)

    def _left(self, choice: str | None) -> None:
        if choice in ("l", "f") and discard_when_left(self.session, self._todos(), self._now()):
            self.app.writer.delete(Session, [self.session_id])
            toast(
                self,
                "Discarded: it ran under 2 minutes with no notes and no to-dos, so it does not count.", title="Session discarded"
            )
            self.dismiss()
            return
        if choice == "l":
            if timebox.is_running(self.session):
                self._commit(timebox.pause(self.session, self._now()))
            self.dismiss()
        elif choice == "f":
            from ..dialogs.reflection import ReflectionDialog

            self.app.push_screen(ReflectionDialog(self.session.reflection), self._reflected)

    def _reflected(self, reflection) -> None:
        if reflection is None:
            return
        finished = timebox.finish(self.session.model_copy(update={"reflection": reflection}), self._now())
        self.session = finished

        if self.app.save(finished):
            self.app.show_session_summary(self.session_id, replace=True)
