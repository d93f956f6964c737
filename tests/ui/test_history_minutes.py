"""The minutes of a past session, exported from History and its summary, by key and palette."""

from __future__ import annotations

from coplan_tui.domain.models import LessonPlan
from coplan_tui.ui.app import CoplanApp
from coplan_tui.ui.screens.history import HistoryScreen, SessionSummaryScreen

from .helpers import settle, type_text


async def test_minutes_from_history_summary_and_palette(demo_store, clock, tmp_path):
    demo_store.set_setting("export_dir", str(tmp_path))
    plan = demo_store.all(LessonPlan)[0]
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("M")  # the newest session: the one that worked on the plan
        await settle(pilot)
        [first] = list(tmp_path.glob("coplan-minutes-*.md"))
        text = first.read_text()
        assert text.startswith("# Coplanning minutes:") and f"**Lesson plan:** {plan.title}" in text
        first.unlink()
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SessionSummaryScreen)
        await pilot.press("M")
        await settle(pilot)
        [second] = list(tmp_path.glob("coplan-minutes-*.md"))
        assert second.name != first.name and "## Reflection" in second.read_text()
        second.unlink()
        await pilot.press("ctrl+p")
        await settle(pilot)
        await type_text(pilot, "Export minutes")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert [p.name for p in tmp_path.glob("coplan-minutes-*.md")] == [second.name]
