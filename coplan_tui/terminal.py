"""What the terminal can show, decided once from the environment before the app starts.

Pure: the caller passes the environment (and stdout's encoding), so tests can describe any
terminal without having one. Everything that depends on the terminal asks this profile,
never ``os.environ`` directly, so a 16-colour school laptop, NO_COLOR and a C locale are
each handled in one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

ESCAPE_DELAY_MS = 50
"""How long a lone ESC waits for the rest of a key sequence (Textual's default is 100 ms).
Sequences from the terminal arrive in one write, so 50 ms (neovim's ttimeoutlen) loses
none of them; an Escape followed by a letter sooner than this becomes alt+letter, which
the notes editor reads as Escape then the letter (ui/widgets/notes_area.py)."""

MIN_WIDTH = 80
MIN_HEIGHT = 24


@dataclass(frozen=True)
class TerminalProfile:
    colors: str = "truecolor"
    """"none" (NO_COLOR), "16", "256" or "truecolor"."""
    utf8: bool = True
    """False: draw ASCII only (a C/POSIX or Latin-1 locale)."""
    tmux: bool = False
    screen: bool = False
    """GNU screen: it holds a lone Escape while mouse tracking is on."""

    @property
    def no_color(self) -> bool:
        return self.colors == "none"


def _locale(env: Mapping[str, str]) -> str:
    """The locale that decides the character set: LC_ALL, then LC_CTYPE, then LANG (POSIX order)."""
    for name in ("LC_ALL", "LC_CTYPE", "LANG"):
        value = env.get(name, "")
        if value:
            return value
    return ""


def is_utf8(env: Mapping[str, str]) -> bool:
    """Whether the terminal's locale is UTF-8.

    Python's own stdout encoding cannot tell: with LANG=C it switches itself to UTF-8
    (PEP 538), while the terminal behind it still shows only ASCII. No locale at all
    (a bare container, a CI runner) is taken as UTF-8, which every terminal emulator of
    the last decade defaults to.
    """
    value = _locale(env)
    if not value:
        return True
    upper = value.upper().replace("-", "")
    if "UTF8" in upper:
        return True
    return False


def color_depth(env: Mapping[str, str]) -> str:
    if env.get("NO_COLOR"):  # https://no-color.org: present and not empty, whatever its value
        return "none"
    term = env.get("TERM", "").lower()
    colorterm = env.get("COLORTERM", "").lower()
    if term in ("dumb", "unknown"):
        return "none"
    if colorterm in ("truecolor", "24bit") or term.endswith("-direct"):
        return "truecolor"
    if "256color" in term:
        return "256"
    if not term:
        return "truecolor"  # not a terminal we can ask (a browser through textual-serve)
    return "16"  # xterm, screen, linux, vt220...: assume the 16 ANSI colours


def launch_environ(current: Mapping[str, str]) -> dict[str, str]:
    """The environment this process was started with.

    Python changes its own: under LANG=C it sets LC_CTYPE=C.UTF-8 (PEP 538 locale coercion),
    which would hide that the terminal is not UTF-8. On Linux /proc/self/environ still holds
    the environment as it was at start; elsewhere the current one is the best there is.
    """
    try:
        with open("/proc/self/environ", "rb") as f:
            block = f.read()
    except OSError:
        return dict(current)
    original: dict[str, str] = {}
    for entry in block.split(b"\0"):
        name, sep, value = entry.partition(b"=")
        if sep:
            original[name.decode("utf-8", "replace")] = value.decode("utf-8", "replace")
    merged = dict(current)
    for name in ("LC_ALL", "LC_CTYPE", "LANG"):
        merged.pop(name, None)
        if name in original:
            merged[name] = original[name]
    return merged


def detect(env: Mapping[str, str]) -> TerminalProfile:
    if env.get("TERM_PROGRAM") == "textual":  # a browser tab through textual-serve
        return TerminalProfile(colors="none" if env.get("NO_COLOR") else "truecolor")
    term = env.get("TERM", "")
    return TerminalProfile(
        colors=color_depth(env),
        utf8=is_utf8(env),
        tmux=bool(env.get("TMUX")),
        screen=bool(env.get("STY")) or (term.startswith("screen") and not env.get("TMUX")),
    )


def too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT
