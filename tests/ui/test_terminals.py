"""Every terminal, with Pilot: Esc+letter in the notes, footers, the size notice, the
colour filter, ASCII glyphs and the per-user theme. The same, in a real pseudo-terminal:
tests/e2e/test_terminals.py."""

from __future__ import annotations

import json
import re

import pytest

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.widgets import TextArea

from coplan_tui.terminal import TerminalProfile
from coplan_tui.ui import glyphs
from coplan_tui.ui.app import CoplanApp
from coplan_tui.ui.filters import AsciiOnly, StripColor
from coplan_tui.ui.screens.home import HomeScreen
from coplan_tui.ui.screens.session import SessionScreen
from coplan_tui.ui.screens.too_small import TooSmallScreen
from coplan_tui.ui.widgets.footer import CoplanFooter

from .helpers import screen_text, settle
from .session_driver import start_session, wait_until


def _app(store, clock, *, session: bool = False, **kwargs) -> CoplanApp:
    def start(app: CoplanApp) -> None:
        if session:
            app.open_session(partnership_query="lee")
        else:
            app.push_screen(HomeScreen())

    return CoplanApp(store.path, store=store, clock=clock, poll=False, start=start, **kwargs)


COLOUR_SGR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m")
"""An SGR sequence with a colour parameter (30-49, 90-107, including 38;5 and 48;2 forms)."""


def _frame_bytes(app) -> str:
    """The screen as the terminal would receive it (Textual's line filters applied)."""
    import io

    from rich.console import Console

    out = io.StringIO()
    console = Console(file=out, force_terminal=True, color_system="truecolor", width=app.size.width)
    console.print(app.screen._compositor.render_update(full=True), end="")
    return out.getvalue()


def _footer_starts_with_q_and_help(app) -> bool:
    """The footer as drawn: q first, then ? (its keys' DOM order after a recompose can differ)."""
    app.screen.query_one(CoplanFooter)
    words = screen_text(app).splitlines()[-1].split()
    return words[0] == "q" and words.index("?") <= 3


async def test_esc_and_a_letter_merged_into_alt_letter_leave_the_notes_and_run_the_command(demo_store, clock):
    app = _app(demo_store, clock, session=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await start_session(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        notes = screen.query_one("#notes", TextArea)
        assert notes.has_focus
        await pilot.press(*"ok")
        # What the terminal sends for Escape then n within the escape delay: ESC n, read as alt+n.
        app.post_message(events.Key("alt+n", "n"))
        await wait_until(pilot, lambda: screen.session.current_step == 1, "the next step")
        await settle(pilot)
        assert not notes.has_focus
        assert screen.session.steps[0].notes == "ok"  # nothing inserted


async def test_alt_with_a_non_letter_still_reaches_the_editor(demo_store, clock):
    app = _app(demo_store, clock, session=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await start_session(pilot)
        notes = app.screen.query_one("#notes", TextArea)
        await pilot.press(*"a", "enter")
        assert notes.has_focus and notes.text == "a\n"
        assert app.screen.session.current_step == 0


async def test_q_and_help_come_first_in_the_footers_at_80_columns(demo_store, clock):
    app = _app(demo_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert _footer_starts_with_q_and_help(app)
        assert screen_text(app).splitlines()[-1].lstrip().startswith("q Quit  ? Help")
    app = _app(demo_store, clock, session=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_session(pilot)
        # In the notes q and ? are text: the way out comes first instead.
        assert screen_text(app).splitlines()[-1].split()[:3] == ["esc", "Leave", "notes"]
        await pilot.press("tab")  # the to-do pane's keys come before the screen's in Textual's order
        await settle(pilot)
        assert _footer_starts_with_q_and_help(app)


async def test_below_80x24_a_notice_instead_of_the_layout_and_back_when_larger(demo_store, clock):
    app = _app(demo_store, clock)
    async with app.run_test(size=(79, 23)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, TooSmallScreen), "the size notice")
        await settle(pilot)
        text = screen_text(app)
        assert "79x23" in text and "at least 80x24" in text
        await pilot.resize_terminal(80, 23)
        await wait_until(pilot, lambda: "80x23" in screen_text(app), "the new size in the notice")
        await pilot.resize_terminal(80, 24)
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "the home screen again")
        await pilot.resize_terminal(60, 30)
        await wait_until(pilot, lambda: isinstance(app.screen, TooSmallScreen), "the notice again")
        assert len([s for s in app.screen_stack if isinstance(s, TooSmallScreen)]) == 1


async def test_no_color_profile_strips_every_colour_and_marks_the_cursor_in_reverse(demo_store, clock):
    app = _app(demo_store, clock, terminal=TerminalProfile(colors="none"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.theme == "coplan-no-color"
        frame = _frame_bytes(app)
        assert "\x1b[7m" in frame or ";7m" in frame or "\x1b[1;7m" in frame  # the cursor row, in reverse
        assert not COLOUR_SGR.search(frame), COLOUR_SGR.search(frame)
        filters = app.get_line_filters()
        assert isinstance(filters[-1], StripColor)
        # Every style through the filter loses colour and keeps reverse/bold.
        styled = [Segment("x", Style(color="red", bgcolor="rgb(1,2,3)", bold=True, reverse=True))]
        (out,) = filters[-1].apply(styled, None)
        assert out.style.color is None and out.style.bgcolor is None and out.style.bold and out.style.reverse


async def test_a_16_colour_terminal_gets_the_ansi_theme_and_a_saved_one_when_it_fits(demo_store, clock, tmp_path):
    settings = tmp_path / "config" / "settings.json"
    app = _app(demo_store, clock, terminal=TerminalProfile(colors="16"), settings_file=settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.theme == "ansi-dark"
    assert not settings.exists()  # an automatic choice is not the user's
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"theme": "coplan-high-contrast"}))
    app = _app(demo_store, clock, terminal=TerminalProfile(colors="16"), settings_file=settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.theme == "coplan-high-contrast"


async def test_a_theme_picked_in_the_app_is_saved_for_the_user_not_in_the_database(demo_store, clock, tmp_path):
    settings = tmp_path / "config" / "settings.json"
    app = _app(demo_store, clock, settings_file=settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        app.theme = "coplan-high-contrast"
        await pilot.pause()
        await app.workers.wait_for_complete()
    assert json.loads(settings.read_text())["theme"] == "coplan-high-contrast"
    assert (settings.stat().st_mode & 0o777) == 0o600
    assert "high-contrast" not in demo_store.path.read_text()
    app = _app(demo_store, clock, settings_file=settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.theme == "coplan-high-contrast"


async def test_ascii_terminal_shows_boxes_as_brackets_and_every_character_as_ascii(demo_store, clock):
    app = _app(demo_store, clock, session=True, terminal=TerminalProfile(utf8=False))
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await start_session(pilot)
            assert isinstance(app.get_line_filters()[-1], AsciiOnly)
            await pilot.press("tab", "x")  # tick the first to-do: it stays in the pane, done
            await settle(pilot)
            pane = app.screen.query_one("#todo-list")
            lines = [str(pane.get_option_at_index(i).prompt) for i in range(pane.option_count)]
            assert any(line.startswith("[ ] ") for line in lines)
            assert any(line.startswith("[x] ") for line in lines)
            assert all(line.isascii() for line in lines)
            # What Textual draws itself (borders, big digits, the footer) goes through the filter too.
            frame = screen_text(app)
            assert frame.isascii() and "+-" in frame and "[x] " in frame
            assert all(len(line) == 100 for line in frame.splitlines())
    finally:
        glyphs.use(False)


def _fake_tmux(folder, escape_time: str) -> str:
    """A `tmux` that answers `show-options -sv escape-time` as a real one with that setting."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "tmux"
    script.write_text(f"#!/bin/sh\necho {escape_time}\n")
    script.chmod(0o755)
    return f"{folder}:/usr/bin:/bin"


async def _notices(app, pilot) -> list[str]:
    for _ in range(200):
        await pilot.pause(0.01)
        await app.workers.wait_for_complete()
        if app._notifications or not app.terminal.tmux:
            break
    return [n.message for n in app._notifications]


async def test_tmux_users_are_told_once_how_to_set_escape_time(demo_store, clock, tmp_path, monkeypatch):
    settings = tmp_path / "config" / "settings.json"
    monkeypatch.setenv("PATH", _fake_tmux(tmp_path / "bin", "500"))
    tmux = TerminalProfile(tmux=True)
    app = _app(demo_store, clock, terminal=tmux, settings_file=settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        (message,) = await _notices(app, pilot)
        assert "500 ms" in message and "set -sg escape-time 10" in message
        await app.workers.wait_for_complete()
    assert json.loads(settings.read_text())["tmux_escape_told"] is True
    app = _app(demo_store, clock, terminal=tmux, settings_file=settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()
        assert list(app._notifications) == []  # once is enough


async def test_tmux_with_a_short_escape_time_is_left_alone(demo_store, clock, tmp_path, monkeypatch):
    settings = tmp_path / "config" / "settings.json"
    monkeypatch.setenv("PATH", _fake_tmux(tmp_path / "bin", "10"))
    app = _app(demo_store, clock, terminal=TerminalProfile(tmux=True), settings_file=settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()
        assert list(app._notifications) == []
    assert not settings.exists()


@pytest.mark.parametrize("key", ["t", "T", "h", "p", "m", "r", "c", "e", "i", "n"])
async def test_every_screen_from_home_puts_the_way_out_and_help_first_at_80_columns(demo_store, clock, key):
    """Each screen's footer starts with its way out (q or esc) and ?, so 80 columns never hide them."""
    app = _app(demo_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        assert not isinstance(app.screen, HomeScreen)
        words = screen_text(app).splitlines()[-1].split()
        assert words[0] in ("q", "esc"), words
        if "question_mark" in app.active_bindings:  # (forms have no help: esc and ^s come first)
            assert "?" in words[:5], words
