"""Databases the size a pair reaches in a year and a CT reaches in a career (issue 15).

A year: one pair, 40 finished sessions, 400 to-dos (about 340 KB). A career: many pairs,
2,000 sessions, 50,000 to-dos (about 30 MB). Built from the demo's own documents and
``timebox`` steps, so the sessions look like real ones (notes, intervals, reflections),
and written with one ``Store.put``. The newest pair also gets an unfinished session that
the live-session benchmarks resume.

Run as a script to make one: python tests/benchmarks/big_db.py PATH (year|career)
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from coplan_tui.domain import timebox  # noqa: E402
from coplan_tui.domain.demo import build_demo  # noqa: E402
from coplan_tui.domain.models import BOTH, Partnership, Session, Todo, TodoStatus  # noqa: E402
from coplan_tui.domain.templates import WEEKLY  # noqa: E402

NOTES = "Planned the lab stations; Jordan leads the hook, Maria the debrief. Exit ticket on density."


def _sessions(pair: Partnership, n: int, now: datetime) -> list[Session]:
    leaders = [m.id for m in pair.members]
    out = []
    for i in range(n):
        start = now - timedelta(days=7 * (n - i) + 1)
        s = Session(partnership_id=pair.id, template=WEEKLY, leader_id=leaders[i % 2], day=start.date(), created_at=start)
        s = timebox.start(s, start)
        t = start
        for k, step in enumerate(WEEKLY.steps):
            s = timebox.set_notes(s, k, f"{NOTES} ({i}.{k})")
            t += timedelta(minutes=step.minutes)
            s = timebox.go_to(s, k + 1, t) if k + 1 < len(WEEKLY.steps) else timebox.finish(s, t)
        out.append(s)
    return out


def _todos(pair: Partnership, n: int, now: datetime, sessions: list[Session]) -> list[Todo]:
    owners = [m.id for m in pair.members] + [BOTH]
    today = now.date()
    out = []
    for i in range(n):
        done = i % 10 != 0  # most of a career's to-dos are long done
        out.append(Todo(
            title=f"To-do {i}: draft the exit ticket for lesson {i % 180}",
            partnership_id=pair.id,
            owner=owners[i % 3],
            due=today + timedelta(days=(i % 60) - 40) if i % 7 else None,
            status=TodoStatus.DONE if done else TodoStatus.OPEN,
            notes="Some notes about the task" if i % 5 == 0 else "",
            session_id=sessions[i % len(sessions)].id if sessions else None,
            created_at=now - timedelta(days=i % 300),
            updated_at=now - timedelta(days=i % 300),
            done_at=now if done else None,
        ))
    return out


def documents(kind: str, now: datetime) -> list:
    """The demo's documents, plus a year's or a career's sessions and to-dos for its first pair."""
    demo = build_demo(now.date(), now)
    pairs = [d for d in demo if isinstance(d, Partnership)]
    docs = list(demo)
    if kind == "year":
        sessions = _sessions(pairs[0], 40, now)
        return docs + sessions + _todos(pairs[0], 400, now, sessions)
    extra = []
    for n, pair in enumerate(pairs):
        share = 25_000 if n == 0 else 25_000 - sum(1 for d in demo if isinstance(d, Todo))
        sessions = _sessions(pair, 1_000, now)
        extra += sessions + _todos(pair, share, now, sessions)
    return docs + extra


def build(path: Path, kind: str, now: datetime | None = None) -> Path:
    from coplan_tui.store import Store

    now = now or datetime.now().astimezone()
    Store(path).put(*documents(kind, now))
    return path


if __name__ == "__main__":
    build(Path(sys.argv[1]), sys.argv[2])
