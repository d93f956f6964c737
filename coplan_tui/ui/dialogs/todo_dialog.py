"""The one to-do editor: the session, the review screen and the plan editor all open it.

It builds the to-do through the domain's constructors, so every screen checks the same
things (owner, deadline order, title), and the owner it shows is the owner it saves.
"""

from __future__ import annotations

from datetime import date, datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, RadioSet, Static

from ...domain.dates import ACCEPTED, parse_date
from ...domain.errors import DomainError
from ...domain.models import BOTH, TITLE_MAX, Partnership, Todo
from ...domain.roles import default_owner
from ...domain.todo_changes import edited, new_todo
from ..text import lit
from ..widgets.choice_set import ChoiceSet
from ..widgets.marks import Choice


class TodoDialog(ModalScreen[Todo | None]):
    """Returns the new or changed Todo (not yet saved), or None when cancelled.

    A new to-do's owner follows the standing roles as the title is typed, until the user
    picks one; ``owner`` fixes it from the start (a plan's assessment goes to its designer).
    """

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
        title: str = "",
        owner: str | None = None,
        session_id: str | None = None,
        plan_id: str | None = None,
        heading: str | None = None,
    ):
        super().__init__()
        self.partnership = partnership
        self.today = today
        self.now = now
        self.todo = todo
        self.session_id = session_id
        self.plan_id = plan_id
        self.heading = heading or ("Edit to-do" if todo else "New to-do")
        self._title = todo.title if todo else title
        self._owners = [m.id for m in partnership.members] + [BOTH]
        self._owner_touched = todo is not None or owner is not None
        if todo is not None:
            self._initial_owner = todo.owner
        elif owner is not None:
            self._initial_owner = owner
        else:
            self._initial_owner = default_owner(partnership, title)

    def compose(self) -> ComposeResult:
        t = self.todo
        with Vertical(id="todo-dialog", classes="dialog"):
            yield Static(lit(self.heading, "bold"), classes="dialog-title")
            yield Label("What needs doing?")
            yield Input(value=self._title, placeholder="e.g. Draft the exit ticket", id="todo-title-input", max_length=TITLE_MAX)
            yield Label("Who owns it?")
            owner = self._initial_owner if self._initial_owner in self._owners else BOTH
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
                    yield Input(value=t.due.isoformat() if t and t.due else "", placeholder="mon, +1w", id="todo-due")
            yield Label("Notes")
            yield Input(value=t.notes if t else "", placeholder="optional", id="todo-notes")
            yield Static("", id="todo-error", classes="dialog-error")
            yield Static(lit("enter save · tab next field · escape cancel", "dim"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#todo-title-input", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#todo-error", Static).update("")  # an old complaint no longer applies
        if event.input.id == "todo-title-input" and not self._owner_touched:
            self._select_owner(default_owner(self.partnership, event.value))

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self.query_one("#todo-error", Static).update("")
        if event.radio_set.has_focus:
            self._owner_touched = True

    def _select_owner(self, owner: str) -> None:
        index = self._owners.index(owner) if owner in self._owners else len(self._owners) - 1
        buttons = list(self.query_one("#todo-owner", ChoiceSet).query_children(Choice))
        if not buttons[index].value:
            buttons[index].value = True

    def _owner(self) -> str:
        index = self.query_one("#todo-owner", ChoiceSet).chosen_index()
        return self._owners[index] if 0 <= index < len(self._owners) else BOTH

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_choice_set_submitted(self, event: ChoiceSet.Submitted) -> None:
        event.stop()
        self.action_save()

    def _value(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value

    def result(self) -> Todo:
        """The to-do the fields describe; raises DomainError naming the field at fault."""
        dates = {}
        for name, widget, label in (("feedback_by", "todo-feedback", "Feedback by"), ("due", "todo-due", "Ready by")):
            try:
                dates[name] = parse_date(self._value(widget), self.today)
            except DomainError as e:
                raise DomainError(f"{label}: {e}") from None
        fields = {"title": self._value("todo-title-input"), "owner": self._owner(), "notes": self._value("todo-notes"), **dates}
        if self.todo is None:
            return new_todo(self.partnership, now=self.now, session_id=self.session_id, plan_id=self.plan_id, **fields)  # type: ignore[arg-type]
        self.partnership.check_owner(fields["owner"])  # type: ignore[arg-type]
        changes = {k: v for k, v in fields.items() if getattr(self.todo, k) != v}
        return edited(self.todo, self.now, **changes) if changes else self.todo

    def action_save(self) -> None:
        try:
            todo = self.result()
        except (DomainError, ValueError) as e:
            self.query_one("#todo-error", Static).update(lit(str(e)))
            return
        self.dismiss(todo)

    def action_cancel(self) -> None:
        self.dismiss(None)
