"""Create or edit a partnership: every field of the model, checked inline, saved whole or not at all.

The rules live in ``domain.partnership_form``; this screen only gathers text and shows the
messages under the fields they belong to. After a first failed save every change re-checks,
so a message disappears as soon as the field is right.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Header, Input, Select, Static

from ...domain.catalogue import Level, Phase, Role
from ...domain.dates import ACCEPTED
from ...domain.levels import level_changes
from ...domain.models import Partnership, Weekday
from ...domain.partnership_form import BLANK, FIELDS, FormErrors, build, fields_of
from ..text import lit, plain, toast
from ..widgets.footer import CoplanFooter
from ..widgets.typed_screens import CoplanScreen

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

LABELS = {
    "name": "Partnership name (optional)",
    "m1_name": "First member's name", "m1_role": "Role",
    "m2_name": "Second member's name", "m2_role": "Role",
    "school": "School", "subject": "Subject", "grade": "Grade",
    "phase": "Placement phase",
    "start": "Placement starts", "end": "Placement ends",
    "level": "Partnership level", "lead": "Who leads (coordination has one lead)",
    "weekday": "Regular day", "time": "Time",
    "minutes": "Regular min", "big_minutes": "Big-picture min", "feedback_minutes": "Feedback min",
    "mode": "Meeting", "platform": "Video platform",
    "location": "Room (in person)", "link": "Meeting link (video)",
    "library_part": "Coordination: the library's part", "aligns_with": "Aligns with (class topic or objective)",
}  # fmt: skip


def _field(name: str, widget: Widget, classes: str = "") -> Vertical:
    """A label, the input, and the line its error message appears on."""
    return Vertical(
        Static(lit(LABELS[name]), classes="label"),
        widget,
        Static("", id=f"{name}-error", classes="field-error"),
        classes=f"field {classes}".strip(),
        id=f"{name}-field",
    )


def _select(name: str, options: list[tuple[str, str]]) -> Select:
    return Select([(lit(label), value) for label, value in options], allow_blank=False, id=f"f-{name}", compact=True)


def lead_options(first: str, second: str) -> list[tuple[str, str]]:
    """The lead picker's choices, named after what the name fields say now."""
    return [
        ("Choose who leads", ""),
        (f"First member: {first.strip() or '(no name yet)'}", "m1"),
        (f"Second member: {second.strip() or '(no name yet)'}", "m2"),
    ]


def _input(name: str, placeholder: str = "") -> Input:
    return Input(placeholder=placeholder, id=f"f-{name}", compact=True)


class PartnershipFormScreen(CoplanScreen[None]):
    HELP = (
        "Everything about the partnership: who you are, the placement, how closely you work "
        f"together, and your regular meeting. Dates accept {ACCEPTED}. Tab moves between fields; "
        "ctrl+s saves when every field is right."
    )
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="form.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
    ]

    def __init__(self, partnership_id: str | None):
        super().__init__()
        self.partnership_id = partnership_id
        self.checked = False
        self.initial: dict[str, str] = {}
        self.shown: dict[str, str] = {}
        """Field -> the error message on screen now."""

    @property
    def existing(self) -> Partnership | None:
        if self.partnership_id is None:
            return None
        return self.app.db.get(Partnership, self.partnership_id)

    def compose(self) -> ComposeResult:
        roles = [(r.label, r.value) for r in Role]
        date_hint = "YYYY-MM-DD, today, +2w"
        yield Header()
        with VerticalScroll(id="form"):
            yield _field("name", _input("name", "e.g. Alvarez & Lee: 7th grade science"))
            yield Static(lit("Members", "bold"), classes="section-title")
            yield Horizontal(_field("m1_name", _input("m1_name"), "wide"), _field("m1_role", _select("m1_role", roles)), classes="row")
            yield Horizontal(_field("m2_name", _input("m2_name"), "wide"), _field("m2_role", _select("m2_role", roles)), classes="row")
            yield Static(lit("Context", "bold"), classes="section-title")
            yield Horizontal(
                _field("school", _input("school"), "wide"), _field("subject", _input("subject")), _field("grade", _input("grade")), classes="row"
            )
            yield Static(lit("Placement", "bold"), classes="section-title")
            phases = [("No placement (peers)", "")] + [(p.label, p.value) for p in Phase]
            yield Horizontal(
                _field("phase", _select("phase", phases)),
                _field("start", _input("start", date_hint)),
                _field("end", _input("end", date_hint)),
                classes="row",
            )
            yield _field("level", _select("level", [(f"{lv.label}: {lv.description}", lv.value) for lv in Level]))
            yield _field("lead", _select("lead", lead_options("", "")))
            yield Static(lit("Regular schedule", "bold"), classes="section-title")
            days = [("No regular time", "")] + [(WEEKDAY_NAMES[d.index], d.value) for d in Weekday]
            yield Horizontal(
                _field("weekday", _select("weekday", days), "wide"),
                _field("time", _input("time", "15:30")),
                _field("minutes", _input("minutes")),
                _field("big_minutes", _input("big_minutes")),
                _field("feedback_minutes", _input("feedback_minutes")),
                classes="row",
            )
            modes = [("In person", "in_person"), ("Video call", "virtual")]
            yield Horizontal(_field("mode", _select("mode", modes)), _field("platform", _input("platform", "e.g. Zoom"), "wide"), classes="row")
            yield Horizontal(
                _field("location", _input("location", "e.g. Library, room 4"), "wide"),
                _field("link", _input("link", "https://…"), "wide"),
                classes="row",
            )
            yield Static(lit("At coordination", "bold"), classes="section-title")
            parts = [("Aligns with a class topic", "aligns"), ("An extra pair of hands", "extra_hands")]
            yield Horizontal(
                _field("library_part", _select("library_part", parts)),
                _field("aligns_with", _input("aligns_with", "e.g. the water cycle; evaluating sources"), "wide"),
                classes="row",
            )
            yield Static("", id="form-error", classes="field-error")
            with Horizontal(id="form-buttons"):
                yield Button("Save (ctrl+s)", id="save", variant="primary")
                yield Button("Cancel (esc)", id="cancel")
        yield CoplanFooter()

    def on_mount(self) -> None:
        existing = self.existing
        self.title = plain(f"Edit {existing.display_name}") if existing else "New partnership"
        self.initial = fields_of(existing) if existing else dict(BLANK)
        self.fill(self.initial)
        self.show_lead()
        self.query_one("#f-m1_name" if existing is None else "#f-name", Input).focus()

    # --- the fields as text -------------------------------------------------------------

    def fill(self, values: dict[str, str]) -> None:
        for name in FIELDS:
            value = values.get(name, "")
            self.query_one(f"#f-{name}").value = value  # type: ignore[attr-defined]

    def values(self) -> dict[str, str]:
        out = {}
        for name in FIELDS:
            widget = self.query_one(f"#f-{name}")
            if isinstance(widget, Select):
                out[name] = "" if widget.value is Select.NULL else str(widget.value)
            else:
                out[name] = widget.value  # type: ignore[attr-defined]
        return out

    @property
    def dirty(self) -> bool:
        return self.values() != {k: self.initial.get(k, "") for k in FIELDS}

    # --- checking -----------------------------------------------------------------------

    def show_errors(self, errors: dict[str, str]) -> None:
        """Put each message under its field; touch only the fields whose message changed."""
        for name in ("", *FIELDS):
            message = errors.get(name, "")
            if self.shown.get(name, "") == message:
                continue
            self.shown[name] = message
            label = self.query_one(f"#{name}-error" if name else "#form-error", Static)
            label.update(lit(message))
            label.display = bool(message)
            if name:
                self.query_one(f"#{name}-field").set_class(bool(message), "-invalid")

    def check(self) -> Partnership | None:
        app = self.app
        try:
            p = build(self.values(), app.today(), self.existing, now=app.now())
        except FormErrors as e:
            self.show_errors(e.errors)
            return None
        self.show_errors({})
        return p

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id in ("f-m1_name", "f-m2_name"):
            self.name_leads()
        if self.checked:
            self.check()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "f-level":
            self.show_lead()
        if self.checked:
            self.check()

    def show_lead(self) -> None:
        """The lead picker shows only for coordination: collaboration follows the release plan or rotates."""
        self.query_one("#lead-field").display = self.query_one("#f-level", Select).value == Level.COORDINATION.value

    def name_leads(self) -> None:
        lead = self.query_one("#f-lead", Select)
        value = lead.value
        lead.set_options([(lit(label), v) for label, v in lead_options(self.query_one("#f-m1_name", Input).value, self.query_one("#f-m2_name", Input).value)])
        lead.value = value

    # --- actions ------------------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        self.checked = True
        p = self.check()
        if p is None:
            first = next((n for n in FIELDS if self.shown.get(n)), None)
            if first:
                self.query_one(f"#f-{first}").focus()
            toast(self, "Some fields need fixing; nothing was saved.", title="Not saved", severity="warning")
            return
        existing = self.existing
        new = existing is None
        kept_plan = bool(
            existing
            and existing.release_plan
            and (existing.phase, existing.placement_start, existing.placement_end)
            != (p.phase, p.placement_start, p.placement_end)
        )

        if not self.app.save(p):
            return  # the app already said why; the form stays open with the user's text
        self.initial = self.values()
        if kept_plan:
            toast(self, "Your edited release plan was kept; reset it in the release plan (r, then e) to match the new dates.")
        if new:
            from .roles import RolesScreen

            toast(self, f"Saved {p.display_name}. Next: your strengths and standing roles.", title="Saved")
            self.app.switch_screen(RolesScreen(p.id))
        else:
            changes = level_changes(existing, p)
            if changes:
                toast(self, " ".join(changes), title=f"Saved {p.display_name}", timeout=12)
            else:
                toast(self, f"Saved {p.display_name}.", title="Saved")
            self.dismiss(None)

    def action_cancel(self) -> None:
        if not self.dirty:
            self.dismiss(None)
            return
        from ..dialogs.confirm import confirm

        confirm(self.app, "Discard your changes?", "Nothing on this form has been saved.", lambda: self.dismiss(None))
