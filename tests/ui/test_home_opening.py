"""Home paints before the database is open, and fills in when it is.

A career's file (50,000 to-dos) takes seconds to read; the first frame must not wait for it.
The app shows Home's frame with the file it is opening, offers only Quit meanwhile, and
opens the store on a thread after that frame.
"""

from __future__ import annotations

import subprocess
import sys
import threading

from coplan_tui.store import store as store_module
from coplan_tui.paths import styles_dir
from coplan_tui.ui.app import STYLESHEETS, CoplanApp
from coplan_tui.ui.screens.home import HomeScreen

from .session_driver import wait_until
from .helpers import screen_text, settle

HOSTILE = "[bold]x[link=x]y\u05e9"  # markup, and RTL text, in a file name


async def test_home_shows_the_file_it_opens_then_its_partnerships(demo_store, clock, monkeypatch, tmp_path):
    path = tmp_path / f"career{HOSTILE}.json"
    path.write_bytes(demo_store.path.read_bytes())
    gate = threading.Event()
    real_init = store_module.Store.__init__

    def slow_open(self, *args, **kwargs):
        gate.wait(10)  # a big file: the thread is still reading it
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(store_module.Store, "__init__", slow_open)
    app = CoplanApp(path, clock=clock, poll=False)
    async with app.run_test(size=(100, 30)) as pilot:
        seen: dict[str, str] = {}

        def opening() -> bool:
            seen["text"] = screen_text(app)
            return "Opening " in seen["text"]

        await wait_until(pilot, opening, "the opening line")  # a loaded machine draws late
        assert isinstance(app.screen, HomeScreen)
        text = seen["text"]
        squeezed = "".join(text.split())  # a long temp path wraps onto the next line
        assert "Opening " in text and "".join(f"{path.name}…".split()) in squeezed  # literally, markup and all
        assert "Start session" not in text and "Open the demo" not in text
        assert not app.screen.query("#partnerships")  # the table comes with the data: a quicker first frame
        every_stylesheet = lambda: all(app.stylesheet.has_source(str(styles_dir() / n), "") for n in STYLESHEETS)  # noqa: E731
        await wait_until(pilot, every_stylesheet, "the stylesheets the first frame did without")
        await pilot.press("s", "d", "n")  # nothing to act on yet: the keys do nothing
        assert isinstance(app.screen, HomeScreen) and app.store is None
        gate.set()
        await settle(pilot)
        assert len(app.screen_stack) == 2  # the default screen and one Home, not a second Home
        text = screen_text(app)
        assert "Alvarez & Lee" in text and "Opening" not in text and "Start session" in text
        assert app.screen.query_one("#partnerships").row_count == 2
        await pilot.press("q")


def test_the_first_screen_imports_no_store_and_no_pydantic():
    """What the first frame needs must not pull in the store, pydantic or the domain."""
    code = (
        "import sys, coplan_tui.cli as c; c.build_parser();"
        "import coplan_tui.ui.app, coplan_tui.ui.screens.home;"
        "print(sorted(m for m in ('pydantic', 'tinydb', 'filelock', 'coplan_tui.store.store', 'coplan_tui.domain.models') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
