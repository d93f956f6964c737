"""`coplan schedule`: the weeks ahead as a table, JSON and a calendar two readers agree on."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timezone

import icalendar
import pytest
import recurring_ical_events

from coplan_tui.cli import main
from coplan_tui.commands import schedule as schedule_command
from coplan_tui.domain.catalogue import Role
from coplan_tui.domain.models import MeetingMode, Member, Partnership, Schedule, Weekday
from coplan_tui.store import Store

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)  # a Monday


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch):
    monkeypatch.setattr(schedule_command, "now", lambda: NOW)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "coplan.json"
    Store(path).put(
        Partnership(
            name="Science [/] pair",
            members=[Member(name="Ana", role=Role.CT), Member(name="Ben", role=Role.TC)],
            schedule=Schedule(weekday=Weekday.TUE, start_time=time(15, 30), minutes=60, big_picture_minutes=90, feedback_minutes=15),
            meeting=MeetingMode(mode="virtual", platform="Zoom", link="https://zoom.example/j/123"),
        ),
        Partnership(
            name="Library pair",
            members=[Member(name="Lin", role=Role.LIBRARIAN), Member(name="Cy", role=Role.CLASSROOM_TEACHER)],
            schedule=Schedule(weekday=Weekday.THU, start_time=time(12, 10), minutes=45),
            meeting=MeetingMode(location="Library, room 4"),
        ),
    )
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_ics_expands_to_the_eight_weeks_with_moved_and_skipped(db, capsys):
    base = ("schedule", "--db", str(db), "--partnership", "science")
    assert run(capsys, *base, "--skip", "2026-12-15")[0] == 0
    assert run(capsys, *base, "--move", "2026-12-01", "2026-12-02 08:00")[0] == 0
    code, _, err = run(capsys, *base, "--format", "ics")
    assert code == 0, err
    raw = main_bytes(db, capsys)
    cal = icalendar.Calendar.from_ical(raw)
    events = [c for c in cal.walk("VEVENT")]
    assert any("RRULE" in e for e in events)
    master = next(e for e in events if "RRULE" in e)
    assert [d.dt for d in master["EXDATE"].dts] == [datetime(2026, 12, 15, 15, 30)]
    assert master["LOCATION"] == "https://zoom.example/j/123" and master["URL"] == "https://zoom.example/j/123"
    expanded = recurring_ical_events.of(cal).between(datetime(2026, 11, 23), datetime(2027, 1, 18))
    got = sorted((e["DTSTART"].dt, e["DTEND"].dt - e["DTSTART"].dt, str(e["SUMMARY"])) for e in expanded)
    starts = [g[0] for g in got]
    assert starts == [
        datetime(2026, 11, 24, 15, 30),
        datetime(2026, 12, 2, 8, 0),  # moved from Tue 1 Dec, still big-picture
        datetime(2026, 12, 8, 15, 30),
        datetime(2026, 12, 22, 15, 30),  # 15 Dec skipped
        datetime(2026, 12, 29, 15, 30),
        datetime(2027, 1, 5, 15, 30),
        datetime(2027, 1, 12, 15, 30),
    ]
    minutes = [int(g[1].total_seconds() // 60) for g in got]
    assert minutes == [60, 90, 15, 60, 60, 90, 15]
    assert "big-picture" in got[1][2] and "feedback" in got[2][2]
    assert all("Science [/] pair" in g[2] for g in got)


def main_bytes(db, capsys) -> bytes:
    import subprocess
    import sys

    # A real subprocess: the bytes a calendar app would read from the file.
    probe = (
        "import sys; from coplan_tui.commands import schedule as s; from datetime import datetime, timezone;"
        "s.now = lambda: datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc);"
        "from coplan_tui.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, "--db", str(db), "schedule", "--partnership", "science", "--format", "ics"],
        capture_output=True, timeout=60, check=True,
    )
    return out.stdout


def test_in_person_location_and_json(db, capsys):
    code, out, _ = run(capsys, "schedule", "--db", str(db), "--partnership", "library", "--weeks", "3", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and [r["start"] for r in rows] == ["2026-11-26T12:10", "2026-12-03T12:10", "2026-12-10T12:10"]
    assert [r["kind"] for r in rows] == ["regular", "big_picture", "feedback"]
    assert [r["minutes"] for r in rows] == [45, 60, 15]
    code, out, _ = run(capsys, "schedule", "--db", str(db), "--partnership", "library", "--weeks", "3", "--format", "ics")
    cal = icalendar.Calendar.from_ical(out.encode())
    assert {str(e["LOCATION"]) for e in cal.walk("VEVENT")} == {"Library, room 4"}


def test_table_shows_the_rule_and_the_rule_can_change(db, capsys):
    code, out, _ = run(capsys, "schedule", "--db", str(db))
    assert code == 0
    assert "Big-picture (90 min): the first meeting of each month" in out and "Library pair" in out
    code, out, _ = run(capsys, "schedule", "--db", str(db), "--partnership", "science", "--big-picture", "last_of_month", "--feedback", "never", "--weeks", "2")
    assert code == 0 and "the last meeting of each month" in out
    assert "Tue 2026-11-24 15:30   90 min  big-picture" in out
    p = next(p for p in Store(db).all(Partnership) if p.name.startswith("Science"))
    assert (p.schedule.rule.big_picture, p.schedule.rule.feedback) == ("last_of_month", "never")


def test_mistakes_say_what_to_fix(db, capsys):
    code, _, err = run(capsys, "schedule", "--db", str(db), "--skip", "2026-12-01")
    assert code == 1 and "say which partnership" in err
    code, _, err = run(capsys, "schedule", "--db", str(db), "--partnership", "science", "--skip", "2026-12-02")
    assert code == 1 and "not a regular meeting day" in err
    code, _, err = run(capsys, "schedule", "--db", str(db), "--partnership", "nobody")
    assert code == 1 and "no partnership matches" in err
    code, _, err = run(capsys, "schedule", "--db", str(db), "--weeks", "0")
    assert code == 2
    before = Store(db).all(Partnership)
    assert all(not p.schedule.changes for p in before)


def changes_of(db) -> dict[str, list]:
    return {p.name: p.schedule.changes for p in Store(db).all(Partnership)}


def test_a_meeting_moves_to_later_today_but_never_into_the_past(db, capsys, monkeypatch):
    science = ("schedule", "--db", str(db), "--partnership", "science")
    monkeypatch.setattr(schedule_command, "now", lambda: datetime(2026, 11, 24, 10, 0, 30, tzinfo=timezone.utc))  # Tue, its meeting at 15:30
    for new, says in (
        ("today 9:59", "09:59 today is already over (it is 10:00 now): choose a later time."),
        ("2026-11-23 16:00", "Mon 2026-11-23 is in the past: choose today or a later day."),
        ("2026-11-20", "Fri 2026-11-20 is in the past: choose today or a later day."),
    ):
        code, out, err = run(capsys, *science, "--move", "2026-11-24", new)
        assert (code, out) == (1, ""), new
        assert err == f"coplan schedule: {says}\n"
        assert changes_of(db)["Science [/] pair"] == []
    code, out, err = run(capsys, *science, "--move", "2026-11-24", "today 10:00")  # the minute it is now
    assert code == 0, err
    code, out, err = run(capsys, *science, "--move", "2026-11-24", "today 12:00")
    assert code == 0 and "Tue 2026-11-24 12:00" in out, err
    assert [c.moved_to for c in changes_of(db)["Science [/] pair"]] == [datetime(2026, 11, 24, 12, 0)]
    code, out, err = run(capsys, *science, "--move", "2026-12-01", "2026-11-30 08:00")  # a later meeting to an earlier, future day
    assert code == 0, err


def test_a_date_that_is_not_a_meeting_names_the_nearest_and_changes_nothing(db, capsys):
    science = ("schedule", "--db", str(db), "--partnership", "science")
    store = Store(db)
    p = next(p for p in store.all(Partnership) if p.name.startswith("Science"))
    store.put(p.model_copy(update={"placement_end": date(2026, 12, 10)}))
    raw = db.read_bytes()
    for option in (("--restore",), ("--skip",), ("--move",)):
        for day, says in (
            ("2026-11-17", "Tue 2026-11-17 is in the past; the nearest meeting is Tue 2026-11-24."),
            ("2026-12-02", "Wed 2026-12-02 is not a regular meeting day: the pair meets on Tuesdays; the nearest meetings are Tue 2026-12-01 and Tue 2026-12-08."),
            ("2026-12-15", "Tue 2026-12-15 is after the placement ends (Thu 2026-12-10); the nearest meeting is Tue 2026-12-08."),
            ("sunday", "Sun 2026-11-29 is not a regular meeting day: the pair meets on Tuesdays; the nearest meetings are Tue 2026-11-24 and Tue 2026-12-01."),
        ):
            argv = [*science, *option, day] + (["2026-12-03 10:00"] if option == ("--move",) else [])
            code, out, err = run(capsys, *argv)
            assert (code, out, err) == (1, "", f"coplan schedule: {says}\n"), argv
    code, _, err = run(capsys, *science, "--restore", "2026-12-01")  # a meeting day, but at its regular time
    assert code == 1 and "The meeting of Tue 2026-12-01 is neither skipped nor moved: there is nothing to restore." in err
    code, _, err = run(capsys, *science, "--skip", "")
    assert code == 1 and "give the regular date of the meeting" in err
    code, _, err = run(capsys, *science, "--skip", "\x1b[31m[/]tue\u202e")
    assert code == 1 and "\x1b" not in err and "is not a date" in err and "[/]" in err
    code, _, err = run(capsys, *science, "--move", "2026-12-01", "\x1b]0;x\x07 [b]junk")
    assert code == 1 and "\x1b" not in err and "\x07" not in err and "is not a date" in err
    code, _, err = run(capsys, *science, "--move", "2026-12-01", "2026-12-03 25:61")
    assert code == 1 and "'25:61' is not a time" in err
    assert db.read_bytes() == raw
    code, _, err = run(capsys, *science, "--skip", "2026-12-08")
    assert code == 0, err
    code, _, err = run(capsys, *science, "--restore", "2026-12-08")
    assert code == 0 and changes_of(db)["Science [/] pair"] == []


def test_a_meeting_moved_out_of_its_day_is_listed_until_it_happens(db, capsys, monkeypatch):
    """Moved on Monday from Tue 24 Nov to Thu 26 Nov: on Wednesday every format still has it,
    and it can be moved again (its regular day is past, the meeting is not)."""
    science = ("schedule", "--db", str(db), "--partnership", "science")
    assert run(capsys, *science, "--move", "2026-11-24", "2026-11-26 15:30")[0] == 0
    monkeypatch.setattr(schedule_command, "now", lambda: datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc))
    code, out, err = run(capsys, *science, "--weeks", "2")
    assert code == 0 and "Thu 2026-11-26 15:30" in out and "moved from Tue 24 Nov 15:30" in out, (out, err)
    code, out, _ = run(capsys, *science, "--weeks", "2", "--format", "json")
    assert [r["start"] for r in json.loads(out)] == ["2026-11-26T15:30", "2026-12-01T15:30", "2026-12-08T15:30"]
    code, out, _ = run(capsys, *science, "--weeks", "2", "--format", "ics")
    cal = icalendar.Calendar.from_ical(out.encode())
    expanded = recurring_ical_events.of(cal).between(datetime(2026, 11, 25), datetime(2026, 12, 9))
    assert sorted(e["DTSTART"].dt for e in expanded) == [datetime(2026, 11, 26, 15, 30), datetime(2026, 12, 1, 15, 30), datetime(2026, 12, 8, 15, 30)]
    code, out, err = run(capsys, *science, "--move", "2026-11-24", "2026-11-27 15:30")
    assert code == 0, err
    assert [c.moved_to for c in changes_of(db)["Science [/] pair"]] == [datetime(2026, 11, 27, 15, 30)]


def test_a_move_stays_in_the_placement_and_off_another_meeting(db, capsys):
    science = ("schedule", "--db", str(db), "--partnership", "science")
    store = Store(db)
    p = next(p for p in store.all(Partnership) if p.name.startswith("Science"))
    store.put(p.model_copy(update={"placement_start": date(2026, 11, 1), "placement_end": date(2026, 12, 10)}))
    raw = db.read_bytes()
    for new, says in (
        ("2027-03-01 15:30", "Mon 2027-03-01 is after the placement ends (Thu 2026-12-10): choose a day up to then."),
        ("2026-12-01", "Tue 2026-12-01 15:30 is when the meeting of Tue 2026-12-01 happens: choose another day or time."),
    ):
        code, out, err = run(capsys, *science, "--move", "2026-12-08", new)
        assert (code, out, err) == (1, "", f"coplan schedule: {says}\n"), new
    assert db.read_bytes() == raw
