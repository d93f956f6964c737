"""Per-user settings: what belongs to the person at this terminal, not to the shared database.

Two teachers share one database but not one terminal or one pair of eyes, so the theme,
whether the mouse is used and whether coplan already explained tmux's escape-time live in
a small JSON file in the user's config folder (``coplan settings``; $COPLAN_CONFIG moves it).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

CONFIG_ENV = "COPLAN_CONFIG"

DEFAULTS: dict[str, Any] = {
    "theme": "",  # "" picks by the terminal: ansi-dark on 16 colours, textual-dark otherwise
    "mouse": True,
    "tmux_escape_told": False,
    "name": "",  # who you are ("mine", presence, who changed what); asked once
}


def config_path() -> Path:
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env).expanduser()
    from .paths import config_dir

    return config_dir() / "settings.json"


def load(path: Path | None = None) -> dict[str, Any]:
    """The settings, defaults filled in; an unreadable or broken file counts as empty."""
    path = path or config_path()
    values = dict(DEFAULTS)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return values
    if isinstance(data, dict):
        for key, default in DEFAULTS.items():
            if key in data and isinstance(data[key], type(default)):
                values[key] = data[key]
    return values


def save(changes: dict[str, Any], path: Path | None = None) -> None:
    """Merge ``changes`` into the file, written atomically (mode 0600, folder 0700)."""
    path = path or config_path()
    current = load(path)
    current.update(changes)
    from .store.atomic import atomic_write, ensure_private_dir

    ensure_private_dir(path.parent)
    data = json.dumps({k: current[k] for k in DEFAULTS}, indent=2) + "\n"
    atomic_write(path, data.encode("utf-8"))
