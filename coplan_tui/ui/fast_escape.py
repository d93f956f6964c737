"""The Linux/macOS terminal driver, with a lone Escape handled as soon as its delay is over.

Textual's input thread wakes up every 100 ms when no key arrives, and only then notices that
an ESC byte was a lone Escape, so Escape took the escape delay plus up to 100 ms more (about
200 ms measured, tests/benchmarks/escape_latency.py). This thread waits for the next byte
only as long as the parser needs: the escape delay when an ESC is pending, else 100 ms.
"""

from __future__ import annotations

import os
import selectors
from codecs import getincrementaldecoder

from textual._time import get_time
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver

IDLE_WAIT = 0.1


class FastEscapeDriver(LinuxDriver):
    def run_input_thread(self) -> None:
        parser = XTermParser(self._debug)
        decode = getincrementaldecoder("utf-8")().decode
        with selectors.SelectSelector() as selector:
            selector.register(self.fileno, selectors.EVENT_READ)
            while not self.exit_event.is_set():
                self._read_ready(selector, parser, decode, self._wait_for(parser))

    @staticmethod
    def _wait_for(parser: XTermParser) -> float:
        """Until the parser's pending deadline (a lone ESC), or the idle wait."""
        deadline = getattr(parser, "_timeout_time", None)  # the parser's own clock, textual._time
        if deadline is None:
            return IDLE_WAIT
        return min(IDLE_WAIT, max(0.0, deadline - get_time()))

    def _read_ready(self, selector, parser: XTermParser, decode, wait: float) -> None:
        for _key, mask in selector.select(wait):
            if mask & selectors.EVENT_READ:
                data = decode(os.read(self.fileno, 4096))
                if not data:
                    return
                for event in parser.feed(data):
                    self.process_message(event)
        for event in parser.tick():
            self.process_message(event)
