"""Who is at this terminal: a person, not a database. Two partners share one database file,
so "mine", presence and who saved a change come from here: `--as NAME`, then $COPLAN_USER,
then the name the app asked for once and keeps in the user's own settings, then the login
name."""

from __future__ import annotations

import getpass
import os

USER_ENV = "COPLAN_USER"


def user_name() -> str | None:
    """The name this person gave (flag, environment or settings), or None if never asked."""
    name = os.environ.get(USER_ENV, "").strip()
    return name or None


def login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "someone"
