"""The weeks ahead for one partnership: each meeting's kind and length, the rule that decides
the kind, and one key each to start, skip, move, or change the rule."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Header, Static

from ...domain.catalogue import RULE_CHOICES
from ...domain.errors import DomainError
from ...domain.models import Partnership, Schedule
from ...domain.schedule import Occurrence, change_meeting, coplans, describe_rule, occurrences, parse_move, with_rule
from ..dialogs.choice import ChoiceDialog
from ..dialogs.plan_dialogs import FormDialog, FormField
from ..messages import DataChanged
from ..text import lit, plain, toast
from ..widgets.footer import CoplanFooter
from ..widgets.typed_screens import CoplanScreen

WEEKS = 8


class ScheduleScreen(CoplanScreen[None]):
    HELP = (
        "The next eight weeks of coplanning meetings from the regular time. Each is big-picture, feedback on "
        "drafts, or regular, by the rule shown above the list, and takes that kind's length. S or enter starts the "
        "selected meeting's session with its kind's template; k skips it (or brings it back); v moves it; "
        "b and f change the rule."
    )
    BINDINGS = [
        Binding("s", "start", "Start this session", id="schedule.start", tooltip="start with this kind's template and length (or enter)"),
        Binding("k", "skip", "Skip / restore", id="schedule.skip", tooltip="skip the selected meeting, or bring it back"),
        Binding("v", "move", "Move", id="schedule.move", tooltip="move the selected meeting to another day or time"),
        Binding("b", "rule('big_picture')", "Big-picture rule", id="schedule.rule_big", tooltip="which meetings are big-picture"),
        Binding("f", "rule('feedback')", "Feedback rule", id="schedule.rule_feedback", tooltip="which meetings are for feedback on drafts"),
        Binding("escape", "back", "Back", id="schedule.back"),
    ]

    def __init__(self, partnership_id: str):
        super().__init__()
        self.partnership_id = partnership_id
        self._shown: list[Occurrence] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="schedule"):
            yield Static("", id="schedule-rule")
            yield DataTable(id="meetings", cursor_type="row", zebra_stripes=True)
        yield CoplanFooter()

    @property
    def partnership(self) -> Partnership | None:
        return self.app.db.get(Partnership, self.partnership_id)

    def on_mount(self) -> None:
        self.refresh_data()
        self.query_one("#meetings", DataTable).focus()

    def on_data_changed(self, _: DataChanged) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        p = self.partnership
        rule = self.query_one("#schedule-rule", Static)
        table = self.query_one("#meetings", DataTable)
        row = table.cursor_row
        was = self._selected() if table.row_count else None
        table.clear(columns=True)
        if p is None:
            rule.update(lit("This partnership no longer exists."))
            return
        self.title = plain(f"Schedule: {p.display_name}")
        if not coplans(p):
            rule.update(lit("Cooperation has no coplanning meetings: the teacher asks for resources and the librarian provides them (coplan requests). Change the level in the partnership form (e on Home) to meet again; the regular time is kept."))
            self._shown = []
            return
        if p.schedule is None:
            rule.update(lit("No regular time yet: set one in the partnership form (e on Home)."))
            self._shown = []
            return
        text = lit(f"Every {p.schedule.weekday.value.capitalize()} at {p.schedule.start_time:%H:%M}. The rule (b, f to change):\n", "bold")
        text.append_text(lit("\n".join(f"  {line}" for line in describe_rule(p.schedule))))
        rule.update(text)
        self._shown = occurrences(p, self.app.now(), WEEKS)
        table.add_columns("Date", "Time", "Kind", "Min", "")
        for o in self._shown:
            note = "skipped" if o.skipped else f"moved from {o.regular:%a %d %b %H:%M}" if o.moved else ""
            style = "dim strike" if o.skipped else ""
            table.add_row(
                lit(f"{o.start:%a %d %b %Y}", style), lit(f"{o.start:%H:%M}", style), lit(o.kind.label, style),
                lit(str(o.minutes), style), lit(note, "dim"), key=o.regular.date().isoformat(),
            )  # fmt: skip
        if self._shown:
            # The cursor stays on its meeting, which a move may have sorted elsewhere: the
            # next key acts on the meeting the user just changed, not on its old row's neighbour.
            keys = [o.regular for o in self._shown]
            row = keys.index(was.regular) if was is not None and was.regular in keys else row
            table.move_cursor(row=min(max(row, 0), len(self._shown) - 1))

    def _selected(self) -> Occurrence | None:
        table = self.query_one("#meetings", DataTable)
        if not self._shown or not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((o for o in self._shown if o.regular.date().isoformat() == key), None)

    def _save_schedule(self, schedule, message: str) -> None:
        p = self.partnership
        if p is None:
            return
        self.app.save(p.model_copy(update={"schedule": schedule}))
        self.refresh_data()
        toast(self, message)

    def action_start(self) -> None:
        o = self._selected()
        if o is None:
            return
        if o.skipped:
            toast(self, "That meeting is skipped: bring it back with k first.", severity="warning")
            return
        self.app.open_session(self.partnership_id, kind=o.kind)

    def on_data_table_row_selected(self, _: DataTable.RowSelected) -> None:
        self.action_start()

    def action_skip(self) -> None:
        o, p = self._selected(), self.partnership
        if o is None or p is None:
            return
        day = o.regular.date()
        if o.skipped and o.moved:
            said = f"The meeting of {day:%a %d %b} is back, on {o.start:%a %d %b %H:%M} as moved."
        elif o.skipped or o.moved:
            said = f"The meeting of {day:%a %d %b} is back at its regular time."
        else:
            said = f"Skipped the meeting of {day:%a %d %b}."
        try:
            self._save_schedule(change_meeting(p, day, self.app.now(), skip=not (o.skipped or o.moved)), said)
        except DomainError as e:
            toast(self, str(e), title="Not changed", severity="warning")

    def action_move(self) -> None:
        o, p = self._selected(), self.partnership
        if o is None or p is None or p.schedule is None:
            return
        day = o.regular.date()

        def build(values: dict[str, str]) -> tuple[datetime, Schedule]:
            now, current = self.app.now(), self.partnership  # as it is now, not when the dialog opened
            if current is None or current.schedule is None:
                raise DomainError("This partnership no longer has a regular time.")
            moved = parse_move(current.schedule, values["day"], values["time"], now.date())
            return moved, change_meeting(current, day, now, moved_to=moved)

        def done(result: tuple[datetime, Schedule] | None) -> None:
            if result is not None:
                moved, schedule = result
                self._save_schedule(schedule, f"Moved the meeting of {day:%a %d %b} to {moved:%a %d %b %H:%M}.")

        self.app.push_screen(
            FormDialog(
                f"Move the meeting of {day:%a %d %b}",
                [
                    FormField("day", "New date", o.start.date().isoformat(), placeholder="2026-12-03, thursday, +2d"),
                    FormField("time", "New time", f"{o.start:%H:%M}", placeholder="15:30"),
                ],
                build,
            ),
            done,
        )

    def action_rule(self, which: str) -> None:
        p = self.partnership
        if p is None or p.schedule is None:
            return
        schedule = p.schedule
        current = getattr(schedule.rule, which)
        choices = [(value, ("• " if value == current else "  ") + label) for value, label in RULE_CHOICES[which].items()]
        question = "Which meetings are big-picture?" if which == "big_picture" else "Which meetings are for feedback on drafts?"

        def done(value: str | None) -> None:
            if value is not None and value != current:
                changed = with_rule(schedule, **{which: value})
                self._save_schedule(changed, "The rule now says: " + "; ".join(describe_rule(changed)[:2]))

        self.app.push_screen(ChoiceDialog(question, choices), done)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("start", "skip", "move", "rule"):
            p = self.partnership
            return p is not None and p.schedule is not None and coplans(p)
        return True

    def action_back(self) -> None:
        self.dismiss(None)
