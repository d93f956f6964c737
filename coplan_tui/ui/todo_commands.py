"""Command-palette entry for the to-do review, on every screen (the session screen too)."""

from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Provider

LABEL = "Review to-dos"
HELP = "Every to-do of this partnership (or all): filter, search, mark done, reassign, export"


class TodoCommands(Provider):
    def _open(self) -> None:
        from .screens.todos import TodosScreen

        if isinstance(self.screen, TodosScreen):
            return
        # A screen about one partnership (e.g. a session) opens the review on that partnership.
        partnership_id = getattr(self.screen, "partnership_id", None) or getattr(getattr(self.screen, "session", None), "partnership_id", None)
        self.app.open_todos(partnership_id if isinstance(partnership_id, str) else None)  # type: ignore[attr-defined]

    async def discover(self) -> Hits:
        yield DiscoveryHit(LABEL, self._open, help=HELP)

    async def search(self, query: str) -> Hits:
        score = self.matcher(query).match(LABEL)
        if score > 0:
            yield Hit(score, self.matcher(query).highlight(LABEL), self._open, help=HELP)
