"""The large countdown: normal, last minute (warning colour), then +m:ss overtime."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Digits

from ...domain.timebox import format_clock


class Countdown(Digits):
    def show(self, remaining: timedelta) -> None:
        seconds = remaining.total_seconds()
        self.set_class(0 < seconds <= 60, "-last-minute")
        self.set_class(seconds <= 0, "-overrun")
        text = format_clock(remaining)
        if text != self.value:  # the screen ticks four times a second; repaint only when the digits change
            self.update(text)
