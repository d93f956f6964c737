"""Add or edit a to-do: title, owner and deadlines, with inline errors. Enter saves."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, RadioButton, RadioSet, Static

from ..widgets.choice_set import ChoiceSet
from ..widgets.marks import Choice

from ...domain.dates import ACCEPTED, parse_date
from ...domain.errors import DomainError, describe
from ...domain.models import BOTH, TITLE_MAX, Partnership, Todo
from ..text import lit


class TodoDialog(ModalScreen[Todo | None]):
    """Returns the new or changed Todo (not yet saved), or None when cancelled."""

    HELP = f"Type a title, pick the owner with the arrow keys, and give deadlines ({ACCEPTED}). Enter saves; escape cancels."
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="todo_dialog.cancel"),
        Binding("ctrl+s", "save", "Save", id="todo_dialog.save"),
    ]

    def __init__(
        self,
        partnership: Partnership,
        today: date,
        now: datetime,
        *,
        todo: Todo | None = None,
        session_id: str | None = None,
        plan_id: str | None = None,
        default_owner: Callable[[str], str] | None = None,
    ):
        super().__init__()
        self.partnership = partnership
        self.today = today
        self.now = now
        self.todo = todo
        self.session_id = session_id
        self.plan_id = plan_id
        self.default_owner = default_owner
        self._owner_touched = todo is not None
        self._owners = [m.id for m in partnership.members] + [BOTH]

    def compose(self) -> ComposeResult:
        t = self.todo
        with Vertical(id="todo-dialog", classes="dialog"):
            yield Static(lit("Edit to-do" if t else "New to-do", "bold"), classes="dialog-title")
            yield Label("What needs doing?")
            yield Input(value=t.title if t else "", placeholder="e.g. Draft the exit ticket", id="todo-title-input", max_length=TITLE_MAX)
            yield Label("Who owns it?")
            owner = t.owner if t else BOTH
            with ChoiceSet(id="todo-owner"):
                for member in self.partnership.members:
                    label = f"{member.name} ({self.partnership.owner_label(member.id)})"
                    yield Choice(lit(label), value=member.id == owner, id=f"owner-{member.id}")
                yield Choice("Both of us", value=owner == BOTH, id="owner-both")
            with Horizontal(classes="dialog-row"):
                with Vertical():
                    yield Label("Feedback by")
                    yield Input(value=t.feedback_by.isoformat() if t and t.feedback_by else "", placeholder="thu, +2d", id="todo-feedback")
                with Vertical():
                    yield Label("Ready by (due)")
                    yield Input(value=t.due.isoformat() if t and t.due else "", placeholder="mon, 2026-12-01", id="todo-due")
            yield Static("", id="todo-error", classes="dialog-error")
            yield Static(lit("enter save · tab next field · escape cancel", "dim"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#todo-title-input", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "todo-title-input" and not self._owner_touched and self.default_owner:
            self._select_owner(self.default_owner(event.value))

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        if event.radio_set.has_focus:
            self._owner_touched = True

    def _select_owner(self, owner: str) -> None:
        radio = self.query_one("#todo-owner", RadioSet)
        index = self._owners.index(owner) if owner in self._owners else len(self._owners) - 1
        button = list(radio.query(RadioButton))[index]
        if not button.value:
            with radio.prevent(RadioSet.Changed):
                button.value = True

    def _owner(self) -> str:
        index = self.query_one("#todo-owner", ChoiceSet).chosen_index()
        return self._owners[index] if 0 <= index < len(self._owners) else BOTH

    def on_input_submitted(self, _: Input.Submitted) -> None:
        self.action_save()

    def action_save(self) -> None:
        error = self.query_one("#todo-error", Static)
        title = self.query_one("#todo-title-input", Input).value
        try:
            feedback = parse_date(self.query_one("#todo-feedback", Input).value, self.today)
            due = parse_date(self.query_one("#todo-due", Input).value, self.today)
        except DomainError as e:
            error.update(lit(str(e)))
            return
        fields = {"title": title, "owner": self._owner(), "feedback_by": feedback, "due": due, "updated_at": self.now}
        try:
            if self.todo is None:
                todo = Todo(
                    partnership_id=self.partnership.id,
                    session_id=self.session_id,
                    plan_id=self.plan_id,
                    created_at=self.now,
                    **fields,
                )
            else:
                todo = Todo.model_validate({**self.todo.model_dump(), **fields})
        except ValidationError as e:
            error.update(lit(describe(e)))
            return
        self.dismiss(todo)

    def action_cancel(self) -> None:
        self.dismiss(None)
