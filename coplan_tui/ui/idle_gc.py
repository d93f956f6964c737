"""Run Python's cyclic garbage collector between keys, not in the middle of one.

Automatic collections start at allocation thresholds, so they land inside key handling:
in the live session they added 1-2 ms to a typical frame and 5 ms or more now and then.
The app turns them off while it runs, freezes what lives as long as the app, and asks
``IdleCollector`` on a timer whether to collect now. Time is passed in.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass

QUIET_S = 0.3
"""Collect once no key has come for this long..."""
MAX_GAP_S = 5.0
"""...or when this long has passed since the last collection, keys or not."""
MIN_NEW_OBJECTS = 700
"""Nothing to gain below Python's own first threshold."""


@dataclass
class IdleCollector:
    last_input: float
    last_collect: float
    refreeze: bool = False
    """Set after a reload: at the next quiet moment, thaw, collect everything and freeze again."""

    def saw_input(self, now: float) -> None:
        self.last_input = now

    def due(self, now: float, new_objects: int) -> bool:
        quiet = now - self.last_input >= QUIET_S
        if self.refreeze:
            return quiet
        if new_objects < MIN_NEW_OBJECTS:
            return False
        return quiet or now - self.last_collect >= MAX_GAP_S

    def collect_if_due(self, now: float) -> bool:
        if not self.due(now, gc.get_count()[0]):
            return False
        if self.refreeze:
            # Frozen cycles are never collected: screens closed since the last freeze would
            # leak. A full pass over everything, once, while nobody is typing.
            self.refreeze = False
            gc.unfreeze()
            freeze()
        else:
            gc.collect()
        self.last_collect = now
        return True


def freeze() -> None:
    """Collect, then put what is still alive (the store's documents, the app's widgets) out of
    the collector's reach: it lives as long as the app, and reference counting still frees it."""
    gc.collect()
    gc.freeze()


def take_over(now: float) -> IdleCollector:
    """Freeze what is alive now, stop automatic collections, and hand back the collector."""
    freeze()
    gc.disable()
    return IdleCollector(last_input=now, last_collect=now)


def give_back() -> None:
    gc.unfreeze()
    gc.enable()
