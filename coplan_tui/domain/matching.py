"""Find a partnership or template from a few typed letters, as `coplan session` does."""

from __future__ import annotations

from collections.abc import Iterable

from .models import Partnership, Session, SessionStatus, SessionTemplate


def match_partnerships(partnerships: Iterable[Partnership], text: str | None) -> list[Partnership]:
    """The one partnership matcher: an id prefix of 6 or more characters (as the CLI prints
    ids), else a case-insensitive part of the partnership's name or of a member's name.
    Short text is always a name, so typing a letter in a filter never jumps to an id."""
    items = list(partnerships)
    if not text or not text.strip():
        return items
    needle = text.strip().casefold()
    by_id = [p for p in items if len(needle) >= 6 and p.id.casefold().startswith(needle)]
    if by_id:
        return by_id
    return [
        p
        for p in items
        if needle in p.display_name.casefold() or any(needle in m.name.casefold() for m in p.members)
    ]


def partnerships_named(partnerships: Iterable[Partnership], text: str | None) -> list[Partnership]:
    """``--partnership TEXT`` on the command line: the matches, or ValueError naming them all."""
    items = list(partnerships)
    if text is None:
        return items
    chosen = match_partnerships(items, text)
    if not chosen:
        names = "; ".join(p.display_name for p in items) or "none yet"
        raise ValueError(f"no partnership matches {text!r} (partnerships: {names})")
    return chosen


def match_templates(templates: Iterable[SessionTemplate], text: str | None) -> list[SessionTemplate]:
    """A template's whole name picks that template, even when a copy's name holds it
    ("Quick check-in (15 min) (copy)"); else every template with the text in its name."""
    items = list(templates)
    if not text or not text.strip():
        return items
    needle = text.strip().casefold()
    exact = [t for t in items if t.name.casefold() == needle]
    return exact or [t for t in items if needle in t.name.casefold()]


def unfinished_session(sessions: Iterable[Session], partnership_id: str) -> Session | None:
    """The partnership's most recent session that is not done."""
    open_ones = [s for s in sessions if s.partnership_id == partnership_id and s.status != SessionStatus.DONE]
    return max(open_ones, key=lambda s: (s.day, s.created_at.timestamp() if s.created_at else 0.0), default=None)
