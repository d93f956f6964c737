"""Messages the app broadcasts to screens."""

from __future__ import annotations

from textual.message import Message


class DataChanged(Message):
    """The store's data changed (our save, or another process's); views should re-read."""

    def __init__(self, external: bool = False):
        super().__init__()
        self.external = external
