"""Opening the full-screen app, shared by `coplan`, `coplan demo` and `coplan session`."""

from __future__ import annotations

import argparse


def run_ui(args: argparse.Namespace, db_path, **kwargs) -> int:
    """Open the full-screen app. Textual reads ESCDELAY when it is first imported, so the
    escape delay is set here, before that import (see ``terminal.ESCAPE_DELAY_MS``)."""
    import os

    from ..terminal import ESCAPE_DELAY_MS

    os.environ.setdefault("ESCDELAY", str(ESCAPE_DELAY_MS))
    from ..ui.app import run_app

    return run_app(db_path, no_mouse=getattr(args, "no_mouse", False), **kwargs)
