"""What a key in the session's notes costs on the wire (issue 15): over SSH every byte the app
writes is a byte someone waits for. At 80x24 a typed letter may repaint the notes box once
(Textual's editor repaints itself whole on an edit), and nothing else."""

from __future__ import annotations

import statistics
import time

from .harness import KEYS

BYTES_PER_KEY = 3 * 1024


def test_a_letter_in_the_notes_repaints_the_editor_once(terminal, demo_db):
    term = terminal("--db", str(demo_db), cols=80, rows=24)
    term.child.delaybeforesend = None
    term.wait_for("Alvarez & Lee")
    term.press("s")
    term.wait_for("Who leads?")
    term.child.send(KEYS["ctrl+s"])
    term.wait_for("Notes (autosaved)")
    term.wait_quiet(0.5)
    sizes, typed = [], ""
    for letter in "abcdefghij[/]🙂":
        typed += letter
        mark = term.mark()
        term.child.send(letter.encode())
        term.wait_for(lambda text, t=typed: t[-6:] in text)
        term.pump(0.15)  # what the same key still draws after its echo
        sizes.append(len(term.since(mark)))
        time.sleep(0.05)
    # The clock adds its own repaint once a second, to whichever key it falls on: the median
    # key is one with no clock in it.
    assert statistics.median(sizes) <= BYTES_PER_KEY, sizes
