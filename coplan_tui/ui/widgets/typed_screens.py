"""Screens whose ``self.app`` is typed as the coplan app.

Textual types ``self.app`` as a plain ``App``, so every read of the store, the clock or the
writer needed a ``# type: ignore[attr-defined]``: over a hundred of them, and each one also hid
a misspelt method or a wrong argument from the type checker. Here the one override says what
the app is; at run time these classes add nothing, and the widgets still never import the app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from ..app import CoplanApp

ResultT = TypeVar("ResultT")


class CoplanScreen(Screen[ResultT]):
    if TYPE_CHECKING:

        @property
        def app(self) -> CoplanApp: ...  # type: ignore[override]  # (CoplanApp is an App[int], Textual says App[object])


class CoplanModal(ModalScreen[ResultT]):
    if TYPE_CHECKING:

        @property
        def app(self) -> CoplanApp: ...  # type: ignore[override]
