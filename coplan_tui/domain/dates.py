"""Deadlines as teachers type them: ISO dates, today/tomorrow, weekday names, +3d / +2w."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .errors import DomainError

ACCEPTED = "YYYY-MM-DD, today, tomorrow, a weekday (mon, friday: the next one), +3d or +2w"

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RELATIVE = re.compile(r"^\+(\d{1,3})\s*([dw])$")


def parse_date(text: str, today: date) -> date | None:
    """The date ``text`` means on ``today``; None for an empty text. Raises DomainError."""
    value = text.strip().lower()
    if not value:
        return None
    if value in ("today", "tod"):
        return today
    if value in ("tomorrow", "tom", "tmr"):
        return today + timedelta(days=1)
    if len(value) >= 3:
        for index, name in enumerate(_WEEKDAYS):
            if name.startswith(value):
                ahead = (index - today.weekday()) % 7 or 7
                return today + timedelta(days=ahead)
    match = _RELATIVE.match(value)
    if match:
        n, unit = int(match.group(1)), match.group(2)
        return today + timedelta(days=n * (7 if unit == "w" else 1))
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    raise DomainError(f"{text.strip()!r} is not a date. Use {ACCEPTED}.")


def parse_date_field(text: str, today: date) -> date | None:
    """``parse_date`` for a form field: its error is one short sentence the form can put
    after the field's label."""
    try:
        return parse_date(text, today)
    except DomainError:
        raise DomainError(f"{text.strip()!r} is not a date: use 2026-09-07, today, friday or +2w.") from None


def short_date(day: date, today: date) -> str:
    """``today``, ``tomorrow``, ``Fri 27 Nov``: compact for narrow panes."""
    if day == today:
        return "today"
    if day == today + timedelta(days=1):
        return "tomorrow"
    return day.strftime("%a %d %b")


def compact_date(day: date, today: date) -> str:
    """Shortest unambiguous form for a narrow pane: ``today``, ``tmrw``, ``Fri 27``, ``3 Dec``."""
    if day == today:
        return "today"
    if day == today + timedelta(days=1):
        return "tmrw"
    if abs((day - today).days) <= 6:
        return day.strftime("%a ") + str(day.day)
    return f"{day.day} {day.strftime('%b')}"
