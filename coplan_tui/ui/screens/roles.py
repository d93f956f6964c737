"""The strengths & challenges inventory, and the standing roles the pair draws from it.

Each member lists short items, one per line. For every common task area the screen suggests
an owner from those lists and says why; the pair confirms (a: accept all) or changes each one
(space or enter cycles the owner). Confirmed roles become the default owner of new to-dos.
"""

from __future__ import annotations

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Header, Input, Static, TextArea

from ...domain.errors import describe
from ...domain.models import Partnership
from ...domain.roles import RoleSuggestion, standing_roles_from, suggest_roles
from ..text import clip, lit, plain, toast
from ..widgets.footer import CoplanFooter
from ..widgets.typed_screens import CoplanScreen


def items(text: str) -> list[str]:
    """One item per non-empty line, bullets and extra spaces dropped."""
    return [" ".join(line.strip().lstrip("-*•").split()) for line in text.splitlines() if line.strip().lstrip("-*•").strip()]


class RolesScreen(CoplanScreen[None]):
    HELP = (
        "List each member's strengths and challenges, one short item per line. coplan suggests an "
        "owner for each task area from them. Press a to accept every suggestion, space or enter on a "
        "row to change its owner, c to leave it to decide together. New to-dos whose title names an "
        "area go to its owner by default; you can always change a to-do's owner."
    )
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="roles.save", priority=True),
        Binding("a", "accept_all", "Accept suggestions", id="roles.accept_all"),
        Binding("space", "cycle", "Change owner", id="roles.cycle"),
        Binding("c", "clear", "Decide together", id="roles.clear"),
        Binding("plus", "add_area", "Add area", key_display="+", id="roles.add_area"),
        Binding("escape", "back", "Back", id="roles.back"),
    ]

    def __init__(self, partnership_id: str):
        super().__init__()
        self.partnership_id = partnership_id
        self.assigned: dict[str, str | None] = {}
        self.extra_areas: list[str] = []
        self.suggestions: list[RoleSuggestion] = []
        self.saved_state: tuple = ()

    @property
    def partnership(self) -> Partnership | None:
        return self.app.db.get(Partnership, self.partnership_id)

    def compose(self) -> ComposeResult:
        p = self.partnership
        yield Header()
        with Vertical(id="roles"):
            if p is None:
                yield Static(lit("This partnership no longer exists."), id="roles-missing")
                return
            with Horizontal(id="inventory"):
                for i, m in enumerate(p.members):
                    with Vertical(classes="member"):
                        yield Static(lit(f"{m.name} ({p.owner_label(m.id)})", "bold"))
                        yield Static(lit("Strengths, one per line"), classes="label")
                        yield TextArea("\n".join(m.strengths), id=f"strengths-{i}", classes="inventory")
                        yield Static(lit("Challenges, one per line"), classes="label")
                        yield TextArea("\n".join(m.challenges), id=f"challenges-{i}", classes="inventory")
            yield DataTable(id="areas", cursor_type="row", zebra_stripes=True)
            yield Input(placeholder="Add a task area (e.g. Lab cart) and press enter", id="new-area", compact=True)
            yield Static("", id="roles-error", classes="field-error")
        yield CoplanFooter()

    def on_mount(self) -> None:
        p = self.partnership
        if p is None:
            return
        self.title = plain(f"Strengths & roles: {p.display_name}")
        self.assigned = {r.area: r.member_id for r in p.standing_roles}
        table = self.query_one("#areas", DataTable)
        table.add_columns("Task area", "Owner", "Suggested", "Why")
        self.saved_state = self.state()
        self.refresh_table()
        self.query_one("#strengths-0", TextArea).focus()

    # --- state --------------------------------------------------------------------------

    def inventory(self) -> list[tuple[list[str], list[str]]]:
        p = self.partnership
        assert p is not None
        return [
            (items(self.query_one(f"#strengths-{i}", TextArea).text), items(self.query_one(f"#challenges-{i}", TextArea).text))
            for i in range(len(p.members))
        ]

    def draft(self) -> Partnership:
        """The partnership as the screen shows it (not validated: for suggestions only)."""
        p = self.partnership
        assert p is not None
        members = [
            m.model_copy(update={"strengths": s, "challenges": c}) for m, (s, c) in zip(p.members, self.inventory())
        ]
        return p.model_copy(update={"members": members})

    def state(self) -> tuple:
        return (self.inventory(), sorted((a, m or "") for a, m in self.assigned.items()))

    def refresh_table(self) -> None:
        draft = self.draft()
        self.suggestions = suggest_roles(draft, self.extra_areas + list(self.assigned))
        table = self.query_one("#areas", DataTable)
        row = table.cursor_row
        table.clear()
        for s in self.suggestions:
            owner = self.assigned.get(s.area)
            table.add_row(
                lit(clip(s.area, 24)),
                lit(draft.owner_label(owner) if owner else "together", "bold" if owner else "dim"),
                lit(draft.owner_label(s.member_id) if s.member_id else "—", "" if s.member_id else "dim"),
                lit(clip(s.reason, max(20, self.app.size.width - 56)), "dim"),
                key=s.area,
            )
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def on_text_area_changed(self, _: TextArea.Changed) -> None:
        self.refresh_table()

    def current_area(self) -> str | None:
        table = self.query_one("#areas", DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    # --- actions ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("cycle", "clear"):
            return isinstance(self.focused, DataTable)
        return True

    def action_accept_all(self) -> None:
        for s in self.suggestions:
            if s.member_id:
                self.assigned[s.area] = s.member_id
        self.refresh_table()
        toast(self, "Every suggestion is accepted. Change any row with space, then ctrl+s to save.")

    def action_cycle(self) -> None:
        area = self.current_area()
        if area is None:
            return
        ids: list[str | None] = [m.id for m in self.draft().members] + [None]
        current = self.assigned.get(area)
        self.assigned[area] = ids[(ids.index(current) + 1) % len(ids)] if current in ids else ids[0]
        self.refresh_table()

    def on_data_table_row_selected(self, _: DataTable.RowSelected) -> None:
        self.action_cycle()

    def action_clear(self) -> None:
        area = self.current_area()
        if area is not None:
            self.assigned[area] = None
            self.refresh_table()

    def action_add_area(self) -> None:
        self.query_one("#new-area", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        area = " ".join(event.value.split())
        if not area:
            return
        if area.lower() not in {s.area.lower() for s in self.suggestions}:
            self.extra_areas.append(area)
        event.input.value = ""
        self.refresh_table()
        table = self.query_one("#areas", DataTable)
        match = next(s.area for s in self.suggestions if s.area.lower() == area.lower())
        table.move_cursor(row=table.get_row_index(match))
        table.focus()

    def action_save(self) -> None:
        p = self.partnership
        if p is None:
            return
        draft = self.draft()
        try:
            updated = Partnership.model_validate(
                {**draft.model_dump(), "standing_roles": [r.model_dump() for r in standing_roles_from(self.assigned, draft)]}
            )
        except ValidationError as e:
            error = self.query_one("#roles-error", Static)
            error.update(lit(describe(e)))
            error.display = True
            toast(self, describe(e), title="Not saved", severity="error")
            return
        self.query_one("#roles-error", Static).display = False

        if self.app.save(updated):
            self.saved_state = self.state()
            count = len(updated.standing_roles)
            toast(self, f"Saved the inventory and {count} standing role{'s' if count != 1 else ''}.", title="Saved")
            self.dismiss(None)

    def action_back(self) -> None:
        if self.partnership is None or self.state() == self.saved_state:
            self.dismiss(None)
            return
        from ..dialogs.confirm import confirm

        confirm(self.app, "Discard your changes?", "The inventory and roles are not saved yet.", lambda: self.dismiss(None))
