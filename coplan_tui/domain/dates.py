"""Dates and times as teachers type them: ISO dates, today/tomorrow, weekday names, +3d / +2w; 15:30, 3pm."""

from __future__ import annotations

import re
from datetime import date, time, timedelta

from .errors import DomainError, FormErrors

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
    raise DomainError(not_a_date(text))


def not_a_date(text: str) -> str:
    """The one sentence for a text that is not a date (every form, every command)."""
    return f"{text.strip()!r} is not a date: use {ACCEPTED}."


def form_date(values: dict[str, str], key: str, today: date) -> date | None:
    """The date in a form's field ``key`` (None when empty); a FormErrors naming that field
    when it is not a date, so the form names the field as labelled and focuses it."""
    try:
        return parse_date(values.get(key, ""), today)
    except DomainError as e:
        raise FormErrors({key: str(e)}) from None


_TIME = re.compile(r"^(\d{1,2})(?::?(\d{2}))?\s*(am|pm)?$")


def parse_time(text: str) -> time:
    """``15:30``, ``1530``, ``3:30pm``, ``3pm``. Raises DomainError."""
    match = _TIME.match(text.strip().lower())
    if match:
        hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3)
        if half and 1 <= hour <= 12:
            hour = hour % 12 + (12 if half == "pm" else 0)
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise DomainError(f"{text.strip()!r} is not a time: use HH:MM, for example 15:30.")


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
