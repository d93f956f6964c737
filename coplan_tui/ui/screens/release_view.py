"""The release of responsibility: the plan against what happened, week by week.

Says plainly whether the pair is ahead of, on, or behind the plan, who should lead the next
session and why (the same rule the live session uses), and which coteaching approaches the
lesson segments have used so far against those the current stage expects.
"""

from __future__ import annotations

from datetime import date

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from ...domain.catalogue import Approach, Phase
from ...domain.models import LessonPlan, Partnership, Session
from ...domain.release import (
    advise,
    approaches_planned,
    last_held,
    release_plan,
    stage_on,
    tc_included_per_stage,
    weekly_progress,
)
from ...domain.schedule import describe_next
from ..messages import DataChanged
from ..text import lit, plain
from ..widgets.release_chart import STATUS_STYLE, ReleaseChart
from ..widgets.footer import CoplanFooter
from ..widgets.typed_screens import CoplanScreen


def stages_table(p: Partnership, today: date, included: dict[str, int] | None = None) -> Table:
    """The plan's stages; in CP I also how often the TC was included in planning per stage."""
    current = stage_on(p, today)
    table = Table(box=None, padding=(0, 1), header_style="bold", expand=True)
    table.add_column("Stage", no_wrap=True)
    table.add_column("Dates", no_wrap=True)
    table.add_column("Leads", no_wrap=True)
    table.add_column("TC-led", no_wrap=True, justify="right")
    if included is not None:
        table.add_column("TC in planning", no_wrap=True, justify="right")
    table.add_column("Approaches expected", ratio=1)
    for s in release_plan(p):
        style = "bold" if s == current else ""
        cells = [
            lit(("▸ " if s == current else "  ") + s.label, style),
            lit(f"{s.start:%d %b} – {s.end:%d %b}", style),
            lit(s.leader, style),
            lit(f"{s.tc_share_min}–{s.tc_share_max}%", style),
            lit(", ".join(a.label for a in s.approaches) or "—", style),
        ]
        if included is not None:
            cells.insert(4, lit(str(included.get(s.label, 0)) if s.start <= today else "", style))
        table.add_row(*cells)
    return table


def approaches_table(p: Partnership, plans: list[LessonPlan], today: date) -> Table:
    counts = approaches_planned(plans, p.id)
    stage = stage_on(p, today)
    expected = set(stage.approaches) if stage else set()
    table = Table(box=None, padding=(0, 1), header_style="bold", expand=True)
    table.add_column("Approach", no_wrap=True)
    table.add_column("Segments", justify="right", no_wrap=True)
    table.add_column(f"Expected in {stage.label}" if stage else "Expected now", no_wrap=True)
    for a in Approach:
        n = counts.get(a, 0)
        if a in expected:
            note = lit("expected" if n else "expected, not planned yet", "green" if n else "yellow")
        else:
            note = lit("not in this stage" if n else "", "dim")
        table.add_row(lit(a.label, "" if n or a in expected else "dim"), lit(str(n) if n else "–"), note)
    return table


class ReleaseScreen(CoplanScreen[None]):
    HELP = (
        "The gradual release of responsibility. Each chart row is a week: ░ is the planned range of "
        "TC-led sessions, █ the share of the stage's sessions the TC led so far, as of that week's end. Press e to edit the plan."
    )
    BINDINGS = [
        Binding("e", "edit_plan", "Edit plan", id="release.edit_plan"),
        Binding("escape", "back", "Back", id="release.back"),
    ]

    def __init__(self, partnership_id: str):
        super().__init__()
        self.partnership_id = partnership_id
        self.closing = False

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="release"):
            yield Static("", id="release-status")
            yield Static("", id="release-next")
            yield Static(lit("Week by week", "bold"), classes="section-title")
            yield ReleaseChart([], self.app.today(), id="release-chart")
            yield Static(lit("The plan", "bold"), classes="section-title")
            yield Static("", id="release-stages")
            yield Static(lit("Coteaching approaches in lesson segments so far", "bold"), classes="section-title")
            yield Static("", id="release-approaches")
        yield CoplanFooter()

    def on_mount(self) -> None:
        self.refresh_data()

    def on_data_changed(self, _: DataChanged) -> None:
        self.refresh_data()

    def on_screen_resume(self) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        store = self.app.db
        p = store.get(Partnership, self.partnership_id)
        if p is None:  # deleted, perhaps by another window
            self.call_after_refresh(self.leave)
            return
        now = self.app.now()
        today = now.date()
        sessions = [s for s in store.all(Session) if s.partnership_id == p.id]
        self.title = plain(f"Release: {p.display_name}")
        suggestion = advise(p, sessions, now)
        self.query_one("#release-status", Static).update(lit(suggestion.sentence, STATUS_STYLE.get(suggestion.state, "bold")))
        leader = p.member(suggestion.member_id) if suggestion.member_id else None
        nxt = Text()
        nxt.append_text(lit(f"Next session ({describe_next(p, now, last_held(p, sessions, now))}): "))
        nxt.append_text(lit(f"{leader.name} ({p.owner_label(leader.id)}) leads." if leader else "no leader suggested.", "bold"))
        nxt.append_text(lit(f"\n{suggestion.reason}", "dim"))
        self.query_one("#release-next", Static).update(nxt)
        self.query_one(ReleaseChart).show(weekly_progress(p, sessions, now), today)
        has_plan = bool(release_plan(p))
        included = tc_included_per_stage(p, sessions, store.all(LessonPlan), now) if p.phase == Phase.CP1 else None
        self.query_one("#release-stages", Static).update(
            stages_table(p, today, included) if has_plan else lit("No plan: a CT/TC pair with a phase and placement dates gets one.", "dim")
        )
        self.query_one("#release-approaches", Static).update(approaches_table(p, store.all(LessonPlan), today))

    def action_edit_plan(self) -> None:
        from .release_plan import ReleasePlanScreen

        self.app.push_screen(ReleasePlanScreen(self.partnership_id))

    def leave(self) -> None:
        """Close once, and only while on top: a DataChanged and a resume may both ask."""
        if self.app.screen is self and not self.closing:
            self.closing = True
            self.dismiss(None)

    def action_back(self) -> None:
        self.dismiss(None)
