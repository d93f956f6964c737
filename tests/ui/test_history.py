"""History: the list of past sessions, searching their notes, and the read-only summary."""

from __future__ import annotations

from textual.app import App
from textual.widgets import DataTable

from coplan_tui.domain.models import Partnership, Session, Todo
from coplan_tui.ui.app import CoplanApp
from coplan_tui.ui.screens.history import HistoryScreen, SessionSummaryScreen
from coplan_tui.ui.widgets.session_summary import SessionSummary

from .helpers import screen_text, settle, type_text


async def test_list_search_and_open_a_session(demo_store, clock):
    science = next(p for p in demo_store.all(Partnership) if p.phase)
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        table = app.screen.query_one("#sessions", DataTable)
        assert table.row_count == 8
        text = screen_text(app)
        # newest first: date, template, leader, minutes planned and run, to-dos made
        first = next(line for line in text.splitlines() if "16 Nov 2026" in line)
        assert first.split() == ["16", "Nov", "2026", "Weekly", "coplanning", "(60", "min)", "Jordan", "(TC)", "60", "63", "3"]
        await pilot.press("slash")
        await type_text(pilot, "groups of four")
        await settle(pilot)
        assert table.row_count == 1
        assert "1 session whose notes mention 'groups of four'" in screen_text(app)
        assert "Reflect on the last plan: Density lab ran long; groups of four" in screen_text(app)
        await pilot.press("enter", "enter")  # leave the box, open the match
        await settle(pilot)
        assert isinstance(app.screen, SessionSummaryScreen)
        summary = app.screen.query_one(SessionSummary)
        assert summary.session.day.isoformat() == "2026-11-09" and summary.partnership.id == science.id
        text = screen_text(app)
        assert "Led by Maria Alvarez (CT)" in text
        assert "[ ] Book the lab cart for Thursday" in text and "[x] Draft the density lab exit ticket" in text
        assert "no   Did we both talk about equally?" in text
        await pilot.press("escape", "slash", "escape")
        await settle(pilot)
        assert table.row_count == 8  # escape in the box clears the search first
        await pilot.press("a")  # every partnership's sessions, with a column naming the pair
        assert table.row_count == 10 and "Okafor & Nair" in screen_text(app)
        await pilot.press("a")
        assert table.row_count == 8
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "HomeScreen"


async def test_a_search_with_no_match_says_so(demo_store, clock):
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("h", "slash")
        await type_text(pilot, "[bold]zebra")
        await settle(pilot)
        assert app.screen.query_one("#sessions", DataTable).row_count == 0
        assert "0 sessions whose notes mention '[bold]zebra'" in screen_text(app)


async def test_the_summary_widget_needs_only_domain_objects(demo_store, clock):
    """The live session shows the same widget: any app can mount it with the documents."""
    p = next(x for x in demo_store.all(Partnership) if x.phase)
    session = max((s for s in demo_store.all(Session) if s.partnership_id == p.id), key=lambda s: s.day)

    class Host(App):
        def compose(self):
            yield SessionSummary(session, p, demo_store.all(Todo), clock())

    app = Host()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Led by Jordan Lee (TC)" in text and "To-dos made in this session (3)" in text
        assert "Total" in text and "Did we both share ideas" in text
