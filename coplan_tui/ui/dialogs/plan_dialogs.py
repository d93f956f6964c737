"""Small keyboard dialogs the plan editor uses: a form, a checklist, a chooser, a yes/no.

Every dialog keeps what was typed when the input is wrong: the error is shown in the dialog
and nothing is dismissed or lost until the input is valid or the user presses escape.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from ...domain.errors import DomainError, FormErrors, describe, join_messages
from ..text import lit, toast
from ..widgets.tick_list import TickList

T = TypeVar("T")


def error_text(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return describe(error)
    return str(error)


@dataclass
class FormField:
    """One line of a form: free text, or a choice when ``choices`` is given."""

    key: str
    label: str
    value: str = ""
    choices: list[tuple[str, str]] | None = None
    placeholder: str = ""
    hint: str = ""


class _FormSelect(Select):
    """A choice in a form: space or an arrow opens its list; enter moves on, as the hint says."""

    BINDINGS = [Binding("enter", "screen.next_field", "Next field", show=False, id="dialog.select_next")]


class FormDialog(ModalScreen[T | None], Generic[T]):
    """Fields in a column; ``build`` turns the values into the result or raises a clear error."""

    AUTO_FOCUS = ".form-input"

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
        Binding("ctrl+s", "save", "Save", id="dialog.save"),
    ]

    def __init__(self, title: str, fields: list[FormField], build: Callable[[dict[str, str]], T], *, note: str = ""):
        super().__init__()
        self.form_title = title
        self.fields = fields
        self.build = build
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(classes="plan-dialog"):
            yield Static(lit(self.form_title, "bold"), classes="plan-dialog-title")
            if self.note:
                yield Static(lit(self.note), classes="plan-dialog-note")
            with VerticalScroll(classes="plan-dialog-fields", can_focus=False):
                for f in self.fields:
                    with Horizontal(classes="form-row"):
                        yield Label(lit(f.label), classes="form-label")
                        if f.choices is not None:
                            yield _FormSelect(f.choices, value=f.value, allow_blank=False, compact=True, id=f"field-{f.key}", classes="form-input")
                        else:
                            yield Input(f.value, placeholder=f.placeholder, compact=True, id=f"field-{f.key}", classes="form-input")
                    if f.hint:
                        yield Static(lit(f.hint, "dim"), classes="form-hint")
            yield Static("", classes="plan-dialog-error")
            keys = "enter: next field / save   ctrl+s: save   escape: cancel"
            if any(f.choices is not None for f in self.fields):
                keys = "enter: next/save  space: list  ctrl+s: save  esc: cancel"
            yield Static(lit(keys, "dim"), classes="plan-dialog-keys")

    def values(self) -> dict[str, str]:
        out = {}
        for f in self.fields:
            widget = self.query_one(f"#field-{f.key}")
            out[f.key] = str(widget.value) if isinstance(widget, (Input, Select)) else ""
        return out

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_next_field()

    def action_next_field(self) -> None:
        """Enter on a field: the next field, or save on the last."""
        fields = list(self.query(".form-input"))
        index = fields.index(self.focused) if self.focused in fields else len(fields) - 1
        if index + 1 < len(fields):
            fields[index + 1].focus()
        else:
            self.action_save()

    def action_save(self) -> None:
        try:
            result = self.build(self.values())
        except (ValidationError, DomainError, ValueError) as e:
            message, wrong = self.explain(e)
            self.query_one(".plan-dialog-error", Static).update(lit(message, "bold red"))
            for f in self.fields:
                self.query_one(f"#field-{f.key}").set_class(f.key in wrong, "-invalid")
            if wrong:  # to the first field to fix, in the form's order
                self.query_one(f"#field-{wrong[0]}").focus()
            return
        self.dismiss(result)

    def explain(self, error: Exception) -> tuple[str, list[str]]:
        """The error as the form shows it, each field named as the form labels it, and the
        keys of the fields it names, in the form's order.

        A FormErrors says which field each message is about. Any other error may start a
        part with a field's key (a ValidationError's ``title: must not be empty``): only
        such a start is renamed, never the same letters inside a sentence (``friday: ``
        in a date hint is not the field ``day``).
        """
        if isinstance(error, FormErrors):
            known = [f for f in self.fields if error.errors.get(f.key)]
            parts = [m for k, m in error.errors.items() if m and k not in {f.key for f in known}]
            parts += [f"{f.label}: {error.errors[f.key]}" for f in known]
            return join_messages(parts), [f.key for f in known]
        parts = []
        named: set[str] = set()
        for part in error_text(error).split("; "):
            for f in self.fields:
                prefix = f"{f.key.replace('_', ' ')}: "
                if part.startswith(prefix):
                    part, named = f"{f.label}: {part.removeprefix(prefix)}", named | {f.key}
                    break
            parts.append(part)
        return join_messages(parts), [f.key for f in self.fields if f.key in named]

    def action_cancel(self) -> None:
        self.dismiss(None)


class _Checklist(TickList):
    BINDINGS = [Binding("enter", "screen.save", "Save", show=False, id="dialog.checklist_save")]


class ChecklistDialog(ModalScreen[list[str] | None]):
    """Tick any number of items (space), save with enter; the result is the ticked values,
    or None when cancelled or nothing changed (then a toast says why nothing happened)."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
        Binding("ctrl+s", "save", "Save", id="dialog.save"),
    ]

    def __init__(self, title: str, items: list[tuple[str, str, bool]], empty: str = "Nothing to choose from yet."):
        super().__init__()
        self.list_title = title
        self.items = items
        self.empty = empty

    def compose(self) -> ComposeResult:
        with Vertical(classes="plan-dialog"):
            yield Static(lit(self.list_title, "bold"), classes="plan-dialog-title")
            if self.items:
                yield _Checklist(self.items, id="checklist")
            else:
                yield Static(lit(self.empty), classes="plan-dialog-note")
            yield Static(lit("space: tick/untick   enter: save   escape: cancel", "dim"), classes="plan-dialog-keys")

    def action_save(self) -> None:
        if not self.items:
            self.dismiss(None)
            return
        checklist = self.query_one("#checklist", _Checklist)
        if not checklist.changed:
            toast(self.app, "Nothing changed: space ticks or unticks a row, then enter saves.", timeout=5)
            self.dismiss(None)
            return
        self.dismiss(checklist.ticked)

    def action_cancel(self) -> None:
        self.dismiss(None)


__all__ = ["ChecklistDialog", "FormDialog", "FormField", "error_text"]
