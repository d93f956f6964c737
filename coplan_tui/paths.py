"""Where things live: the data dir, the default and demo DBs, the packaged styles."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "coplan"
DB_ENV = "COPLAN_DB"


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    """Per-user settings (theme, mouse), apart from the database two people share."""
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def default_db(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--db wins, then $COPLAN_DB, then coplan.json in the user data dir."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return data_dir() / "coplan.json"


def demo_db(explicit: str | os.PathLike[str] | None = None) -> Path:
    return Path(explicit).expanduser() if explicit else data_dir() / "demo.json"


def styles_dir() -> Path:
    """Inside the wheel the styles are coplan_tui/styles; in a source tree, ../styles."""
    package = Path(__file__).resolve().parent
    installed = package / "styles"
    return installed if installed.is_dir() else package.parent / "styles"
