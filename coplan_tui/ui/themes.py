"""coplan's own themes, and which theme a terminal gets.

- ``coplan-high-contrast``: black, white and yellow, for a projector in a bright room;
  pure colours that survive a 16-colour terminal too.
- ``coplan-no-color``: what NO_COLOR users see. Colours are stripped from every frame, so
  the selected row and the cursors are drawn in reverse video instead.
"""

from __future__ import annotations

from textual.theme import BUILTIN_THEMES, Theme

from ..terminal import TerminalProfile

DEFAULT = "textual-dark"
SIXTEEN = "ansi-dark"
HIGH_CONTRAST = "coplan-high-contrast"
NO_COLOR = "coplan-no-color"

HIGH_CONTRAST_THEME = Theme(
    name=HIGH_CONTRAST,
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffff00",
    warning="#ffff00",
    error="#ff5555",
    success="#55ff55",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#000000",
    boost="#000000",
    dark=True,
    variables={
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#ffffff",
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-foreground": "#000000",
        "block-cursor-blurred-background": "#c0c0c0",
        "block-cursor-blurred-text-style": "none",
        "footer-key-foreground": "#ffff00",
        "footer-key-background": "#000000",
        "footer-description-foreground": "#ffffff",
        "footer-background": "#000000",
        "footer-item-background": "#000000",
        "border": "#ffff00",
        "border-blurred": "#ffffff",
        "input-cursor-background": "#ffffff",
        "input-cursor-foreground": "#000000",
        "text-muted": "#ffffff",
        "foreground-muted": "#ffffff",
    },
)

_ANSI = BUILTIN_THEMES[SIXTEEN]
NO_COLOR_THEME = Theme(
    name=NO_COLOR,
    primary=_ANSI.primary,
    secondary=_ANSI.secondary,
    accent=_ANSI.accent,
    warning=_ANSI.warning,
    error=_ANSI.error,
    success=_ANSI.success,
    foreground=_ANSI.foreground,
    background=_ANSI.background,
    surface=_ANSI.surface,
    panel=_ANSI.panel,
    boost=_ANSI.boost,
    dark=True,
    ansi=True,
    variables={
        **_ANSI.variables,
        # A list's highlighted option loses reverse video on its way to the terminal (Textual
        # turns it into swapped colours, which are stripped): underline marks it there too.
        "block-cursor-text-style": "reverse bold underline",
        "block-cursor-blurred-text-style": "underline",
        "input-cursor-text-style": "reverse",
        "input-selection-background": "ansi_default",
        "footer-key-foreground": "ansi_default",
        "footer-key-background": "ansi_default",
        "button-focus-text-style": "b reverse",
    },
)

OWN_THEMES = (HIGH_CONTRAST_THEME, NO_COLOR_THEME)
SAFE_ON_16 = frozenset({SIXTEEN, "ansi-light", HIGH_CONTRAST, NO_COLOR})


def pick_theme(saved: str, terminal: TerminalProfile, available: set[str] | frozenset[str]) -> str:
    """The user's saved theme when this terminal can show it; otherwise what reads well here.

    NO_COLOR always wins (colour is stripped, so only reverse video can mark a selection);
    a 16-colour terminal keeps only themes drawn in its own ANSI colours or pure ones, since
    others are rounded to colours like white on cyan (1.2:1).
    """
    if terminal.no_color:
        return NO_COLOR
    if terminal.colors == "16":
        return saved if saved in SAFE_ON_16 else SIXTEEN
    return saved if saved in available and saved != NO_COLOR else DEFAULT
