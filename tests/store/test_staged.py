"""The staging area: this window's edits show at once and survive what happens before they land
(another process writing, a full disk); a change the file can no longer take disappears.

Real files and a real second process, as everywhere in the store's tests."""

from __future__ import annotations

import errno
import subprocess
import sys
import textwrap

import pytest

from coplan_tui.domain.catalogue import Role
from coplan_tui.domain.models import Member, Partnership, Todo
from coplan_tui.store import InvalidDocument, Store, WriteFailed
from coplan_tui.store.staged import Staged


def _pair(store: Store) -> Partnership:
    pair = Partnership(name="A & B", members=[Member(name="Ana", role=Role.CT), Member(name="Ben", role=Role.TC)])
    store.put(pair)
    return pair


def _todo(pair, title, clock, owner: str = "both") -> Todo:
    return Todo(title=title, partnership_id=pair.id, owner=owner, created_at=clock(), updated_at=clock())


def _other_process(path, code: str) -> None:
    """Run ``code`` in a second Python process with ``store`` open on ``path``."""
    script = f"from coplan_tui.store import Store\nfrom coplan_tui.domain.models import *\nstore = Store({str(path)!r})\n" + textwrap.dedent(code)
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)


def test_a_staged_edit_shows_on_top_of_another_process_write_and_lands_merged(db_path, clock):
    store = Store(db_path, clock=clock)
    pair = _pair(store)
    todo = _todo(pair, "Print the handouts", clock)
    store.put(todo)
    mine = store.get(Todo, todo.id).model_copy(update={"title": "Print the handouts [/] 🖨"})
    seq = store.stage([mine])
    _other_process(db_path, f"t = store.get(Todo, {todo.id!r}); store.put(t.model_copy(update={{'notes': 'two-sided'}}))")
    assert store.reload_if_changed()
    assert store.get(Todo, todo.id).title == "Print the handouts [/] 🖨"  # ours still shows
    store.commit(puts=[mine], through=seq)
    landed = Store(db_path).get(Todo, todo.id)
    assert (landed.title, landed.notes) == ("Print the handouts [/] 🖨", "two-sided")  # both kept
    assert store.get(Todo, todo.id) == landed  # now shown from the file's copy


def test_a_change_the_file_can_no_longer_take_is_unstaged(db_path, clock):
    store = Store(db_path, clock=clock)
    pair = _pair(store)
    todo = _todo(pair, "Laminate the cards", clock)
    seq = store.stage([todo])
    assert store.get(Todo, todo.id) == todo
    _other_process(db_path, f"store.delete(Partnership, {pair.id!r})")
    with pytest.raises(InvalidDocument):
        store.commit(puts=[todo], through=seq)
    assert store.get(Todo, todo.id) == todo  # the writer has not given up on it yet
    generation = store.generation
    store.unstage(seq)
    assert store.get(Todo, todo.id) is None and store.generation > generation  # views redraw


def test_a_refused_stage_changes_nothing(db_path, clock):
    store = Store(db_path, clock=clock)
    pair = _pair(store)
    generation = store.generation
    with pytest.raises(InvalidDocument):
        store.stage([_todo(pair, "Ask the office", clock, owner="nobody")])
    assert store.all(Todo) == [] and store.generation == generation


def test_a_full_disk_keeps_the_edit_shown(db_path, clock, monkeypatch):
    from coplan_tui.store import store as store_module

    store = Store(db_path, clock=clock)
    pair = _pair(store)
    todo = _todo(pair, "Book the laptop cart", clock)
    seq = store.stage([todo])

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_module, "atomic_write", full)
    with pytest.raises(WriteFailed):
        store.commit(puts=[todo], through=seq)
    assert store.get(Todo, todo.id) == todo  # still shown while it waits for the disk
    monkeypatch.undo()
    store.commit(puts=[todo], through=seq)
    assert Store(db_path).get(Todo, todo.id).title == "Book the laptop cart"


def test_staged_settings_read_back_at_once(db_path, clock):
    store = Store(db_path, clock=clock)
    store.stage(settings={"keymap": {"home.quit": "x"}})
    assert store.setting("keymap") == {"home.quit": "x"}
    assert Store(db_path).setting("keymap") is None


def test_an_entry_staged_again_outlives_the_first_write():
    staged = Staged()
    first = staged.add([("todos", "a", "v1"), ("todos", "b", "v1")])
    second = staged.add([("todos", "a", "v2")])
    assert staged.drop_through(first) == [("todos", "b")]
    assert staged.of("todos") == {"a": "v2"} and staged.lookup("todos", "a") == (True, "v2")
    assert staged.drop(second) == [("todos", "a")] and not staged


def test_a_save_and_a_delete_that_cross_keep_the_edit_and_tell_both_windows(db_path, clock):
    """Tester: Jordan deleted a to-do while Ana had it open; Ana's save brought it back and
    neither was told. The edit is kept (nothing typed is lost), and both are told."""
    ana = Store(db_path, clock=clock)
    pair = _pair(ana)
    todo = _todo(pair, "DELME target", clock)
    ana.put(todo)
    opened = ana.get(Todo, todo.id)  # Ana's editor opens on this copy
    jordan = Store(db_path, clock=clock)
    jordan.delete(Todo, todo.id)
    assert jordan.take_notices() == []
    ana.put(opened.model_copy(update={"title": "DELME target v2"}))
    [back] = [str(n) for n in ana.take_notices()]
    assert "'DELME target v2' was deleted in another window" in back and "brought it back" in back
    assert Store(db_path).get(Todo, todo.id).title == "DELME target v2"
    assert jordan.reload_if_changed()
    [revived] = [str(n) for n in jordan.take_notices()]
    assert "saved 'DELME target v2' after you deleted it" in revived
    jordan.put(jordan.get(Todo, todo.id).model_copy(update={"notes": "kept"}))  # told once
    assert jordan.take_notices() == []


def test_undoing_ones_own_delete_is_no_news(db_path, clock):
    store = Store(db_path, clock=clock)
    pair = _pair(store)
    todo = _todo(pair, "Laminate", clock)
    store.put(todo)
    before = store.get(Todo, todo.id)
    store.delete(Todo, todo.id)
    store.put(before)  # u after d
    assert store.take_notices() == []
    assert Store(db_path).get(Todo, todo.id).title == "Laminate"
    # Later, a partner deletes it while this window has it open: that is news again (review).
    opened = store.get(Todo, todo.id)
    Store(db_path, clock=clock).delete(Todo, todo.id)
    store.put(opened.model_copy(update={"title": "Laminate v2"}))
    assert ["was deleted in another window" in str(n) for n in store.take_notices()] == [True]
