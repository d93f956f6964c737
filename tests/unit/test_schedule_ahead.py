"""The weeks ahead: which meeting is which kind, skips and moves, and the template a kind starts."""

from __future__ import annotations

from datetime import date, datetime, time, timezone

import pytest
from pydantic import ValidationError

from coplan_tui.domain.catalogue import Level, Role
from coplan_tui.domain.models import KindRule, Member, Partnership, Schedule, SessionKind, Weekday
from coplan_tui.domain.errors import DomainError, FormErrors
from coplan_tui.domain.schedule import change_meeting, describe_next, describe_rule, kind_of, next_occurrence, occurrences, parse_move, with_change, with_rule
from coplan_tui.domain.templates import BIG_PICTURE, CHECK_IN, COORDINATION_CHECK_IN, FEEDBACK, LIBRARY_COLLABORATION, WEEKLY, default_template_for, fitted

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)  # a Monday


def pair(roles=(Role.CT, Role.TC), level=Level.COLLABORATION, **schedule) -> Partnership:
    s = Schedule(weekday=Weekday.TUE, start_time=time(15, 30), minutes=60, big_picture_minutes=90, feedback_minutes=15, **schedule)
    return Partnership(members=[Member(name="Ana", role=roles[0]), Member(name="Ben", role=roles[1])], level=level, schedule=s)


def test_eight_weeks_each_with_its_kind_and_length():
    found = occurrences(pair(), NOW, weeks=8)
    assert [o.start.date() for o in found] == [date(2026, 11, 24), *(date(2026, 12, d) for d in (1, 8, 15, 22, 29)), date(2027, 1, 5), date(2027, 1, 12)]
    assert [o.kind for o in found] == [SessionKind.REGULAR, SessionKind.BIG_PICTURE, SessionKind.FEEDBACK, SessionKind.REGULAR,
                                       SessionKind.REGULAR, SessionKind.REGULAR, SessionKind.BIG_PICTURE, SessionKind.FEEDBACK]  # fmt: skip
    assert [o.minutes for o in found[:3]] == [60, 90, 15]
    assert found[1].start == datetime(2026, 12, 1, 15, 30, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "big, feedback, kinds",
    [
        ("first_of_month", "never", "RBRRRRBR"),
        ("last_of_month", "after_big_picture", "BFRRRBFR"),
        ("never", "every_other", "FRFRFRRF"),
        ("never", "after_big_picture", "RRRRRRRR"),
        ("first_of_month", "every_other", "FBFRFRBF"),
    ],
)
def test_every_rule_choice(big, feedback, kinds):
    p = pair(rule=KindRule(big_picture=big, feedback=feedback))
    letter = {SessionKind.BIG_PICTURE: "B", SessionKind.FEEDBACK: "F", SessionKind.REGULAR: "R"}
    assert "".join(letter[o.kind] for o in occurrences(p, NOW, 8)) == kinds
    assert len(describe_rule(p.schedule)) == 3


def test_kind_counts_on_the_regular_date():
    assert kind_of(KindRule(), date(2026, 12, 1)) == SessionKind.BIG_PICTURE
    assert kind_of(KindRule(big_picture="last_of_month"), date(2026, 12, 29)) == SessionKind.BIG_PICTURE


def test_skip_and_move_one_meeting_and_put_it_back():
    p = pair()
    skipped = p.model_copy(update={"schedule": with_change(p.schedule, date(2026, 11, 24), skip=True)})
    moved_to = datetime(2026, 12, 3, 8, 0)
    both = skipped.model_copy(update={"schedule": with_change(skipped.schedule, date(2026, 12, 1), moved_to=moved_to)})
    found = occurrences(both, NOW, 8)
    assert found[0].skipped and found[0].status == "skipped"
    big = next(o for o in found if o.regular.date() == date(2026, 12, 1))
    assert big.moved and big.start == datetime(2026, 12, 3, 8, 0, tzinfo=timezone.utc) and big.kind == SessionKind.BIG_PICTURE
    assert big.minutes == 90
    assert next_occurrence(both, NOW).start.date() == date(2026, 12, 3)
    assert describe_next(both, NOW) == "Thu 03 Dec 08:00 big-picture (90 min)"
    back = with_change(both.schedule, date(2026, 12, 1))
    assert [c.day for c in back.changes] == [date(2026, 11, 24)]


def test_a_change_must_be_on_a_meeting_day_and_one_thing():
    with pytest.raises(ValidationError, match="not a regular meeting day"):
        with_change(pair().schedule, date(2026, 11, 25), skip=True)
    with pytest.raises(ValidationError):
        with_rule(pair().schedule, big_picture="whenever")


def test_changing_a_meeting_keeps_the_rules_and_names_the_nearest_meetings():
    p = pair().model_copy(update={"placement_start": date(2026, 12, 1), "placement_end": date(2026, 12, 20)})
    with pytest.raises(DomainError, match=r"^Tue 2026-11-24 is before the placement starts \(Tue 2026-12-01\); the nearest meeting is Tue 2026-12-01\.$"):
        change_meeting(p, date(2026, 11, 24), NOW, skip=True)
    with pytest.raises(DomainError, match=r"^Thu 2026-12-10 is not a regular meeting day: the pair meets on Tuesdays; the nearest meetings are Tue 2026-12-08 and Tue 2026-12-15\.$"):
        change_meeting(p, date(2026, 12, 10), NOW, moved_to=datetime(2026, 12, 11, 9, 0))
    over = datetime(2026, 12, 30, 9, 0, tzinfo=timezone.utc)
    with pytest.raises(DomainError, match=r"is in the past, and no meetings are left in the placement\.$"):
        change_meeting(p, date(2026, 12, 15), over, skip=True)
    with pytest.raises(DomainError, match="Cooperation has no coplanning meetings"):
        change_meeting(pair(level=Level.COOPERATION), date(2026, 11, 24), NOW, skip=True)
    # Moves: never before now (to the minute), in the pair's local wall-clock time.
    tuesday = datetime(2026, 11, 24, 10, 0, 59, tzinfo=timezone.utc)
    with pytest.raises(FormErrors) as e:
        change_meeting(pair(), date(2026, 11, 24), tuesday, moved_to=datetime(2026, 11, 24, 9, 59))
    assert e.value.errors == {"time": "09:59 today is already over (it is 10:00 now): choose a later time."}
    with pytest.raises(FormErrors) as e:
        change_meeting(pair(), date(2026, 12, 1), tuesday, moved_to=datetime(2026, 11, 23, 18, 0))
    assert e.value.errors == {"day": "Mon 2026-11-23 is in the past: choose today or a later day."}
    for ok in (datetime(2026, 11, 24, 10, 0), datetime(2026, 11, 24, 12, 0)):
        assert change_meeting(pair(), date(2026, 11, 24), tuesday, moved_to=ok).changes[0].moved_to == ok
    skipped = change_meeting(pair(), date(2026, 11, 24), tuesday, skip=True)  # today's meeting, even once over
    assert change_meeting(pair().model_copy(update={"schedule": skipped}), date(2026, 11, 24), tuesday).changes == []
    with pytest.raises(DomainError, match="neither skipped nor moved"):
        change_meeting(pair(), date(2026, 11, 24), tuesday)


def test_parse_move_names_each_wrong_field():
    schedule = pair().schedule
    assert parse_move(schedule, "thu", "", NOW.date()) == datetime(2026, 11, 26, 15, 30)
    assert parse_move(schedule, "+1d", "3pm", NOW.date()) == datetime(2026, 11, 24, 15, 0)
    with pytest.raises(FormErrors) as e:
        parse_move(schedule, "[b]soon", "25:00", NOW.date())
    assert e.value.errors == {
        "day": "'[b]soon' is not a date: use YYYY-MM-DD, today, tomorrow, a weekday (mon, friday: the next one), +3d or +2w.",
        "time": "'25:00' is not a time: use HH:MM, for example 15:30.",
    }


def test_placement_bounds_the_weeks():
    p = pair().model_copy(update={"placement_start": date(2026, 11, 1), "placement_end": date(2026, 12, 10)})
    assert [o.start.day for o in occurrences(p, NOW, 8)] == [24, 1, 8]


def test_default_template_follows_level_roles_and_kind():
    assert default_template_for(pair()) is WEEKLY
    assert default_template_for(pair(roles=(Role.LIBRARIAN, Role.CLASSROOM_TEACHER))) is LIBRARY_COLLABORATION
    assert default_template_for(pair(roles=(Role.LIBRARIAN, Role.CLASSROOM_TEACHER), level=Level.COORDINATION)) is COORDINATION_CHECK_IN
    assert default_template_for(pair(level=Level.COOPERATION)) is CHECK_IN
    assert default_template_for(pair(), SessionKind.BIG_PICTURE) is BIG_PICTURE
    assert default_template_for(pair(), SessionKind.FEEDBACK) is FEEDBACK


@pytest.mark.parametrize("minutes", [5, 15, 37, 90, 240])
def test_fitted_template_takes_the_kind_length(minutes):
    t = fitted(BIG_PICTURE, minutes)
    assert t.total_minutes == minutes and all(s.minutes >= 1 for s in t.steps)
    assert t.name.endswith(f"({minutes} min)")


WED = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)


def moved_tue_to_thu() -> Partnership:
    """On Monday the meeting of Tue 24 Nov moved to Thu 26 Nov 15:30."""
    p = pair()
    return p.model_copy(update={"schedule": change_meeting(p, date(2026, 11, 24), NOW, moved_to=datetime(2026, 11, 26, 15, 30))})


def test_a_meeting_moved_out_of_its_day_is_there_until_it_happens():
    p = moved_tue_to_thu()
    found = occurrences(p, WED, 1)  # its regular day is past, the meeting is not
    assert [(o.regular.date(), o.start) for o in found] == [
        (date(2026, 11, 24), datetime(2026, 11, 26, 15, 30, tzinfo=timezone.utc)),
        (date(2026, 12, 1), datetime(2026, 12, 1, 15, 30, tzinfo=timezone.utc)),
    ]
    assert next_occurrence(p, WED).start == datetime(2026, 11, 26, 15, 30, tzinfo=timezone.utc)
    assert describe_next(p, WED) == "Thu 26 Nov 15:30 (60 min)"
    # Held on Thursday: the next one is the Tuesday after.
    assert next_occurrence(p, WED, last_held=date(2026, 11, 26)).start.date() == date(2026, 12, 1)
    # Until it happens it can be moved again, skipped or put back.
    again = change_meeting(p, date(2026, 11, 24), WED, moved_to=datetime(2026, 11, 27, 15, 30))
    assert [(c.day, c.moved_to) for c in again.changes] == [(date(2026, 11, 24), datetime(2026, 11, 27, 15, 30))]
    skipped = p.model_copy(update={"schedule": change_meeting(p, date(2026, 11, 24), WED, skip=True)})
    # Skipped, it keeps its move: it still shows, skipped, where it would have happened, and
    # putting it back returns it to the move (review: the skip dropped the move, and the
    # meeting vanished with no row to bring it back from).
    [change] = skipped.schedule.changes
    assert change.skip and change.moved_to == datetime(2026, 11, 26, 15, 30)
    shown = occurrences(skipped, WED, 1)
    assert [(o.start.date(), o.skipped) for o in shown][0] == (date(2026, 11, 26), True)
    back = change_meeting(skipped, date(2026, 11, 24), WED)
    assert [(c.skip, c.moved_to) for c in back.changes] == [(False, datetime(2026, 11, 26, 15, 30))]
    assert change_meeting(p, date(2026, 11, 24), WED).changes == []
    # Once its day is over it is gone, and it is past.
    friday = datetime(2026, 11, 27, 9, 0, tzinfo=timezone.utc)
    assert [o.start.date() for o in occurrences(p, friday, 1)] == [date(2026, 12, 1)]
    with pytest.raises(DomainError, match=r"^The meeting of Tue 2026-11-24 was moved to Thu 2026-11-26, which is in the past; the nearest meeting is Tue 2026-12-01\.$"):
        change_meeting(p, date(2026, 11, 24), friday, skip=True)


def test_a_meeting_moved_in_from_beyond_the_weeks_shown_is_shown():
    p = pair()
    p = p.model_copy(update={"schedule": change_meeting(p, date(2026, 12, 8), NOW, moved_to=datetime(2026, 11, 27, 10, 0))})
    found = occurrences(p, NOW, 1)
    assert [(o.regular.date(), o.start.date()) for o in found] == [(date(2026, 11, 24), date(2026, 11, 24)), (date(2026, 12, 8), date(2026, 11, 27))]


def test_a_move_stays_in_the_placement_and_off_the_other_meetings():
    p = pair().model_copy(update={"placement_start": date(2026, 11, 1), "placement_end": date(2026, 12, 10)})
    with pytest.raises(FormErrors) as e:
        change_meeting(p, date(2026, 12, 8), NOW, moved_to=datetime(2027, 3, 1, 15, 30))
    assert e.value.errors == {"day": "Mon 2027-03-01 is after the placement ends (Thu 2026-12-10): choose a day up to then."}
    late = pair().model_copy(update={"placement_start": date(2026, 11, 24), "placement_end": date(2026, 12, 10)})
    with pytest.raises(FormErrors) as e:
        change_meeting(late, date(2026, 12, 1), NOW, moved_to=datetime(2026, 11, 23, 15, 30))
    assert e.value.errors == {"day": "Mon 2026-11-23 is before the placement starts (Tue 2026-11-24): choose a day from then on."}
    assert change_meeting(p, date(2026, 12, 8), NOW, moved_to=datetime(2026, 12, 10, 15, 30)).changes  # its last day is fine
    with pytest.raises(FormErrors) as e:  # onto another meeting's regular time
        change_meeting(p, date(2026, 12, 8), NOW, moved_to=datetime(2026, 12, 1, 15, 30))
    assert e.value.errors == {"day": "Tue 2026-12-01 15:30 is when the meeting of Tue 2026-12-01 happens: choose another day or time."}
    moved = p.model_copy(update={"schedule": change_meeting(p, date(2026, 12, 1), NOW, moved_to=datetime(2026, 12, 3, 9, 0))})
    with pytest.raises(FormErrors) as e:  # onto where another meeting was moved
        change_meeting(moved, date(2026, 12, 8), NOW, moved_to=datetime(2026, 12, 3, 9, 0))
    assert e.value.errors == {"day": "Thu 2026-12-03 09:00 is when the meeting of Tue 2026-12-01 happens: choose another day or time."}
    # The slot of a meeting moved away, or skipped, is free; so is another time that day.
    assert change_meeting(moved, date(2026, 12, 8), NOW, moved_to=datetime(2026, 12, 1, 15, 30)).changes
    assert change_meeting(p, date(2026, 12, 8), NOW, moved_to=datetime(2026, 12, 1, 17, 0)).changes


def test_form_errors_join_cleanly():
    e = FormErrors({"day": "'x' is not a date: use today.", "time": "'25:00' is not a time: use HH:MM, for example 15:30."})
    assert str(e) == "'x' is not a date: use today. '25:00' is not a time: use HH:MM, for example 15:30."
    assert str(FormErrors({"a": "must not be empty", "b": "is too large"})) == "must not be empty; is too large"
    assert ".;" not in str(e)


def test_skipping_a_skipped_meeting_says_so():
    """Tester: `--skip` of a meeting already skipped exited 0 and said nothing."""
    p = pair()
    day = date(2026, 11, 24)
    skipped = p.model_copy(update={"schedule": change_meeting(p, day, NOW, skip=True)})
    with pytest.raises(DomainError, match="already skipped"):
        change_meeting(skipped, day, NOW, skip=True)


def test_a_meeting_moved_earlier_is_gone_once_its_new_day_is_over():
    """Review: Tue 8 Dec moved to Thu 26 Nov still showed on Wed 2 Dec, first, with its past start."""
    p = pair()
    monday = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
    p = p.model_copy(update={"schedule": change_meeting(p, date(2026, 12, 8), monday, moved_to=datetime(2026, 11, 26, 15, 30))})
    assert date(2026, 11, 26) in [o.start.date() for o in occurrences(p, monday, 3)]
    wednesday = datetime(2026, 12, 2, 9, 0, tzinfo=timezone.utc)
    assert [o.start.date() for o in occurrences(p, wednesday, 3)] == [date(2026, 12, 15), date(2026, 12, 22)]
