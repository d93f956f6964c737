"""PlanEditor: objectives, assessments and segments of one plan, with a live alignment check.

A widget, not a screen: the plan screen mounts it full size and the live session mounts it
beside a planning step (about 50 columns). It reads the store through ``app.store``, saves
through ``app.save`` and tells its host what happened with messages; it never reaches into
its parent. Hosts call ``reload()`` from their ``on_data_changed``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...domain import alignment
from ...domain.catalogue import Approach
from ...domain.models import Assessment, Lesson, LessonPlan, Objective, Partnership, Segment, Todo
from ...domain.dates import ACCEPTED, form_date
from ...domain.todo_rows import team_of
from ...domain.plan_comments import add_comment, comment_line, comments_on, for_feedback, set_resolved
from ...domain.plan_edits import copy_lesson, get_item, item_summary, move_item, put_item, remove_item, set_links, set_segment_links, suggested_todo_title
from ..dialogs.confirm import ConfirmScreen
from ..dialogs.choice import ChoiceDialog
from ..dialogs.plan_dialogs import ChecklistDialog, FormDialog, FormField
from ..dialogs.plan_forms import assessment_form, lesson_form, objective_form, plan_info_form, segment_form
from ..dialogs.todo_dialog import TodoDialog
from ..text import lit, toast
from ..widgets.plan_rows import Names, detail, header_line, item_line, section_line, shown_sections

if TYPE_CHECKING:
    from ..app import CoplanApp

WIDE = 100
"""At this width and more the detail pane sits beside the outline, not under it."""


OUTLINE = ".pe-outline"
"""The three lists in one keyboard OptionList: section headings, then their items."""
ALIGNMENT = ".pe-alignment"
"""The alignment warnings; enter on one jumps to the item it is about."""


class PlanEditor(Vertical):
    """Edit one lesson plan by keyboard. Posts Changed, TodoCreated and Missing upward."""

    DEFAULT_CLASSES = "plan-editor"
    if TYPE_CHECKING:

        @property
        def app(self) -> CoplanApp: ...  # type: ignore[override]  # (as in widgets/typed_screens.py)

    BINDINGS = [
        Binding("o", "add('objectives')", "Objective", tooltip="Add an objective: what students will know or do", id="plan.add_objective"),
        Binding("a", "add('assessments')", "Assessment", tooltip="Add an assessment after the cursor", id="plan.add_assessment"),
        Binding("s", "add('segments')", "Segment", tooltip="Add a learning task / segment after the cursor", id="plan.add_segment"),
        Binding("v", "add('lessons')", "Lesson", show=False, tooltip="Add a lesson to the unit", id="plan.add_lesson"),
        Binding("y", "copy_lesson", "Copy lesson", show=False, tooltip="Copy the lesson under the cursor with its segments", id="plan.copy_lesson"),
        Binding("e", "edit", "Edit item", show=False, id="plan.edit"),
        Binding("l", "link", "Link", tooltip="Link objectives to the item", id="plan.link"),
        Binding("p", "approach", "Approach", tooltip="Choose the segment's coteaching approach", id="plan.approach"),
        Binding("t", "todo", "To-do", tooltip="Make a to-do from the item", id="plan.todo"),
        Binding("m", "comment", "Comment", tooltip="Comment on the item (or the plan)", id="plan.comment"),
        Binding("r", "resolve", "Resolve comments", show=False, tooltip="Mark the item's comments resolved or open", id="plan.resolve"),
        Binding("f", "feedback", "For feedback", show=False, tooltip="Send the item (or the plan) to your partner for feedback by a date", id="plan.feedback"),
        Binding("d,delete", "delete", "Delete item", show=False, id="plan.delete"),
        Binding("shift+up,K", "move(-1)", "Move up", show=False, id="plan.move_up"),
        Binding("shift+down,J", "move(1)", "Move down", show=False, id="plan.move_down"),
        Binding("i", "details", "Plan details", id="plan.details"),
        Binding("w", "warnings", "Warnings", tooltip="Go to the alignment warnings; enter jumps to the item", id="plan.warnings"),
    ]

    plan: reactive[LessonPlan | None] = reactive(None, init=False, always_update=True)

    class Changed(Message):
        """The plan was edited (already queued for saving)."""

        def __init__(self, editor: PlanEditor, plan: LessonPlan, warnings: list[alignment.AlignmentWarning]):
            super().__init__()
            self.editor = editor
            self.plan = plan
            self.warnings = warnings

    class TodoCreated(Message):
        def __init__(self, editor: PlanEditor, todo: Todo):
            super().__init__()
            self.editor = editor
            self.todo = todo

    class Missing(Message):
        """The plan is not in the store (deleted elsewhere)."""

        def __init__(self, editor: PlanEditor, plan_id: str):
            super().__init__()
            self.editor = editor
            self.plan_id = plan_id

    def __init__(self, plan_id: str, *, id: str | None = None, classes: str | None = None):
        super().__init__(id=id, classes=classes)
        self.plan_id = plan_id
        self.partnership: Partnership | None = None
        self.warnings: list[alignment.AlignmentWarning] = []

    def compose(self) -> ComposeResult:
        yield Static("", classes="pe-header")
        with Horizontal(classes="pe-body"):
            yield OptionList(classes="pe-outline")
            with VerticalScroll(classes="pe-detail-box"):
                yield Static("", classes="pe-detail")
        yield Static("", classes="pe-alignment-title")
        yield OptionList(classes="pe-alignment")

    def on_mount(self) -> None:
        self._load()

    def on_resize(self) -> None:
        self.set_class(self.size.width >= WIDE, "wide")
        self.call_after_refresh(self._refit)

    def _refit(self) -> None:
        """Rows are fitted to the outline's width, so a new width means new rows."""
        if self.plan is not None and self.partnership is not None:
            self._render_outline(self.plan)

    # --- data -------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read the plan from the store (it shows our own edits at once, landed or not)."""
        if not self.is_mounted:
            return  # (not mounted yet: on_mount reads it once the outline exists)
        self._load()

    def _load(self) -> None:
        store = self.app.store
        plan = store.get(LessonPlan, self.plan_id) if store is not None else None
        if plan is None:
            self.query_one(".pe-header", Static).update(lit("This plan no longer exists.", "bold red"))
            self.post_message(self.Missing(self, self.plan_id))
            return
        self.partnership = store.get(Partnership, plan.partnership_id)
        self.plan = plan

    def watch_plan(self, plan: LessonPlan | None) -> None:
        if plan is None or self.partnership is None:
            return
        self.warnings = alignment.check(plan, self.partnership)
        self._render_outline(plan)
        self._render_alignment(plan)
        self._render_detail()

    def apply(self, plan: LessonPlan) -> None:
        """Show and save an edited plan; the host hears about it through Changed.

        A plan equal to the one shown (a form saved untouched) is not an edit: it keeps its
        ``updated_at`` and nothing is written."""
        if plan == self.plan:
            return
        plan = plan.model_copy(update={"updated_at": self.app.now()})
        self.plan = plan
        # On a failed save the app says so; the edit stays on screen and goes to disk with
        # the next save, so nothing typed is lost.
        self.app.save(plan)
        self.post_message(self.Changed(self, plan, self.warnings))

    # --- rendering --------------------------------------------------------------------

    def _render_outline(self, plan: LessonPlan) -> None:
        assert self.partnership is not None
        outline = self.query_one(OUTLINE, OptionList)
        keep = self.highlighted_id()
        flagged = {w.item_id for w in self.warnings if w.item_id}
        width = outline.scrollable_content_region.width or None
        names = Names(plan)
        options: list[Option] = []
        for name, title, key in shown_sections(plan):
            options.append(Option(section_line(plan, name, title, key), id=f"section-{name}"))
            for item in getattr(plan, name):
                options.append(Option(item_line(plan, item, self.partnership, item.id in flagged, width, names), id=item.id))
        self.query_one(".pe-header", Static).update(header_line(plan))
        outline.set_options(options)
        self.highlight(keep or "section-objectives", focus=False)

    def _render_alignment(self, plan: LessonPlan) -> None:
        panel = self.query_one(ALIGNMENT, OptionList)
        title = self.query_one(".pe-alignment-title", Static)
        if self.warnings:
            title.update(lit(f"Alignment: {len(self.warnings)} warning{'s' if len(self.warnings) != 1 else ''}  (w, then enter jumps)", "bold yellow"))
            panel.set_options(Option(lit("⚠ " + w.message), id=f"warning-{n}") for n, w in enumerate(self.warnings))
            panel.remove_class("clear")
        else:
            title.update(lit("Alignment: no warnings", "bold green"))
            panel.set_options([Option(lit("✓ " + alignment.all_clear_text(plan), "green"), id="all-clear")])
            panel.add_class("clear")

    def _render_detail(self) -> None:
        if self.plan is None or self.partnership is None:
            return
        item = self.current_item()
        self.query_one(".pe-detail", Static).update(detail(self.plan, item, self.partnership, self.warnings))

    @on(OptionList.OptionHighlighted, ".pe-outline")
    def _outline_moved(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._render_detail()

    # --- navigation -------------------------------------------------------------------

    def highlighted_id(self) -> str | None:
        outline = self.query_one(OUTLINE, OptionList)
        option = outline.highlighted_option
        return option.id if option is not None else None

    def current_item(self) -> Objective | Assessment | Segment | None:
        item_id = self.highlighted_id()
        return get_item(self.plan, item_id) if self.plan and item_id else None

    def current_section(self) -> str:
        item_id = self.highlighted_id() or ""
        if item_id.startswith("section-"):
            return item_id.removeprefix("section-")
        item = self.current_item()
        for cls, name in ((Objective, "objectives"), (Assessment, "assessments"), (Segment, "segments"), (Lesson, "lessons")):
            if isinstance(item, cls):
                return name
        return "objectives"

    def highlight(self, option_id: str, focus: bool = True) -> None:
        """Put the outline's cursor on an item or section (the jump-to-item of warnings)."""
        outline = self.query_one(OUTLINE, OptionList)
        try:
            outline.highlighted = outline.get_option_index(option_id)
        except Exception:
            outline.highlighted = 0 if outline.option_count else None
        if focus:
            outline.focus()
        self._render_detail()

    def jump_to(self, warning: alignment.AlignmentWarning) -> None:
        if warning.item_id:
            self.highlight(warning.item_id)
        elif warning.gap == alignment.Gap.NO_OBJECTIVES:
            self.highlight("section-objectives")
        else:
            self.highlight("section-segments")

    @on(OptionList.OptionSelected, ".pe-alignment")
    def _warning_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id.startswith("warning-"):
            self.jump_to(self.warnings[int(option_id.removeprefix("warning-"))])
        else:
            self.query_one(OUTLINE, OptionList).focus()

    @on(OptionList.OptionSelected, ".pe-outline")
    def _outline_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id.startswith("section-"):
            self.action_add(option_id.removeprefix("section-"))
        else:
            self.action_edit()

    def action_warnings(self) -> None:
        panel = self.query_one(ALIGNMENT, OptionList)
        if panel.highlighted is None and panel.option_count:
            panel.highlighted = 0
        panel.focus()

    # --- editing ----------------------------------------------------------------------

    def _form_for(self, name: str, item):
        assert self.partnership is not None
        if name == "objectives":
            return objective_form(item)
        if name == "assessments":
            return assessment_form(item, self.partnership)
        if name == "lessons":
            return lesson_form(item, self.app.today())
        here = self.current_item()
        lesson_id = here.id if isinstance(here, Lesson) else here.lesson_id if isinstance(here, Segment) else None
        return segment_form(item, self.partnership, self.plan.lessons if self.plan else [], lesson_id)

    def action_add(self, name: str) -> None:
        if self.plan is None:
            return
        if name == "lessons" and self.plan.kind != "unit":
            toast(self.app, "Only a unit has lessons: make this plan a unit in its details (i).", severity="warning", timeout=5)
            return
        current = self.current_item()
        after = current.id if current is not None and self.current_section() == name else None
        first = self.highlighted_id() == f"section-{name}"

        def added(item) -> None:
            if item is not None and self.plan is not None:
                self.apply(put_item(self.plan, item, after=after, first=first))
                self.highlight(item.id)

        self.app.push_screen(self._form_for(name, None), added)

    def action_edit(self) -> None:
        item = self.current_item()
        if item is None or self.plan is None:
            section = self.current_section()
            if (self.highlighted_id() or "").startswith("section-"):
                self.action_add(section)
            return

        def edited(new) -> None:
            if new is not None and self.plan is not None:
                self.apply(put_item(self.plan, new))

        self.app.push_screen(self._form_for(self.current_section(), item), edited)

    def action_link(self) -> None:
        item = self.current_item()
        plan = self.plan
        if plan is None or item is None or isinstance(item, Lesson):
            toast(self.app, "Put the cursor on an assessment, a segment or an objective to link it.", timeout=4)
            return
        o_names = alignment.objective_labels(plan)
        if isinstance(item, Objective):
            self._link_objective(plan, item)
            return
        choices = [(f"{o_names[o.id]} {o.text}", o.id, o.id in item.objective_ids) for o in plan.objectives]
        if isinstance(item, Segment):
            a_names = alignment.assessment_labels(plan)
            choices += [
                (f"{a_names[a.id]} {a.text} (given in this segment)", a.id, a.id in item.assessment_ids) for a in plan.assessments
            ]

        def linked(ids: list[str] | None) -> None:
            if ids is None or self.plan is None:
                return
            current = get_item(self.plan, item.id)
            if isinstance(current, Segment):
                self.apply(put_item(self.plan, set_segment_links(current, ids, self.plan)))
            elif isinstance(current, Assessment):
                self.apply(put_item(self.plan, set_links(current, ids, self.plan)))

        if isinstance(item, Assessment):
            title = "Which objectives does it measure?"
        else:
            title = "Which objectives does this task teach? (and which assessments are given in it)"
        self.app.push_screen(ChecklistDialog(title, choices, empty="No objectives yet: add one with o first."), linked)

    def _link_objective(self, plan: LessonPlan, objective: Objective) -> None:
        """From an objective: tick the assessments that measure it and the tasks that teach it."""
        a_names = alignment.assessment_labels(plan)
        s_names = alignment.segment_labels(plan)
        choices = [(f"{a_names[a.id]} {a.text}", a.id, objective.id in a.objective_ids) for a in plan.assessments]
        choices += [(f"{s_names[s.id]} {s.title}", s.id, objective.id in s.objective_ids) for s in plan.segments]

        def linked(ids: list[str] | None) -> None:
            if ids is None or self.plan is None:
                return
            chosen = set(ids)
            new = self.plan
            for other in [*new.assessments, *new.segments]:
                has = objective.id in other.objective_ids
                if (other.id in chosen) != has:
                    wanted = [o for o in other.objective_ids if o != objective.id] + ([objective.id] if not has else [])
                    new = put_item(new, set_links(other, wanted, new))
            self.apply(new)

        self.app.push_screen(
            ChecklistDialog("Which assessments measure it and which tasks teach it?", choices, empty="No assessments or tasks yet."),
            linked,
        )

    def action_approach(self) -> None:
        item = self.current_item()
        if not isinstance(item, Segment):
            toast(self.app, "An approach belongs to a segment: put the cursor on one.", timeout=4)
            return
        unset = "not-chosen"
        choices = [(a.value, a.label, a.description) for a in Approach] + [(unset, "Not chosen yet", "")]

        def chosen(value: str | None) -> None:
            if value is None or self.plan is None:
                return
            current = get_item(self.plan, item.id)
            if isinstance(current, Segment):
                approach = None if value == unset else Approach(value)
                self.apply(put_item(self.plan, current.model_copy(update={"approach": approach})))

        current = item.approach.value if item.approach else unset
        self.app.push_screen(ChoiceDialog(f"Coteaching approach for {item.title}", choices, current=current), chosen)

    def action_delete(self) -> None:
        item = self.current_item()
        if item is None or self.plan is None:
            return
        name = item.text if not isinstance(item, Segment) else item.title

        def answered(yes: bool | None) -> None:
            if yes and self.plan is not None:
                self.apply(remove_item(self.plan, item.id))

        self.app.push_screen(ConfirmScreen(f"Delete {name!r} and its links?"), answered)

    def action_move(self, delta: int) -> None:
        item = self.current_item()
        if item is not None and self.plan is not None:
            moved = move_item(self.plan, item.id, delta)
            if moved is not self.plan:
                self.apply(moved)
                self.highlight(item.id)

    def action_details(self) -> None:
        if self.plan is None:
            return

        def edited(update: dict | None) -> None:
            if update is not None and self.plan is not None:
                self.apply(LessonPlan.model_validate({**self.plan.model_dump(), **update}))

        self.app.push_screen(plan_info_form(self.plan, self.app.today()), edited)

    def action_copy_lesson(self) -> None:
        item = self.current_item()
        if self.plan is None or not isinstance(item, Lesson):
            toast(self.app, "Put the cursor on a lesson of the unit to copy it.", timeout=4)
            return
        plan, copy = copy_lesson(self.plan, item.id)
        self.apply(plan)
        self.highlight(copy.id)
        toast(self.app, f"Copied {item.title} with its segments.", timeout=4)

    def _members(self) -> list[tuple[str, str]]:
        assert self.partnership is not None
        return [(f"{m.name} ({self.partnership.owner_label(m.id)})", m.id) for m in self.partnership.members]

    def _me_and_partner(self) -> tuple[str, str]:
        """(the member at this terminal, the other one): a comment is from me, feedback goes to
        my partner. Who I am comes from --as, $COPLAN_USER or the name I gave; if it names no
        member, the first member writes and the last one is asked, as before."""
        assert self.partnership is not None
        ids = [m.id for m in self.partnership.members]
        me = team_of(self.partnership).resolve(self.app.user) if self.app.user else None
        if me not in ids:
            return ids[0], ids[-1]
        return me, next((i for i in ids if i != me), me)

    def action_comment(self) -> None:
        if self.plan is None or self.partnership is None:
            return
        item = self.current_item()
        item_id = item.id if item else None
        plan, partnership, now = self.plan, self.partnership, self.app.now()

        def build(v: dict[str, str]) -> LessonPlan:
            return add_comment(plan, partnership, item_id, v["author"], v["text"], now)

        what = item_summary(plan, item_id) if item_id else f"the plan {plan.title}"
        form = FormDialog(
            f"Comment on {what}"[:120],
            [FormField("author", "From", self._me_and_partner()[0], choices=self._members()), FormField("text", "Comment", "")],
            build,
        )
        self.app.push_screen(form, lambda new: self.apply(new) if new is not None else None)

    def action_resolve(self) -> None:
        if self.plan is None or self.partnership is None:
            return
        item = self.current_item()
        found = comments_on(self.plan, item.id if item else None)

        partnership = self.partnership

        def chosen(ticked: list[str] | None) -> None:
            if ticked is not None and self.plan is not None:
                self.apply(set_resolved(self.plan, set(ticked), {c.id for c in found}))

        self.app.push_screen(
            ChecklistDialog(
                "Tick the resolved comments",
                [(comment_line(c, partnership).split("] ", 1)[1], c.id, c.resolved) for c in found],
                empty="No comments here yet: m adds one.",
            ),
            chosen,
        )

    def action_feedback(self) -> None:
        if self.plan is None or self.partnership is None:
            return
        item = self.current_item()
        item_id = item.id if item else None
        plan, partnership = self.plan, self.partnership
        today, now = self.app.today(), self.app.now()

        def build(v: dict[str, str]) -> Todo:
            return for_feedback(plan, partnership, item_id, v["partner"], form_date(v, "by", today), now)

        members = self._members()
        form = FormDialog(
            "For feedback",
            [
                FormField("partner", "To", self._me_and_partner()[1], choices=members),
                FormField("by", "By", "", placeholder="friday, +3d, 2026-12-04", hint=ACCEPTED),
            ],
            build,
            note=f"Your partner gets a to-do to give feedback on {item_summary(plan, item_id) if item_id else 'the whole plan'}.",
        )

        def made(todo: Todo | None) -> None:
            if todo is None:
                return
            self.app.save(todo)
            who = partnership.owner_label(todo.owner)
            toast(self.app, f"To-do for {who}: {todo.title}", title="Sent for feedback", timeout=4)
            self.post_message(self.TodoCreated(self, todo))

        self.app.push_screen(form, made)

    def action_todo(self) -> None:
        if self.plan is None or self.partnership is None:
            return
        item = self.current_item()
        title = suggested_todo_title(self.plan, item.id if item else None)
        owner = item.designed_by if isinstance(item, Assessment) else None  # else the standing roles decide
        form = TodoDialog(
            self.partnership, self.app.today(), self.app.now(),
            title=title, owner=owner, plan_id=self.plan.id, heading="New to-do from the plan",
        )

        def made(todo: Todo | None) -> None:
            if todo is None:
                return
            self.app.save(todo)
            who = self.partnership.owner_label(todo.owner) if self.partnership else todo.owner
            toast(self.app, f"To-do for {who}: {todo.title}", title="To-do added", timeout=4)
            self.post_message(self.TodoCreated(self, todo))

        self.app.push_screen(form, made)
