"""Who is at this terminal: a person, not a database. Two partners share one database file,
so "mine", presence and who saved a change come from here: `--as NAME`, then $COPLAN_USER,
then the name the app asked for once and keeps in the user's own settings file
(``coplan_tui.settings``), then the login name."""

from __future__ import annotations

import getpass
import os

USER_ENV = "COPLAN_USER"


def user_name(settings: dict | None = None) -> str | None:
    """The name this person gave (flag, environment or settings), or None if never asked."""
    if settings is None:
        from .settings import load

        settings = load()
    name = os.environ.get(USER_ENV, "").strip() or str(settings.get("name") or "").strip()
    return name or None


def login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "someone"


def as_me(text: str) -> str:
    """`me` (or `mine`) on the command line is whoever is at this terminal."""
    from .domain.todo_rows import UnknownName

    if text.strip().casefold() not in ("me", "mine"):
        return text
    name = user_name()
    if name is None:
        raise UnknownName("who is 'me'? Run with --as NAME, set COPLAN_USER, or open the app once to say who you are")
    return name
