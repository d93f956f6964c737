"""Command-palette entries on every screen: the to-do review, the unfinished sessions to join
or resume, and on a screen showing a session (the session screen), the export of its minutes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from .app import CoplanApp


LABEL = "Review to-dos"
MINUTES = "Export the minutes of this session"
RESUME = "Join or resume a session"
HELP = "Every to-do of this partnership (or all): filter, search, mark done, reassign, export"


class TodoCommands(Provider):
    if TYPE_CHECKING:

        @property
        def app(self) -> CoplanApp: ...  # type: ignore[override]  # (the one app this provider serves)

    def _open(self) -> None:
        from .screens.todos import TodosScreen

        if isinstance(self.screen, TodosScreen):
            return
        # A screen about one partnership (e.g. a session) opens the review on that partnership.
        partnership_id = getattr(self.screen, "partnership_id", None) or getattr(getattr(self.screen, "session", None), "partnership_id", None)
        self.app.open_todos(partnership_id if isinstance(partnership_id, str) else None)

    def _session_id(self) -> str | None:
        session = getattr(self.screen, "session", None)
        return getattr(session, "id", None)

    def _export_minutes(self) -> None:
        from .exporting import export_session_minutes

        session_id = self._session_id()
        if session_id:
            export_session_minutes(self.app, session_id)

    def _commands(self) -> list[tuple[str, object, str]]:
        found = [(LABEL, self._open, HELP), (RESUME, self.app.resume_any_session, "Every unfinished session: join a partner in it, or go on where you left")]
        if self._session_id():  # the session screen: its minutes, as Markdown
            found.append((MINUTES, self._export_minutes, "Steps with notes, decisions, to-dos by owner, reflection"))
        return found

    async def discover(self) -> Hits:
        for label, run, help_text in self._commands():
            yield DiscoveryHit(label, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, run, help_text in self._commands():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), run, help=help_text)
