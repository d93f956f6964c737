"""Pick the partnership, the template and who leads, then start. Enter moves on."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Input, OptionList, RadioSet, Static
from textual.widgets.option_list import Option

from ...domain.matching import match_partnerships, match_templates
from ...domain.models import Partnership, Session, SessionKind, SessionTemplate
from ...domain.release import advise
from ...domain.templates import BUILTIN_TEMPLATES, default_template_for, fitted
from ..text import lit, toast
from ..widgets.choice_set import ChoiceSet
from ..widgets.marks import Choice
from ..widgets.footer import CoplanFooter
from ..widgets.typed_screens import CoplanScreen


class LeaderPicker(ChoiceSet):
    """Arrows choose the leader; enter starts the session with them."""

    BINDINGS = [Binding("enter", "submit", "Start with this leader", id="start.choose_leader")]


def all_templates(store) -> list[SessionTemplate]:
    custom = sorted(store.all(SessionTemplate), key=lambda t: t.name.lower())
    return [*custom, *BUILTIN_TEMPLATES]  # the pair's own first: they made them to use them


class StartSessionScreen(CoplanScreen[None]):
    HELP = (
        "Choose the partnership, then the session template, then who leads. The suggested leader follows the "
        "gradual release of responsibility for the placement's phase and date; you can change it. "
        "Enter moves to the next choice and, on the leader, starts the session."
    )
    BINDINGS = [
        Binding("escape", "cancel", "Back", id="start.cancel"),
        Binding("ctrl+s", "start", "Start session", id="start.start"),
    ]

    def __init__(
        self,
        partnership_query: str | None = None,
        template_query: str | None = None,
        partnership_id: str | None = None,
        kind: SessionKind | None = None,
    ):
        super().__init__()
        self.kind = kind
        """From the schedule: that kind's template, fitted to its length, comes first."""
        self.partnership_query = partnership_query
        self.template_query = template_query
        self.partnership_id = partnership_id
        self._leaders: list[str] = []
        self._template_chosen = False
        """Once the user picks a template, changing partnership no longer resets it."""
        self._starting = False

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="start"):
            yield Static(lit("Start a coplanning session", "bold"), id="start-title")
            yield Static(lit("1. Partnership"), classes="section-title")
            yield Input(placeholder="type to filter partnerships", id="start-filter")
            yield OptionList(id="start-partnerships")
            yield Static(lit("2. Session template"), classes="section-title")
            yield OptionList(id="start-templates")
            yield Static(lit("3. Who leads?"), classes="section-title")
            yield LeaderPicker(id="start-leader")
            yield Static("", id="start-reason")
        yield CoplanFooter()

    def on_mount(self) -> None:
        store = self.app.db
        self._partnerships = sorted(store.all(Partnership), key=lambda p: p.display_name.lower())
        self._templates = all_templates(store)
        scheduled = self._scheduled_template(store)
        if scheduled is not None:
            self._templates = [scheduled, *(t for t in self._templates if t.id != scheduled.id)]
            self._template_chosen = True
        filt = self.query_one("#start-filter", Input)
        if self.partnership_id:
            filt.display = False
            self._fill_partnerships([p for p in self._partnerships if p.id == self.partnership_id])
        else:
            found = match_partnerships(self._partnerships, self.partnership_query)
            if self.partnership_query and not found:
                toast(self, f"No partnership matches {self.partnership_query!r}: pick one.")
                found = self._partnerships
            else:
                filt.value = self.partnership_query or ""
            self._fill_partnerships(found)
        matches = match_templates(self._templates, self.template_query)
        if self.template_query and not matches:
            toast(self, f"No template matches {self.template_query!r}: pick one.")
        self._fill_templates(matches if matches else self._templates, preselect=len(matches) == 1)
        if len(self.query_one("#start-partnerships", OptionList).options) == 1 and self._partnerships:
            self.query_one("#start-templates", OptionList).focus()
            if len(matches) == 1 and self.template_query:
                self.query_one("#start-leader", RadioSet).focus()
        else:
            (filt if filt.display else self.query_one("#start-partnerships", OptionList)).focus()
        self._update_leaders()

    def _scheduled_template(self, store) -> SessionTemplate | None:
        p = store.get(Partnership, self.partnership_id) if self.partnership_id else None
        if self.kind is None or p is None or p.schedule is None:
            return None
        return fitted(default_template_for(p, self.kind), p.schedule.minutes_for(self.kind))

    def _fill_partnerships(self, partnerships: list[Partnership]) -> None:
        options = self.query_one("#start-partnerships", OptionList)
        options.clear_options()
        for p in partnerships:
            label = lit(p.display_name)
            label.append(f"  {p.phase.label if p.phase else 'peers'} · {p.level.label}", style="dim")
            options.add_option(Option(label, id=p.id))
        if not partnerships:
            options.add_option(Option(Text("No partnership matches.", style="dim"), id="_none", disabled=True))
        else:
            options.highlighted = 0

    def _fill_templates(self, templates: list[SessionTemplate], preselect: bool) -> None:
        options = self.query_one("#start-templates", OptionList)
        options.clear_options()
        for t in templates:
            label = lit(t.name)
            label.append(f"  {len(t.steps)} steps · {t.total_minutes} min" + ("" if t.builtin else " · custom"), style="dim")
            options.add_option(Option(label, id=t.id))
        options.highlighted = 0

    def _partnership(self) -> Partnership | None:
        options = self.query_one("#start-partnerships", OptionList)
        if options.highlighted is None:
            return None
        pid = options.get_option_at_index(options.highlighted).id
        return next((p for p in self._partnerships if p.id == pid), None)

    def _template(self) -> SessionTemplate | None:
        options = self.query_one("#start-templates", OptionList)
        if options.highlighted is None:
            return None
        tid = options.get_option_at_index(options.highlighted).id
        return next((t for t in self._templates if t.id == tid), None)

    def _update_leaders(self) -> None:
        p = self._partnership()
        radio = self.query_one("#start-leader", LeaderPicker)
        reason = self.query_one("#start-reason", Static)
        if p is None:
            self._leaders = []
            reason.update("")
            self.run_worker(partial(radio.set_choices, []), group="leaders", exclusive=True, exit_on_error=False)
            return
        sessions = [s for s in self.app.db.all(Session) if s.partnership_id == p.id]
        suggestion = advise(p, sessions, self.app.now())
        self._leaders = [m.id for m in p.members]
        buttons = [Choice(lit(f"{m.name} ({p.owner_label(m.id)})"), value=m.id == suggestion.member_id) for m in p.members]
        self.run_worker(partial(radio.set_choices, buttons), group="leaders", exclusive=True, exit_on_error=False)
        reason.update(lit(("Suggested: " if suggestion.member_id else "") + suggestion.reason, "dim"))
        if self.template_query is None and not self._template_chosen:
            default = default_template_for(p)
            ids = [t.id for t in self._templates]
            if default.id in ids:
                self.query_one("#start-templates", OptionList).highlighted = ids.index(default.id)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill_partnerships(match_partnerships(self._partnerships, event.value))
        self._update_leaders()

    def on_input_submitted(self, _: Input.Submitted) -> None:
        self.query_one("#start-partnerships", OptionList).focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "start-partnerships":
            self._update_leaders()
        elif event.option_list.id == "start-templates" and event.option_list.has_focus:
            self._template_chosen = True

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "start-partnerships":
            self.query_one("#start-templates", OptionList).focus()
        elif event.option_list.id == "start-templates":
            self._template_chosen = True
            self.query_one("#start-leader", RadioSet).focus()

    def on_choice_set_submitted(self, _: ChoiceSet.Submitted) -> None:
        self.action_start()

    def action_start(self) -> None:
        if self._starting:
            return  # a second enter while the first session is being saved must not make another
        p, t = self._partnership(), self._template()
        if p is None or t is None:
            toast(self, "Choose a partnership and a template first.", severity="warning")
            return
        index = self.query_one("#start-leader", LeaderPicker).chosen_index()
        leader = self._leaders[index] if 0 <= index < len(self._leaders) else None
        now = self.app.now()
        session = Session(partnership_id=p.id, template=t, leader_id=leader, day=now.date(), created_at=now)
        from .session import SessionScreen

        if self.app.save(session):  # (the store shows it at once)
            self._starting = True
            self.app.switch_screen(SessionScreen(session.id))

    def action_cancel(self) -> None:
        self.dismiss()
