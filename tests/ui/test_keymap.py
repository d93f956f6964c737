"""`coplan keymap` changes keys by binding id, and the app uses them."""

from __future__ import annotations

from coplan_tui.cli import main
from coplan_tui.store import Store
from coplan_tui.ui.screens.session import SessionScreen

from .helpers import settle
from .session_driver import session_app, start_session


def test_keymap_refuses_unknown_ids_and_terminal_aliases(demo_store, capsys):
    db = str(demo_store.path)
    assert main(["keymap", "--db", db, "session.nope=x"]) == 2
    assert "not a binding id" in capsys.readouterr().err
    assert main(["keymap", "--db", db, "session.undo=ctrl+h"]) == 2
    assert "backspace" in capsys.readouterr().err
    assert Store(db).setting("keymap", {}) == {}


async def test_a_remapped_key_works_in_the_session(demo_store, clock, capsys):
    assert main(["keymap", "--db", str(demo_store.path), "session.next_step=right"]) == 0
    store = Store(demo_store.path, clock=clock)
    app = session_app(store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await start_session(pilot)
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("escape", "right")
        await settle(pilot)
        assert app.screen.session.current_step == 1
        await pilot.press("n")  # n no longer moves on
        await settle(pilot)
        assert app.screen.session.current_step == 1
    assert main(["keymap", "--db", str(demo_store.path), "--reset"]) == 0
    assert Store(demo_store.path).setting("keymap") == {}
