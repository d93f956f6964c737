"""Who led this session? One picker for correcting the record, from the history or the session itself."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App

from ...domain.models import Partnership, Session


def ask_leader(app: App, session: Session, partnership: Partnership, then: Callable[[str], None]) -> None:
    """Offer every member (the one recorded is marked); ``then`` gets the member id chosen."""
    from .choice import ChoiceDialog

    choices = [
        (str(i + 1), f"{m.name} ({partnership.owner_label(m.id)})" + ("  (recorded now)" if m.id == session.leader_id else ""))
        for i, m in enumerate(partnership.members)
    ]

    def chosen(key: str | None) -> None:
        if key and key.isdigit():
            then(partnership.members[int(key) - 1].id)

    app.push_screen(ChoiceDialog(f"Who led the session of {session.day:%a %d %b}?", choices), chosen)
