"""The schedule screen: eight weeks from Home, skip, move, change the rule, start by kind."""

from __future__ import annotations

from datetime import date, datetime

from textual.widgets import DataTable, Input, OptionList, Static

from coplan_tui.domain.models import Partnership, Session
from coplan_tui.ui.app import CoplanApp
from coplan_tui.ui.screens.schedule import ScheduleScreen
from coplan_tui.ui.screens.session_start import StartSessionScreen

from .helpers import screen_text, settle, type_text


def science(store) -> Partnership:
    return next(p for p in store.all(Partnership) if p.phase)


async def open_schedule(pilot):
    await settle(pilot)
    await pilot.press("c")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ScheduleScreen)
    return pilot.app.screen.query_one("#meetings", DataTable)


async def test_home_shows_the_schedule_and_c_opens_eight_weeks(demo_store, clock):
    p = science(demo_store)
    demo_store.put(p.model_copy(update={"schedule": p.schedule.model_copy(update={"big_picture_minutes": 90})}))
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert "Schedule    Tue 24 Nov regular 60 · Tue 01 Dec big-picture 90 · Tue 08 Dec feedback on drafts 15" in screen_text(app)
        table = await open_schedule(pilot)
        text = screen_text(app)
        assert "Big-picture (90 min): the first meeting of each month" in text
        rows = [line.split() for line in text.splitlines() if line.strip().startswith(("Tue ", "Mon ", "Wed ", "Thu "))]
        placement_end = p.placement_end
        assert rows[0][:6] == ["Tue", "24", "Nov", "2026", "15:30", "regular"]
        assert rows[1][5:7] == ["big-picture", "90"] and rows[2][5:9] == ["feedback", "on", "drafts", "15"]
        assert table.row_count == len(rows) and 1 <= table.row_count <= 8
        assert all(date(int(r[3]), {"Nov": 11, "Dec": 12, "Jan": 1}[r[2]], int(r[1])) <= placement_end for r in rows)


async def test_skip_move_and_restore_by_keyboard(demo_store, clock):
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_schedule(pilot)
        await pilot.press("k")  # skip Tue 24 Nov
        await settle(pilot)
        assert [c.day for c in science(demo_store).schedule.changes] == [date(2026, 11, 24)]
        assert "skipped" in screen_text(app)
        await pilot.press("down", "v")
        await settle(pilot)
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "2026-12-02")
        await pilot.press("enter", "ctrl+a", "ctrl+k")
        await type_text(pilot, "8am")
        await pilot.press("enter")
        await settle(pilot)
        changes = science(demo_store).schedule.changes
        assert [(c.day, c.skip, c.moved_to) for c in changes] == [
            (date(2026, 11, 24), True, None),
            (date(2026, 12, 1), False, datetime(2026, 12, 2, 8, 0)),
        ]
        assert "moved from Tue 01 Dec 15:30" in screen_text(app)
        await pilot.press("up", "k")  # the skipped one comes back
        await settle(pilot)
        assert [c.day for c in science(demo_store).schedule.changes] == [date(2026, 12, 1)]


async def test_a_bad_move_says_why_and_saves_nothing(demo_store, clock):
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_schedule(pilot)
        await pilot.press("v", "ctrl+a", "ctrl+k")
        await type_text(pilot, "not a date [/]")
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert "is not a date" in screen_text(app) and "[/]" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert science(demo_store).schedule.changes == []


def dialog_error(app) -> str:
    return str(app.screen.query_one(".plan-dialog-error", Static).render())


async def fill_move(pilot, day: str, at: str) -> None:
    """Both fields of the open move dialog, then enter in the time field (save)."""
    pilot.app.screen.query_one("#field-day").focus()
    await pilot.press("ctrl+a", "ctrl+k")
    await type_text(pilot, day)
    await pilot.press("enter", "ctrl+a", "ctrl+k")
    await type_text(pilot, at)
    await pilot.press("enter")
    await settle(pilot)


async def test_the_move_dialog_names_the_wrong_field_goes_to_it_and_refuses_the_past(demo_store, clock):
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)  # Mon 23 Nov 15:30
    async with app.run_test(size=(120, 36)) as pilot:
        await open_schedule(pilot)
        await pilot.press("v")  # Tue 24 Nov 15:30
        await settle(pilot)
        for day, at, field, says in (
            ("not a date [/]", "15:30", "day", "New date: 'not a date [/]' is not a date: use YYYY-MM-DD, today, tomorrow, a weekday (mon, friday: the next one), +3d or +2w."),
            ("2026-11-24", "25:61 [b]", "time", "New time: '25:61 [b]' is not a time: use HH:MM, for example 15:30."),
            ("today", "15:29", "time", "New time: 15:29 today is already over (it is 15:30 now): choose a later time."),
            ("2026-11-20", "18:00", "day", "New date: Fri 2026-11-20 is in the past: choose today or a later day."),
            ("", "", "day", "New date: give the date to move the meeting to, for example 2026-12-03 or thursday."),
            ("soon", "25:00", "day", "New date: 'soon' is not a date: use YYYY-MM-DD, today, tomorrow, a weekday (mon, friday: the next one), +3d or +2w. New time: '25:00' is not a time: use HH:MM, for example 15:30."),
            ("2026-12-01", "15:30", "day", "New date: Tue 2026-12-01 15:30 is when the meeting of Tue 2026-12-01 happens: choose another day or time."),
        ):
            await fill_move(pilot, day, at)
            assert dialog_error(app) == says, (day, at)
            assert isinstance(app.focused, Input) and app.focused.id == f"field-{field}", (day, at, app.focused)
            assert app.focused.has_class("-invalid")
            assert science(demo_store).schedule.changes == []
        await fill_move(pilot, "today", "15:30")  # later today, from the minute it is now
        assert isinstance(app.screen, ScheduleScreen)
        assert [(c.day, c.moved_to) for c in science(demo_store).schedule.changes] == [(date(2026, 11, 24), datetime(2026, 11, 23, 15, 30))]
        assert "moved from Tue 24 Nov 15:30" in screen_text(app)


async def test_every_rule_choice_by_keyboard_and_mouse(demo_store, clock):
    from coplan_tui.domain.catalogue import RULE_CHOICES

    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_schedule(pilot)
        for which, key in (("big_picture", "b"), ("feedback", "f")):
            for index, value in enumerate(RULE_CHOICES[which]):
                for by_mouse in (False, True):
                    await pilot.press(key)
                    await settle(pilot)
                    options = app.screen.query_one("#choice-list", OptionList)
                    if by_mouse:
                        await pilot.click(options, offset=(4, index + (1 if options.styles.border_top[0] else 0)))
                    else:
                        await pilot.press(*["down"] * index, "enter")
                    await settle(pilot)
                    assert isinstance(app.screen, ScheduleScreen)
                    assert getattr(science(demo_store).schedule.rule, which) == value, (which, value, by_mouse)


async def test_starting_from_the_schedule_uses_the_kinds_template_and_length(demo_store, clock):
    p = science(demo_store)
    demo_store.put(p.model_copy(update={"schedule": p.schedule.model_copy(update={"big_picture_minutes": 90})}))
    before = {s.id for s in demo_store.all(Session)}
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_schedule(pilot)
        await pilot.press("down", "enter")  # Tue 01 Dec: big-picture
        await settle(pilot)
        assert isinstance(app.screen, StartSessionScreen)
        assert "Big-picture planning (90 min)" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        [new] = [s for s in demo_store.all(Session) if s.id not in before]
        assert new.template.id == "builtin-big-picture" and new.template.total_minutes == 90
        assert new.template.name == "Big-picture planning (90 min)"


async def test_a_meeting_moved_out_of_its_day_shows_and_moves_again_after_that_day(demo_store, clock):
    """Moved on Monday from Tue 24 Nov to Thu 26 Nov; on Wednesday Home and the schedule
    still show it, and v moves it again."""
    from datetime import timedelta

    from coplan_tui.domain.schedule import change_meeting

    p = science(demo_store)
    demo_store.put(p.model_copy(update={"schedule": change_meeting(p, date(2026, 11, 24), clock(), moved_to=datetime(2026, 11, 26, 15, 30))}))
    clock.now = clock.now + timedelta(days=2)  # Wednesday
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert "Schedule    Thu 26 Nov regular 60" in screen_text(app)
        table = await open_schedule(pilot)
        assert table.get_row_at(0)[0].plain == "Thu 26 Nov 2026" and "moved from Tue 24 Nov 15:30" in table.get_row_at(0)[4].plain
        await pilot.press("v")
        await settle(pilot)
        await fill_move(pilot, "friday", "15:30")
        assert isinstance(app.screen, ScheduleScreen), dialog_error(app)
        assert [(c.day, c.moved_to) for c in science(demo_store).schedule.changes] == [(date(2026, 11, 24), datetime(2026, 11, 27, 15, 30))]
        assert table.get_row_at(0)[0].plain == "Fri 27 Nov 2026"
        await pilot.press("k")  # back to its regular day, which is past: gone from the list
        await settle(pilot)
        assert science(demo_store).schedule.changes == [] and table.get_row_at(0)[0].plain == "Tue 01 Dec 2026"


async def test_after_a_move_the_cursor_stays_on_the_moved_meeting(demo_store, clock):
    """Tester: a move sorted the meeting to another row, the cursor stayed on the old row, and
    the next k restored a different meeting (an earlier skip, undone by accident)."""
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 36)) as pilot:
        table = await open_schedule(pilot)
        await pilot.press("down", "v")  # Tue 01 Dec, moved before Tue 24 Nov
        await settle(pilot)
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "2026-11-23")
        await pilot.press("enter", "ctrl+a", "ctrl+k")
        await type_text(pilot, "23:00")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ScheduleScreen)
        assert table.cursor_row == 0 and app.screen._selected().regular.date() == date(2026, 12, 1)
        await pilot.press("k")  # acts on the moved meeting: it goes back to its regular time
        await settle(pilot)
    assert science(demo_store).schedule.changes == []
