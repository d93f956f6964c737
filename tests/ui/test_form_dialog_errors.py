"""FormDialog (every small form: plan items, lessons, the schedule's move): an error names the
field as the form labels it, focus goes to that field, and nothing in the sentence is renamed
by accident (the lesson form's "Day" once turned the date hint's "friday: " into "friDay: ")."""

from __future__ import annotations

from textual.widgets import Input, Static

from coplan_tui.ui.app import CoplanApp
from coplan_tui.ui.dialogs.plan_dialogs import FormDialog
from coplan_tui.ui.dialogs.plan_forms import lesson_form

from .helpers import settle, type_text


async def test_lesson_form_errors_read_as_written_and_go_to_the_field(demo_store, clock):
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        results = []
        app.push_screen(lesson_form(None, clock().date()), results.append)
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormDialog)
        await type_text(pilot, "Food webs [/]")
        await pilot.press("enter")
        await type_text(pilot, "someday")
        await pilot.press("ctrl+s")
        await settle(pilot)
        error = str(form.query_one(".plan-dialog-error", Static).render())
        assert error == "'someday' is not a date. Use YYYY-MM-DD, today, tomorrow, a weekday (mon, friday: the next one), +3d or +2w."
        form.query_one("#field-day", Input).value = "monday"
        form.query_one("#field-title", Input).value = ""
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert str(form.query_one(".plan-dialog-error", Static).render()) == "Lesson: must not be empty"
        assert app.focused is form.query_one("#field-title", Input) and app.focused.has_class("-invalid")
        assert not form.query_one("#field-day", Input).has_class("-invalid")
        await type_text(pilot, "Food webs [/]")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is not form and [r.title for r in results] == ["Food webs [/]"]
