"""A save made from an older copy merges field by field with what another process saved since;
a field both changed keeps the later save, and the window whose value was replaced is told."""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from coplan_tui.domain.catalogue import Role
from coplan_tui.domain.models import Member, Partnership, Todo, TodoStatus
from coplan_tui.domain.todo_changes import edited, mark_done
from coplan_tui.store import Store

ROOT = Path(__file__).resolve().parents[2]

OTHER_WINDOW = textwrap.dedent(
    """
    import sys, time
    from coplan_tui.store import Store
    from coplan_tui.domain.models import Todo
    from coplan_tui.domain.todo_changes import edited
    path, todo_id, field, value, delay = sys.argv[1:6]
    store = Store(path)
    store.user = "Jordan Lee"
    todo = store.get(Todo, todo_id)
    time.sleep(float(delay))
    store.put(edited(todo, store.clock(), **{field: value}))
    """
)


def _pair_and_todo(db: Path, clock) -> tuple[Store, Todo]:
    store = Store(db, clock=clock)
    store.user = "Maria Alvarez"
    pair = Partnership(name="A & B", members=[Member(name="Maria Alvarez", role=Role.CT), Member(name="Jordan Lee", role=Role.TC)])
    todo = Todo(title="Print the handouts", partnership_id=pair.id, created_at=clock(), updated_at=clock())
    store.put(pair, todo)
    return store, store.get(Todo, todo.id)


def _other_window(db: Path, todo_id: str, field: str, value: str, delay: float) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", OTHER_WINDOW, str(db), todo_id, field, value, str(delay)], cwd=ROOT)


def test_an_edit_and_a_tick_from_two_processes_both_land_in_20_random_races(tmp_path, clock):
    rng = random.Random(7)
    lost = []
    for trial in range(20):
        db = tmp_path / f"race{trial}.json"
        store, todo = _pair_and_todo(db, clock)
        other = _other_window(db, todo.id, "title", f"Print the handouts, trial {trial}", rng.uniform(0.0, 0.6))
        time.sleep(rng.uniform(0.0, 0.6))
        store.put(mark_done(todo, clock()))  # ticked from the copy read before the other's edit
        assert other.wait(60) == 0
        final = Store(db).get(Todo, todo.id)
        if final.status != TodoStatus.DONE or final.title != f"Print the handouts, trial {trial}":
            lost.append((trial, final.title, final.status))
    assert lost == []


def test_the_same_field_changed_twice_keeps_the_later_and_tells_the_earlier(tmp_path, clock):
    db = tmp_path / "coplan.json"
    store, todo = _pair_and_todo(db, clock)
    store.put(edited(todo, clock(), title="Print 30 handouts"))  # Maria first
    mine = store.get(Todo, todo.id)
    other = _other_window(db, todo.id, "title", "Print 32 handouts", 0.0)  # Jordan, later
    assert other.wait(60) == 0
    assert store.reload_if_changed()
    assert store.get(Todo, todo.id).title == "Print 32 handouts"
    [notice] = store.take_notices()
    assert notice.by == "Jordan Lee" and notice.field == "title"
    assert "Jordan Lee changed the title of 'Print 32 handouts'" in str(notice)
    assert store.take_notices() == []  # said once
    assert mine.rev == 2 and store.get(Todo, todo.id).rev == 3


def test_a_stale_copy_never_undoes_another_windows_change(tmp_path, clock):
    db = tmp_path / "coplan.json"
    store, stale = _pair_and_todo(db, clock)
    other = Store(db, clock=clock)
    other.put(edited(other.get(Todo, stale.id), clock(), due=clock().date()))
    store.put(edited(stale, clock(), owner="both", notes="bring scissors"))
    final = Store(db).get(Todo, stale.id)
    assert final.due == clock().date() and final.notes == "bring scissors"


PAUSE_IN_OTHER_WINDOW = textwrap.dedent(
    """
    import sys
    from coplan_tui.store import Store
    from coplan_tui.domain import timebox
    from coplan_tui.domain.models import Session
    from coplan_tui.domain.shared_notes import SharedNotes
    path, session_id = sys.argv[1:3]
    store = Store(path)
    store.user = "Jordan Lee"
    s = store.get(Session, session_id)
    notes = SharedNotes(s.notes_state, [r.notes for r in s.steps])
    notes.edit(0, notes.text(0) + " BRAVO")
    s = timebox.set_notes(s, 0, notes.text(0)).model_copy(update={"notes_state": notes.state()})
    store.put(timebox.pause(s, store.clock()))
    """
)


def test_a_window_saving_again_and_again_from_its_copy_keeps_the_partners_pause_and_words(demo_store, clock):
    """The live session saves from its own copy every few keys; the partner pauses the clock
    and types a word in between. Neither the pause nor the word may be undone."""
    from coplan_tui.domain import timebox
    from coplan_tui.domain.models import Partnership, Session, SessionStatus
    from coplan_tui.domain.shared_notes import SharedNotes
    from coplan_tui.domain.templates import BUILTIN_TEMPLATES

    pair = demo_store.all(Partnership)[0]
    session = timebox.start(timebox.ensure_runs(Session(partnership_id=pair.id, template=BUILTIN_TEMPLATES[0], day=clock().date(), created_at=clock())), clock())
    demo_store.put(session)
    copy = demo_store.get(Session, session.id)  # the screen's copy, never refreshed below
    notes = SharedNotes(copy.notes_state, [r.notes for r in copy.steps])

    def save_typing(text: str) -> None:
        notes.edit(0, text)
        demo_store.put(timebox.set_notes(copy, 0, text).model_copy(update={"notes_state": notes.state()}))

    save_typing("alpha")
    other = subprocess.run([sys.executable, "-c", PAUSE_IN_OTHER_WINDOW, str(demo_store.path), session.id], cwd=ROOT, capture_output=True, text=True)
    assert other.returncode == 0, other.stderr
    save_typing("alpha beta")
    save_typing("alpha beta gamma")
    final = Store(demo_store.path).get(Session, session.id)
    assert final.status == SessionStatus.PAUSED
    words = final.steps[0].notes.split()
    # Every word of both; the partner's word may sit anywhere after "alpha", where both typed at once.
    assert sorted(words) == ["BRAVO", "alpha", "beta", "gamma"] and [w for w in words if w != "BRAVO"] == ["alpha", "beta", "gamma"]


def test_a_window_whose_later_save_wins_is_not_told_its_value_was_replaced(tmp_path, clock):
    """Tester: Maria saved the title, then Ana (whose copy was older) saved hers, and Ana's won;
    yet Ana was told "Jordan changed the title after you (your value was replaced)". That was
    about her earlier save, which her later one put back. Only the window whose value is gone hears."""
    db = tmp_path / "coplan.json"
    store, todo = _pair_and_todo(db, clock)
    store.put(edited(todo, clock(), title="Print the handouts (Maria)"))  # this window, first
    mine = store.get(Todo, todo.id)
    other = _other_window(db, todo.id, "title", "Print the handouts (Jordan)", 0.0)
    assert other.wait(60) == 0
    store.put(edited(mine, clock(), title="Print the handouts (Maria) again"))  # from the older copy: it wins
    assert Store(db).get(Todo, todo.id).title == "Print the handouts (Maria) again"
    assert store.take_notices() == []
    # An untouched field the other window changed still counts as theirs, and a value of ours
    # it replaced that this save does not put back is still news.
    store.put(edited(store.get(Todo, todo.id), clock(), notes="ours"))
    other = _other_window(db, todo.id, "notes", "theirs", 0.0)
    assert other.wait(60) == 0
    store.put(edited(store.get(Todo, todo.id), clock(), due=None, title="Print the handouts, final"))
    assert Store(db).get(Todo, todo.id).notes == "theirs"
    assert [n.field for n in store.take_notices()] == ["notes"]
