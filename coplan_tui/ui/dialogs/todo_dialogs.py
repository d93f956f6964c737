"""Small dialogs of the to-do review screen: pick one of a list, and edit a to-do."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from ...domain.dates import ACCEPTED, parse_date
from ...domain.errors import DomainError
from ...domain.models import TEXT_MAX, TITLE_MAX
from ...domain.todo_changes import check_deadline_order
from ...domain.todo_rows import Team
from ..text import lit
from .choice import ChoiceDialog

__all__ = ["ChoiceDialog", "TodoDraft", "TodoEditor"]


@dataclass
class TodoDraft:
    """What the editor hands back: checked values, ready for todo_changes."""

    title: str
    owner: str
    feedback_by: date | None
    due: date | None
    notes: str


class TodoEditor(ModalScreen[TodoDraft | None]):
    """Edit or add a to-do. Bad input shows its reason here and nothing is lost."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="todo_editor.cancel"),
        Binding("ctrl+s", "save", "Save", id="todo_editor.save"),
    ]

    def __init__(self, heading: str, team: Team, today: date, *, title: str = "", owner: str = "both", feedback_by: date | None = None, due: date | None = None, notes: str = ""):
        super().__init__()
        self.heading = heading
        self.team = team
        self.today = today
        self.values = {
            "title": title,
            "owner": team.label(owner) if owner != "both" else "both",
            "feedback_by": feedback_by.isoformat() if feedback_by else "",
            "due": due.isoformat() if due else "",
            "notes": notes,
        }

    def compose(self) -> ComposeResult:
        owners = ", ".join(m.label for m in self.team.members) + ", both"
        with Vertical(classes="todo-dialog", id="todo-editor"):
            yield Static(lit(self.heading, "bold"), classes="dialog-title")
            for name, label, hint in (
                ("title", "To-do", "what needs doing"),
                ("owner", "Owner", owners),
                ("feedback_by", "Feedback by", "date for the partner's feedback on a draft"),
                ("due", "Due", "date it must be ready"),
                ("notes", "Notes", "optional"),
            ):
                yield Label(lit(label))
                yield Input(self.values[name], placeholder=hint, id=f"edit-{name}", max_length=TEXT_MAX if name == "notes" else TITLE_MAX)
            yield Static(lit(f"Dates: {ACCEPTED}. Enter or ctrl+s saves, escape cancels.", "dim"), classes="dialog-note")
            yield Static("", id="edit-error")

    def on_mount(self) -> None:
        self.query_one("#edit-title", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def _value(self, name: str) -> str:
        return self.query_one(f"#edit-{name}", Input).value

    def action_save(self) -> None:
        try:
            draft = self.draft()
        except DomainError as e:
            self.query_one("#edit-error", Static).update(lit(str(e), "bold red"))
            return
        self.dismiss(draft)

    def draft(self) -> TodoDraft:
        title = self._value("title").strip()
        if not title:
            raise DomainError("The to-do needs a title.")
        owner_text = self._value("owner").strip() or "both"
        owner = self.team.resolve(owner_text)
        if owner is None:
            names = ", ".join(f"{m.name} ({m.label})" for m in self.team.members)
            raise DomainError(f"Owner: nobody is called {owner_text!r}. Use {names}, or both.")
        dates = {}
        for name, label in (("feedback_by", "Feedback by"), ("due", "Due")):
            try:
                dates[name] = parse_date(self._value(name), self.today)
            except DomainError as e:
                raise DomainError(f"{label}: {e}") from None
        check_deadline_order(dates["feedback_by"], dates["due"])
        return TodoDraft(title, owner, dates["feedback_by"], dates["due"], self._value("notes"))

    def action_cancel(self) -> None:
        self.dismiss(None)
