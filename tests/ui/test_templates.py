"""Copy a built-in template and edit the copy by keys; the start screen offers it."""

from __future__ import annotations

from coplan_tui.domain.models import SessionTemplate
from coplan_tui.ui.app import CoplanApp
from coplan_tui.ui.screens.templates import TemplateEditorScreen, TemplatesScreen

from .helpers import screen_text, settle, type_text
from .session_driver import wait_for_focus


async def test_copy_and_edit_a_template(demo_store, clock):
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, TemplatesScreen)
        await pilot.press("e")  # built-ins are read-only
        await settle(pilot)
        assert isinstance(app.screen, TemplatesScreen)
        await pilot.press("down", "down", "down", "c")  # copy the quick check-in
        await settle(pilot)
        assert isinstance(app.screen, TemplateEditorScreen)
        (copy,) = demo_store.all(SessionTemplate)
        assert copy.name == "Quick check-in (15 min) (copy)" and not copy.builtin

        await pilot.press("a")
        await wait_for_focus(pilot, "step-title-input")
        await type_text(pilot, "Celebrations")
        await pilot.press("tab", "backspace", "3", "tab")
        await type_text(pilot, "What went well this week?")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("K")  # move the new step up to first place
        await settle(pilot)
        (copy,) = demo_store.all(SessionTemplate)
        assert [s.title for s in copy.steps] == ["Celebrations", "Content", "Instruction", "Removing barriers"]
        assert copy.steps[0].minutes == 3 and copy.steps[0].prompts == ["What went well this week?"]
        assert copy.total_minutes == 18

        # a bad value is refused with a message, and nothing changes
        await pilot.press("enter")
        await wait_for_focus(pilot, "step-title-input")
        await pilot.press("tab", "backspace", "ctrl+s")
        await settle(pilot)
        assert "must be between 1 and 240" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("down", "d", "y")  # delete "Content"
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "Our Monday check-in")
        await pilot.press("ctrl+s")
        await settle(pilot)
        (copy,) = demo_store.all(SessionTemplate)
        assert copy.name == "Our Monday check-in"
        assert [s.title for s in copy.steps] == ["Celebrations", "Instruction", "Removing barriers"]
        await pilot.press("escape")
        await settle(pilot)
        assert "Our Monday check-in" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        app.open_session(partnership_query="lee")
        await settle(pilot)
        assert "Our Monday check-in" in screen_text(app) and "custom" in screen_text(app)
