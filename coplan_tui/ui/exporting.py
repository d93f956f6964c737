"""Exports from the UI: render and write on a worker thread, then say where the file went."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .text import toast

if TYPE_CHECKING:
    from .app import CoplanApp


def export_dir(store) -> Path:
    """Where every export from the app goes: the `export_dir` setting, else `exports/` beside
    the database. One rule, so a pair finds the plan, the minutes and the to-dos in one folder
    whichever folder each partner started coplan in. The folder is made 0700 on first use."""
    chosen = store.setting("export_dir")
    return Path(chosen).expanduser() if chosen else store.path.parent / "exports"


def export_in_background(app: CoplanApp, file_name: str, render: Callable[[], bytes], what: str) -> None:
    """Write ``render()`` to ``file_name`` in the export folder without blocking the UI."""

    def work() -> None:
        from ..store.private_files import write_new_file

        try:
            path = write_new_file(export_dir(app.db) / file_name, render())
        except OSError as e:
            app.call_from_thread(toast, app, f"Could not export {what}: {e.strerror or e}", title="Export failed", severity="error", timeout=10)
            return
        except Exception as e:  # a writer bug must not take the app down with it
            app.call_from_thread(toast, app, f"Could not export {what}: {e}", title="Export failed", severity="error", timeout=10)
            return
        app.call_from_thread(toast, app, f"Exported {what} to {path}", title="Exported", timeout=10)

    app.run_worker(work, thread=True, group="export", name=f"export {file_name}", exit_on_error=False)


def export_session_minutes(app: CoplanApp, session_id: str) -> None:
    """The minutes of a session as Markdown, e.g. from the session screen's palette."""
    from ..domain.models import LessonPlan, Partnership, Session, Todo
    from ..export.minutes import minutes_markdown

    store = app.db
    session = store.get(Session, session_id)
    partnership = store.get(Partnership, session.partnership_id) if session else None
    if session is None or partnership is None:
        toast(app, "That session no longer exists.", severity="warning")
        return
    now, todos, plans = app.now(), store.all(Todo), store.all(LessonPlan)

    def render() -> bytes:
        return minutes_markdown(session, partnership, todos, now, plans).encode("utf-8")

    export_in_background(app, f"coplan-minutes-{session.day.isoformat()}.md", render, f"the minutes of {session.day.isoformat()}")
