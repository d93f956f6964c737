"""The live to-do pane: sorted by deadline, owner as a short tag, overdue marked."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...domain.dates import compact_date
from ...domain.models import Partnership, Session, Todo
from ...domain.session_todos import is_carried_forward
from .. import glyphs


def todo_line(todo: Todo, partnership: Partnership, session: Session, today: date) -> Text:
    """Two lines: ``☐ title`` then ``TC fb Tue 24 due 3 Dec``; ``↻`` marks one carried forward."""
    done = not todo.is_open
    marks = glyphs.current()
    box = (marks.todo_done if done else marks.todo_open) + " "
    text = Text(box, style="dim" if done else "")
    text.append(todo.title, style="dim strike" if done else "")
    text.append("\n  ")
    text.append(partnership.owner_label(todo.owner), style="bold")
    parts = []
    if todo.feedback_by:
        parts.append("fb " + compact_date(todo.feedback_by, today))
    if todo.due:
        parts.append("due " + compact_date(todo.due, today))
    if not parts:
        parts.append("no date")
    overdue = todo.is_overdue(today)
    text.append(" " + " ".join(parts), style="bold red" if overdue else "dim")
    if overdue:
        text.append(" !late", style="bold red")
    if is_carried_forward(todo, session):
        text.append(" " + marks.carried, style="dim")
    return text


class TodoPane(Vertical):
    """Shows the to-dos; the screen owns the actions (a, x, e, d, u)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._shown: tuple[list[Todo], tuple[Partnership, str, date, int]] | None = None
        """The to-dos on screen, and what their lines were drawn for (partnership, session id, day,
        open ones left out)."""

    def compose(self) -> ComposeResult:
        yield Static("", id="todo-title")
        yield OptionList(id="todo-list")

    def show(self, todos: list[Todo], partnership: Partnership, session: Session, today: date, left_out: int = 0) -> None:
        """``left_out``: open to-dos not listed (``session_todos.PANE_LIMIT``), counted in the title."""
        drawn_for = (partnership, session.id, today, left_out)
        previous, self._shown = self._shown, (todos, drawn_for)
        if previous == self._shown:
            return  # e.g. the session's own save: nothing in the pane changed
        open_count = sum(1 for t in todos if t.is_open)
        shown = f"{open_count} of {open_count + left_out} open" if left_out else f"{open_count} open"  # the pane is narrow
        title = Text(f"To-dos ({shown})", style="bold")
        title.append("  a add · x done · e edit · d delete", style="dim")
        self.query_one("#todo-title", Static).update(title, layout=False)  # one fixed line
        options = self.query_one(OptionList)
        if previous is not None and previous[1] == drawn_for and todos and [t.id for t in previous[0]] == [t.id for t in todos]:
            # Same to-dos in the same order (a toggle, an edit): swap only the changed lines.
            # Rebuilding the whole list costs a relayout of the screen; swapping prompts does not.
            for index, (old, new) in enumerate(zip(previous[0], todos)):
                if old != new:
                    options.replace_option_prompt_at_index(index, todo_line(new, partnership, session, today))
            return
        keep = self.selected_id()
        options.clear_options()
        options.add_options([Option(todo_line(t, partnership, session, today), id=t.id) for t in todos])
        if not todos:
            options.add_option(Option(Text("No to-dos yet. Press a to add one.", style="dim"), id="_empty", disabled=True))
            return
        ids = [t.id for t in todos]
        options.highlighted = ids.index(keep) if keep in ids else 0

    def selected_id(self) -> str | None:
        options = self.query_one(OptionList)
        index = options.highlighted
        if index is None or index >= options.option_count:
            return None
        option_id = options.get_option_at_index(index).id
        return None if option_id == "_empty" else option_id
