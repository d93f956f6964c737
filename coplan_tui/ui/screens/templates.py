"""Session templates: list the built-ins and the pair's own; copy one and edit the copy.

Built-ins are read-only. Every edit of a custom template is saved at once, so nothing is lost.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from ...domain.errors import DomainError
from ...domain.models import Session, SessionTemplate
from ...domain.template_edits import add_step, copy_template, move_step, remove_step, rename, replace_step
from ..messages import DataChanged
from ..text import lit, toast
from ..dialogs.confirm import confirm
from ..widgets.footer import CoplanFooter
from ..widgets.typed_screens import CoplanScreen
from .session_start import all_templates


def describe_template(t: SessionTemplate) -> Text:
    text = lit(t.name, "bold")
    text.append(f"\n{len(t.steps)} steps · {t.total_minutes} min · {'built-in, read-only' if t.builtin else 'yours'}\n", style="dim")
    if t.purpose:
        text.append(t.purpose + "\n")
    for i, step in enumerate(t.steps, 1):
        text.append(f"\n{i}. {step.title}", style="bold")
        text.append(f"  {step.minutes} min" + ("  · planning" if step.planning else ""), style="dim")
        for prompt in step.prompts:
            text.append(f"\n   • {prompt}")
        if step.outputs:
            text.append("\n   Leave with: " + "; ".join(step.outputs), style="italic")
    return text


class TemplatesScreen(CoplanScreen[None]):
    HELP = "Built-in templates are read-only: press c to copy one, then edit the copy. Your templates appear when you start a session."
    TITLE = "Session templates"
    BINDINGS = [
        Binding("escape", "back", "Back", id="templates.back"),
        Binding("c", "copy", "Copy", id="templates.copy", tooltip="Copy the template to edit it"),
        Binding("e", "edit", "Edit", id="templates.edit", tooltip="Edit your template"),
        Binding("d", "delete", "Delete", id="templates.delete", tooltip="Delete your template"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="templates-body"):
            yield OptionList(id="templates-list")
            with VerticalScroll(id="template-detail-box"):
                yield Static("", id="template-detail")
        yield CoplanFooter()

    def on_mount(self) -> None:
        self.refresh_data()
        self.query_one("#templates-list", OptionList).focus()

    def on_data_changed(self, _: DataChanged) -> None:
        self.refresh_data()

    def refresh_data(self, select: str | None = None) -> None:
        options = self.query_one("#templates-list", OptionList)
        keep = select or self._selected_id()
        self._templates = all_templates(self.app.db)
        options.clear_options()
        for t in self._templates:
            label = lit(t.name)
            label.append(f"  {t.total_minutes}m" + ("" if t.builtin else " · yours"), style="dim")
            options.add_option(Option(label, id=t.id))
        ids = [t.id for t in self._templates]
        options.highlighted = ids.index(keep) if keep in ids else 0
        self._show_detail()

    def _selected_id(self) -> str | None:
        options = self.query_one("#templates-list", OptionList)
        if options.highlighted is None or options.highlighted >= options.option_count:
            return None
        return options.get_option_at_index(options.highlighted).id

    def _selected(self) -> SessionTemplate | None:
        selected = self._selected_id()
        return next((t for t in self._templates if t.id == selected), None)

    def _show_detail(self) -> None:
        t = self._selected()
        self.query_one("#template-detail", Static).update(describe_template(t) if t else "")

    def on_option_list_option_highlighted(self, _: OptionList.OptionHighlighted) -> None:
        self._show_detail()

    def on_option_list_option_selected(self, _: OptionList.OptionSelected) -> None:
        self.action_edit()

    def action_copy(self) -> None:
        t = self._selected()
        if t is None:
            return
        copy = copy_template(t, {x.name for x in self._templates})
        self.app.save(copy)
        self._templates.append(copy)
        self.app.push_screen(TemplateEditorScreen(copy))

    def action_edit(self) -> None:
        t = self._selected()
        if t is None:
            return
        if t.builtin:
            toast(self, "Built-in templates are read-only. Press c to copy it and edit the copy.")
            return
        self.app.push_screen(TemplateEditorScreen(t))

    def action_delete(self) -> None:
        t = self._selected()
        if t is None or t.builtin:
            toast(self, "Only your own templates can be deleted.")
            return
        used = sum(1 for s in self.app.db.all(Session) if s.template.id == t.id)
        detail = f"Sessions keep their own copy of the steps ({used} used it)." if used else ""

        def delete() -> None:
            self.app.writer.delete(SessionTemplate, [t.id])

        confirm(self.app, f"Delete the template {t.name!r}?", detail, delete)

    def action_back(self) -> None:
        self.dismiss()


class TemplateEditorScreen(CoplanScreen[None]):
    HELP = (
        "Edit your template: a adds a step after the cursor, enter edits it, d deletes it, K and J (or shift+up/down) "
        "move it, r renames the template. Every change is saved at once."
    )
    TITLE = "Edit template"
    BINDINGS = [
        Binding("escape", "back", "Done", id="template_editor.back"),
        Binding("a", "add", "Add step", id="template_editor.add"),
        Binding("e", "edit", "Edit step", id="template_editor.edit"),
        Binding("d", "delete", "Delete step", id="template_editor.delete"),
        Binding("K,shift+up", "move(-1)", "Move up", key_display="K", id="template_editor.move_up"),
        Binding("J,shift+down", "move(1)", "Move down", key_display="J", id="template_editor.move_down"),
        Binding("r", "rename", "Rename", id="template_editor.rename"),
    ]

    def __init__(self, template: SessionTemplate):
        super().__init__()
        self.template = template

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="template-head")
        with Horizontal(id="templates-body"):
            yield OptionList(id="template-steps")
            with VerticalScroll(id="template-detail-box"):
                yield Static("", id="step-detail")
        yield CoplanFooter()

    def on_mount(self) -> None:
        self._show_template(0)
        self.query_one("#template-steps", OptionList).focus()

    def _index(self) -> int:
        highlighted = self.query_one("#template-steps", OptionList).highlighted
        return 0 if highlighted is None else highlighted

    def _show_template(self, index: int) -> None:
        t = self.template
        head = lit(t.name, "bold")
        head.append(f"  {len(t.steps)} steps · {t.total_minutes} min", style="dim")
        if t.purpose:
            head.append("\n" + t.purpose)
        self.query_one("#template-head", Static).update(head)
        options = self.query_one("#template-steps", OptionList)
        options.clear_options()
        for i, step in enumerate(t.steps, 1):
            label = lit(f"{i}. {step.title}")
            label.append(f"  {step.minutes}m" + (" · planning" if step.planning else ""), style="dim")
            options.add_option(Option(label))
        options.highlighted = max(0, min(index, len(t.steps) - 1))
        self._show_step()

    def _show_step(self) -> None:
        step = self.template.steps[self._index()]
        text = lit(step.title, "bold")
        text.append(f"\n{step.minutes} min" + (" · opens the lesson plan" if step.planning else ""), style="dim")
        text.append("\n\nPrompts:", style="bold")
        for prompt in step.prompts or ["(none)"]:
            text.append(f"\n • {prompt}")
        text.append("\n\nLeave with:", style="bold")
        for output in step.outputs or ["(nothing listed)"]:
            text.append(f"\n • {output}")
        self.query_one("#step-detail", Static).update(text)

    def on_option_list_option_highlighted(self, _: OptionList.OptionHighlighted) -> None:
        self._show_step()

    def on_option_list_option_selected(self, _: OptionList.OptionSelected) -> None:
        self.action_edit()

    def _apply(self, template: SessionTemplate, index: int) -> None:
        self.template = template
        self.app.save(template)
        self._show_template(index)

    def _try(self, edit, index_after) -> None:
        try:
            result = edit()
        except DomainError as e:
            toast(self, str(e), severity="warning")
            return
        self._apply(result, index_after)

    def action_add(self) -> None:
        from ..dialogs.step_dialog import StepDialog

        at = self._index() + 1

        def added(step) -> None:
            if step is not None:
                self._try(lambda: add_step(self.template, at, step), at)

        self.app.push_screen(StepDialog(None), added)

    def action_edit(self) -> None:
        from ..dialogs.step_dialog import StepDialog

        at = self._index()

        def edited(step) -> None:
            if step is not None:
                self._try(lambda: replace_step(self.template, at, step), at)

        self.app.push_screen(StepDialog(self.template.steps[at]), edited)

    def action_delete(self) -> None:
        at = self._index()
        title = self.template.steps[at].title
        confirm(self.app, f"Delete the step {title!r}?", "", lambda: self._try(lambda: remove_step(self.template, at), at))

    def action_move(self, delta: int) -> None:
        template, at = move_step(self.template, self._index(), delta)
        if template is not self.template:
            self._apply(template, at)

    def action_rename(self) -> None:
        from ..dialogs.plan_dialogs import FormDialog, FormField

        fields = [
            FormField("name", "Name", self.template.name),
            FormField("purpose", "Purpose", self.template.purpose, placeholder="What the session is for"),
        ]
        form = FormDialog("Rename the template", fields, lambda v: rename(self.template, v["name"], v["purpose"]))

        def renamed(template: SessionTemplate | None) -> None:
            if template is not None:
                self._apply(template, self._index())

        self.app.push_screen(form, renamed)

    def action_back(self) -> None:
        self.dismiss()
