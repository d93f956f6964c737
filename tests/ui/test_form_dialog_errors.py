"""FormDialog (every small form: plan items, lessons, the schedule's move): an error names the
field as the form labels it, focus goes to that field, and nothing in the sentence is renamed
by accident (the lesson form's "Day" once turned the date hint's "friday: " into "friDay: ")."""

from __future__ import annotations

from textual.widgets import Input, Static

from coplan_tui.ui.app import CoplanApp
from coplan_tui.ui.dialogs.plan_dialogs import FormDialog
import pytest

from coplan_tui.domain.dates import ACCEPTED
from coplan_tui.domain.models import LessonPlan, Partnership
from coplan_tui.ui.dialogs.plan_forms import lesson_form, new_plan_form, plan_info_form

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
        assert error == "Day: 'someday' is not a date: use YYYY-MM-DD, today, tomorrow, a weekday (mon, friday: the next one), +3d or +2w."
        assert app.focused is form.query_one("#field-day", Input) and app.focused.has_class("-invalid")
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


def _plan(store) -> LessonPlan:
    return store.all(LessonPlan)[0]


FORMS = {
    "lesson day": (lambda store, today, now: lesson_form(None, today), "day", "Day", {"title": "Food webs"}),
    "plan starts": (lambda store, today, now: plan_info_form(_plan(store), today), "start", "Starts", {}),
    "plan ends": (lambda store, today, now: plan_info_form(_plan(store), today), "end", "Ends", {}),
    "new plan date": (lambda store, today, now: new_plan_form(store.all(Partnership), today, now), "start", "Date", {"title": "Energy"}),
}


@pytest.mark.parametrize("case", FORMS, ids=list(FORMS))
async def test_a_date_error_names_its_field_and_focuses_it_in_every_form(demo_store, clock, case):
    make, key, label, values = FORMS[case]
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(make(demo_store, clock().date(), clock()))
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormDialog)
        for k, v in {**values, key: "someday [/]"}.items():
            form.query_one(f"#field-{k}", Input).value = v
        form.query_one(".form-input").focus()  # the first field, not the wrong one
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        error = str(form.query_one(".plan-dialog-error", Static).render())
        assert error == f"{label}: 'someday [/]' is not a date: use {ACCEPTED}."
        assert app.focused is form.query_one(f"#field-{key}", Input) and app.focused.has_class("-invalid")


async def test_a_plan_ending_before_it_starts_names_ends_and_focuses_it(demo_store, clock):
    """Tester: "the plan ends (2026-12-01) before it starts (2026-12-06)", no field named, and
    the cursor stayed in Outcomes, so the next keys went there."""
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(plan_info_form(_plan(demo_store), clock().date()))
        await settle(pilot)
        form = app.screen
        form.query_one("#field-start", Input).value = "2026-12-06"
        form.query_one("#field-end", Input).value = "2026-12-01"
        form.query_one("#field-outcomes", Input).focus()
        await pilot.press("ctrl+s")
        await settle(pilot)
        error = str(form.query_one(".plan-dialog-error", Static).render())
        assert error == "Ends: Tue 2026-12-01 is before the plan starts (Sun 2026-12-06)."
        assert app.focused is form.query_one("#field-end", Input)
