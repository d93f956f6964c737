"""Long notes: a step holds 100,000 characters; past that the editor counts, says so, and
the rest of the session (timer, steps) keeps saving."""

from __future__ import annotations

from textual.widgets import TextArea

from coplan_tui.domain.models import Session, SessionStatus
from coplan_tui.store import Store

from .helpers import settle
from .session_driver import autosave, session_app, start_session

NOTES_MAX = 100_000  # what the issue asks a step to hold


def _session(store: Store) -> Session:
    store.reload_if_changed()
    (running,) = [s for s in store.all(Session) if s.status != SessionStatus.DONE]
    return running


async def test_100000_characters_of_notes_are_saved_whole(demo_store, clock):
    app = session_app(demo_store, clock)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await start_session(pilot)
        text = ("Groups of four; the lab cart; [draft] 👩‍🏫 مرحبا\n" * 3000)[: NOTES_MAX - 1] + "!"
        app.screen.query_one("#notes", TextArea).insert(text)
        await settle(pilot)
        await autosave(pilot)
        assert _session(demo_store).steps[0].notes == text.strip()
        assert not [n for n in app._notifications if "Not saved" in n.title]


async def test_over_long_notes_are_counted_refused_and_never_block_the_session(demo_store, clock):
    app = session_app(demo_store, clock)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await start_session(pilot)
        notes = app.screen.query_one("#notes", TextArea)
        notes.insert("x" * (NOTES_MAX + 250))
        await settle(pilot)
        await autosave(pilot)
        assert notes.border_subtitle == f"{NOTES_MAX + 250:,} / {NOTES_MAX:,}" and notes.has_class("over-limit")
        told = [n.message for n in app._notifications if n.title == "Notes too long"]
        assert told and "the 250 past that are not saved" in told[0]
        assert len(_session(demo_store).steps[0].notes) == NOTES_MAX
        await pilot.press("escape", "n")  # a step change saves although the notes are too long
        await settle(pilot)
        assert _session(demo_store).current_step == 1
        assert not [n for n in app._notifications if n.title == "Not saved"]


async def test_an_over_long_title_is_refused_in_the_todo_editor(demo_store, clock):
    from textual.widgets import Input

    from coplan_tui.ui.app import CoplanApp

    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("T")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        title = app.screen.query_one("#todo-title-input", Input)
        title.insert_text_at_cursor("y" * 500)
        await pilot.press("z", "z")  # past a title's limit: refused as it is typed
        await settle(pilot)
        assert title.value == "y" * 500
