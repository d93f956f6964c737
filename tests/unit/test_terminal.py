"""What coplan decides from the environment: colours, UTF-8, tmux, screen; the theme; ASCII."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest
from rich.cells import cell_len

from coplan_tui import settings
from coplan_tui.commands.serve import ServeRefused, check_exposure, is_local
from coplan_tui.terminal import TerminalProfile, color_depth, detect, is_utf8, too_small
from coplan_tui.ui.glyphs import to_ascii
from coplan_tui.ui.themes import HIGH_CONTRAST, NO_COLOR, SIXTEEN, pick_theme


@pytest.mark.parametrize(
    "env, depth",
    [
        ({"TERM": "xterm"}, "16"),
        ({"TERM": "screen"}, "16"),
        ({"TERM": "linux"}, "16"),
        ({"TERM": "xterm-256color"}, "256"),
        ({"TERM": "tmux-256color"}, "256"),
        ({"TERM": "xterm-256color", "COLORTERM": "truecolor"}, "truecolor"),
        ({"TERM": "xterm", "NO_COLOR": "0"}, "none"),  # any value...
        ({"TERM": "xterm", "NO_COLOR": ""}, "16"),  # ...but not empty (no-color.org)
        ({"TERM": "xterm-256color", "COLORTERM": "truecolor", "NO_COLOR": "1"}, "none"),
        ({"TERM": "dumb"}, "none"),
    ],
)
def test_colour_depth(env, depth):
    assert color_depth(env) == depth


@pytest.mark.parametrize(
    "env, utf8",
    [
        ({"LANG": "C"}, False),
        ({"LANG": "POSIX"}, False),
        ({"LANG": "en_US.ISO-8859-1"}, False),
        ({"LANG": "en_US.UTF-8"}, True),
        ({"LANG": "de_DE.utf8"}, True),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "C"}, False),  # LC_ALL wins
        ({"LANG": "C", "LC_CTYPE": "C.UTF-8"}, True),  # then LC_CTYPE
        ({}, True),
    ],
)
def test_utf8_follows_the_locale_not_pythons_own_encoding(env, utf8):
    assert is_utf8(env) is utf8


def test_detect_tmux_screen_and_a_browser():
    assert detect({"TERM": "tmux-256color", "TMUX": "/tmp/tmux-0/default,1,0"}).tmux
    assert detect({"TERM": "screen", "STY": "123.pts-0"}).screen
    assert not detect({"TERM": "screen", "TMUX": "/tmp/x"}).screen  # tmux's TERM=screen is not GNU screen
    served = detect({"TERM_PROGRAM": "textual", "TERM": "xterm", "LANG": "C", "TMUX": "/tmp/x"})
    assert served == TerminalProfile()  # a browser: truecolor, UTF-8, no tmux


def test_too_small():
    assert too_small(79, 24) and too_small(80, 23) and too_small(79, 23)
    assert not too_small(80, 24) and not too_small(200, 60)


def test_theme_choice():
    themes = frozenset({"textual-dark", "nord", SIXTEEN, HIGH_CONTRAST, NO_COLOR})
    assert pick_theme("", TerminalProfile(colors="16"), themes) == SIXTEEN
    assert pick_theme("nord", TerminalProfile(colors="16"), themes) == SIXTEEN  # rounds to 1.2:1 colours
    assert pick_theme(HIGH_CONTRAST, TerminalProfile(colors="16"), themes) == HIGH_CONTRAST
    assert pick_theme(HIGH_CONTRAST, TerminalProfile(colors="none"), themes) == NO_COLOR
    assert pick_theme("nord", TerminalProfile(), themes) == "nord"
    assert pick_theme("gone-theme", TerminalProfile(), themes) == "textual-dark"
    assert pick_theme(NO_COLOR, TerminalProfile(), themes) == "textual-dark"


HOSTILE = ["[/]", "[link=x]y[/link]", "\x1b]52;c;aGk=\x07", "x" * 10_000, "😀 emoji", "עברית RTL", "中文", "e\u0301"]


@pytest.mark.parametrize("text", HOSTILE + ["╭─╮│ │╰─╯┏━┓┃ ┃┗━┛╶╴╷╵▁▂▃▄▅▆▇█▔▏▎▊░▒▓…·•↻☐☑✓●◆▶"])
def test_to_ascii_is_ascii_and_keeps_every_width(text):
    out = to_ascii(text)
    assert out.isascii()
    assert cell_len(out) == cell_len(text)


def test_to_ascii_draws_boxes_and_digits_legibly():
    assert to_ascii("╭─╮") == "+-+" and to_ascii("│ │") == "| |" and to_ascii("┏━┓") == "+-+"
    assert to_ascii("café") == "cafe"
    assert to_ascii("☐☑↻") == "_x>"  # the widgets use [ ] and [x]; this is only the fallback


def test_settings_round_trip_in_a_private_file(tmp_path):
    path = tmp_path / "cfg" / "coplan" / "settings.json"
    assert settings.load(path) == settings.DEFAULTS
    settings.save({"theme": "coplan-high-contrast"}, path)
    settings.save({"tmux_escape_told": True}, path)
    assert settings.load(path) == {**settings.DEFAULTS, "theme": "coplan-high-contrast", "tmux_escape_told": True}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


@pytest.mark.parametrize("content", ["{not json", "[]", '{"theme": 3, "mouse": "yes"}', ""])
def test_a_broken_settings_file_counts_as_defaults(tmp_path, content):
    path = tmp_path / "settings.json"
    path.write_text(content)
    assert settings.load(path) == settings.DEFAULTS


def test_settings_command_shows_and_changes_the_users_file(tmp_path):
    path = tmp_path / "settings.json"
    env = {**os.environ, "COPLAN_CONFIG": str(path)}
    run = lambda *args: subprocess.run([sys.executable, "-m", "coplan_tui", "settings", *args], env=env, capture_output=True, text=True)
    out = run("theme=coplan-high-contrast", "mouse=off")
    assert out.returncode == 0, out.stderr
    assert json.loads(path.read_text())["theme"] == "coplan-high-contrast"
    assert json.loads(path.read_text())["mouse"] is False
    shown = run()
    assert str(path) in shown.stdout and "coplan-high-contrast" in shown.stdout
    bad = run("theme=[link=x]y[/link]")
    assert bad.returncode == 2 and "[link=x]y[/link]" in bad.stderr
    bad = run("colour=red")
    assert bad.returncode == 2 and "theme" in bad.stderr


def test_serve_refuses_a_reachable_host_without_a_token():
    assert is_local("127.0.0.1") and is_local("localhost") and is_local("::1") and is_local("127.0.0.2")
    assert not is_local("0.0.0.0") and not is_local("192.168.1.5") and not is_local("example.org")
    check_exposure("127.0.0.1", None)
    check_exposure("0.0.0.0", "s3cret")
    with pytest.raises(ServeRefused, match="token"):
        check_exposure("0.0.0.0", None)


@pytest.mark.parametrize("lang, utf8", [("C", False), ("POSIX", False), ("C.UTF-8", True), ("en_US.UTF-8", True)])
def test_the_locale_at_launch_counts_not_pythons_coerced_one(lang, utf8):
    """Under LANG=C Python sets LC_CTYPE=C.UTF-8 for itself (PEP 538); the terminal is still C."""
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_CTYPE", "LANG")}
    env["LANG"] = lang
    code = "import os; from coplan_tui.terminal import detect, launch_environ; print(detect(launch_environ(os.environ)).utf8)"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == str(utf8)
