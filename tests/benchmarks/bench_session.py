"""Session screen latency: key press to repaint, on a 50,000-to-do DB (issue 3, "Benchmark").

A live session shows 40 open to-dos of its partnership; the other 49,960 to-dos belong to
another partnership, so the session must stay quick however big the DB grows. Keys go
through Textual's Pilot on a headless 100x30 app with the real clock, the 0.25 s tick and
the 0.5 s notes autosave running, and every change saved by the app's writer thread to a
real file in a temp dir (write-behind: after 30 ms without a further change, at most 250 ms;
on the big DB each write is ~20 ms of rewriting a 15 MB file, which overlaps later presses). Three actions, 200 samples each after a short warm-up:

- ``notes_typing``: a letter or space typed into the notes editor (autosave writes every 0.5 s);
- ``todo_toggle``: ``x`` on the selected to-do in the to-do pane (the same to-do, back and forth);
- ``next_step``: ``n``, alternating with ``p`` so the session never runs out of steps.

What a sample measures: from just before ``pilot.press(key)`` (which posts the key event
at once) to the end of the first frame that shows the key's effect. A frame counts when,
at the moment the screen hands it to the terminal, (a) the key's effect is in the widgets'
state (notes text one character longer, the to-do's box flipped, the step changed) and
(b) no repaint request is still on its way to the screen (no widget flagged for repaint
or layout, no Update/Layout message queued on the screen). Pilot's own settling sleeps
come after that frame and are not counted. The number includes: event delivery, the key
handler (the app's action and its redraws), Textual's idle/refresh cycle including its
60 fps frame pacing, compositing, and encoding the frame into terminal escape codes
(the headless driver skips that, so the probe does it). It excludes writing the bytes to
a real terminal and the terminal's own drawing. Between presses the benchmark waits for
Pilot to settle plus a random 0-20 ms, so presses do not lock in step with the timers.

Baseline: the same session, the same 40 to-dos and the same keys in the same run, on a
DB holding only those 40 to-dos (100 samples each, to keep the run near 3 minutes). The
gap between the two is what the other 49,960 to-dos cost.

Prints one JSON object per line. Run: python tests/benchmarks/bench_session.py
"""

from __future__ import annotations

import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from textual import messages  # noqa: E402
from textual._compositor import CompositorUpdate  # noqa: E402
from textual.widgets import OptionList, TextArea  # noqa: E402

from coplan_tui.domain.catalogue import Role  # noqa: E402
from coplan_tui.domain.models import BOTH, Member, Partnership, Session, Todo  # noqa: E402
from coplan_tui.domain.templates import WEEKLY  # noqa: E402
from coplan_tui.store import Store  # noqa: E402
from coplan_tui.ui.app import CoplanApp  # noqa: E402
from coplan_tui.ui.screens.session import SessionScreen  # noqa: E402

N_TODOS = 50_000
N_SESSION = 40
SAMPLES = 200
BASELINE_SAMPLES = 100
WARMUP = 5
TARGET_MS = 16
SIZE = (100, 30)
TYPED = "notes from the reflection on the lab lesson "
FRAME_TIMEOUT_S = 5.0
PENDING_REPAINT = (messages.Update, messages.Layout, messages.UpdateScroll)


def build_db(path: Path, n_todos: int) -> tuple[Store, str]:
    """A DB whose session partnership has 40 open to-dos; the rest belong to another pair."""
    now = datetime.now().astimezone()
    today = now.date()
    ct, tc = Member(name="Maria Alvarez", role=Role.CT), Member(name="Jordan Lee", role=Role.TC)
    pair = Partnership(name="Alvarez & Lee", members=[ct, tc])
    oc, ot = Member(name="Ada Okafor", role=Role.CT), Member(name="Sam Reyes", role=Role.TC)
    other = Partnership(name="Okafor & Reyes", members=[oc, ot])
    session = Session(partnership_id=pair.id, template=WEEKLY, leader_id=ct.id, day=today, created_at=now)

    def todo(i: int, p: Partnership, owners: tuple[str, ...], **extra) -> Todo:
        return Todo(
            title=f"To-do {i}: draft the exit ticket",
            partnership_id=p.id,
            owner=owners[i % 3],
            due=today + timedelta(days=i % 14 - 3),
            created_at=now,
            updated_at=now,
            **extra,
        )

    mine = [todo(i, pair, (ct.id, tc.id, BOTH), session_id=session.id) for i in range(N_SESSION)]
    rest = [todo(i, other, (oc.id, ot.id, BOTH)) for i in range(n_todos - N_SESSION)]
    store = Store(path)
    store.put(pair, other, session, *mine, *rest)
    return store, session.id


class FrameProbe:
    """Stamps the first frame, after a key, that shows the key's effect (see the docstring)."""

    def __init__(self, app: CoplanApp):
        self.app = app
        self.expect: Callable[[], bool] | None = None
        self.stamp = 0.0
        self.seen = asyncio.Event()
        self._display = app._display
        app._display = self._on_display  # type: ignore[method-assign]

    def arm(self, expect: Callable[[], bool]) -> None:
        self.expect = expect
        self.seen.clear()

    def _on_display(self, screen, update) -> None:
        shows_key = self.expect is not None and self.expect() and _drained(screen)
        self._display(screen, update)
        if isinstance(update, CompositorUpdate):
            update.render_segments(self.app.console)  # what a real terminal driver would encode
        if shows_key:
            self.stamp = time.perf_counter()
            self.expect = None
            self.seen.set()


def _drained(screen) -> bool:
    """No repaint request is still travelling from a widget to the screen."""
    if any(w._repaint_required or w._layout_required for w in screen.walk_children()):
        return False
    return not any(isinstance(m, PENDING_REPAINT) for m in screen._message_queue.values)


async def sample(pilot, probe: FrameProbe, key: str, expect: Callable[[], bool], rng: random.Random) -> float | None:
    """One key press; its latency in ms, or None if no frame showed it in time."""
    probe.arm(expect)
    t0 = time.perf_counter()
    await pilot.press(key)
    try:
        await asyncio.wait_for(probe.seen.wait(), FRAME_TIMEOUT_S)
    except TimeoutError:
        if pilot.app._exception is not None:
            raise pilot.app._exception from None
        return None
    latency = (probe.stamp - t0) * 1000
    await asyncio.sleep(rng.uniform(0, 0.02))
    return latency


async def run_session(store: Store, session_id: str, samples: int) -> dict[str, list[float]]:
    """Drive the three actions on one DB; latencies in ms per action."""
    app = CoplanApp(store.path, store=store, poll=False, start=lambda a: a.push_screen(SessionScreen(session_id)))
    rng = random.Random(3)
    results: dict[str, list[float]] = {}
    missed: dict[str, int] = {}
    async with app.run_test(size=SIZE) as pilot:
        while not isinstance(app.screen, SessionScreen):
            await pilot.pause(0.05)
        await pilot.pause()
        screen = app.screen
        notes = screen.query_one("#notes", TextArea)
        options = screen.query_one("#todo-list", OptionList)
        assert notes.has_focus, app.focused
        probe = FrameProbe(app)

        async def measure(name: str, presses) -> None:
            times: list[float] = []
            for i, (key, expect) in enumerate(presses):
                t = await sample(pilot, probe, key, expect, rng)
                if t is None:
                    missed[name] = missed.get(name, 0) + 1
                elif i >= WARMUP:
                    times.append(t)
            results[name] = times

        def typing():
            for i in range(WARMUP + samples):
                length = len(notes.text) + 1
                yield TYPED[i % len(TYPED)], lambda n=length: len(notes.text) == n

        await measure("notes_typing", typing())

        await pilot.press("escape")
        assert options.has_focus, app.focused
        todo_id = screen.query_one("#todo-pane").selected_id()
        boxes = ("☑", "☐")

        def toggling():
            for i in range(WARMUP + samples):
                box = boxes[i % 2]
                yield "x", lambda b=box: options.get_option(todo_id).prompt.plain.startswith(b)

        await measure("todo_toggle", toggling())

        def stepping():
            for i in range(WARMUP + samples):
                yield ("n", lambda: screen.session.current_step == 1) if i % 2 == 0 else ("p", lambda: screen.session.current_step == 0)

        await measure("next_step", stepping())
        app.gateway.flush()
    for name, count in missed.items():
        print(f"warning: {count} {name} presses showed no frame within {FRAME_TIMEOUT_S} s", file=sys.stderr)
    return results


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def emit(name: str, value: float, **extra: float | int) -> None:
    print(json.dumps({"name": name, "value": round(value, 2), "unit": "ms", **extra}), flush=True)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        small = asyncio.run(run_session(*build_db(Path(tmp) / "small.json", N_SESSION), BASELINE_SAMPLES))
        big = asyncio.run(run_session(*build_db(Path(tmp) / "big.json", N_TODOS), SAMPLES))
    for name, times in big.items():
        base = small[name]
        emit(f"{name}_p50", statistics.median(times), baseline=round(statistics.median(base), 2), samples=len(times), baseline_samples=len(base))
        emit(f"{name}_p95", percentile(times, 95), target=TARGET_MS, baseline=round(percentile(base, 95), 2), samples=len(times), baseline_samples=len(base))


if __name__ == "__main__":
    main()
