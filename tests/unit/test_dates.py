from datetime import date

import pytest

from coplan_tui.domain.dates import parse_date, short_date
from coplan_tui.domain.errors import DomainError

MON = date(2026, 11, 23)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("2026-12-01", date(2026, 12, 1)),
        ("today", MON),
        ("Tomorrow", date(2026, 11, 24)),
        ("fri", date(2026, 11, 27)),
        ("friday", date(2026, 11, 27)),
        ("monday", date(2026, 11, 30)),  # the next one, not today
        ("+3d", date(2026, 11, 26)),
        ("+2w", date(2026, 12, 7)),
        ("", None),
        ("  ", None),
    ],
)
def test_accepted_forms(text, expected):
    assert parse_date(text, MON) == expected


@pytest.mark.parametrize("text", ["next week", "2026-13-01", "31/12", "+3m", "fr", "yesterday"])
def test_refused_with_the_accepted_forms(text):
    with pytest.raises(DomainError, match="YYYY-MM-DD, today, tomorrow"):
        parse_date(text, MON)


def test_short_date():
    assert short_date(MON, MON) == "today"
    assert short_date(date(2026, 11, 24), MON) == "tomorrow"
    assert short_date(date(2026, 11, 27), MON) == "Fri 27 Nov"


@pytest.mark.parametrize("text", ["someday", " 2026-13-45 ", "[b]soon"])
def test_one_wording_for_not_a_date(text):
    """parse_date, the forms and the commands say it the same way: one function builds it."""
    from coplan_tui.domain.dates import ACCEPTED, form_date, not_a_date
    from coplan_tui.domain.errors import FormErrors

    says = f"{text.strip()!r} is not a date: use {ACCEPTED}."
    assert not_a_date(text) == says
    with pytest.raises(DomainError) as e:
        parse_date(text, MON)
    assert str(e.value) == says
    with pytest.raises(FormErrors) as e:
        form_date({"end": text}, "end", MON)
    assert e.value.errors == {"end": says}
    assert form_date({"end": "fri"}, "end", MON) == date(2026, 11, 27) and form_date({"end": ""}, "end", MON) is None


def test_parse_time_lives_beside_parse_date():
    from datetime import time

    from coplan_tui.domain.dates import parse_time

    assert parse_time("3:30pm") == time(15, 30)
