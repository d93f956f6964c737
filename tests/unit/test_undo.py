"""One undo rule for every screen (issue 10): what ``reverting`` saves for each kind of edit."""

from datetime import date, datetime

import pytest

from coplan_tui.domain.models import Todo
from coplan_tui.domain.undo import UndoStack, edit, reverting

NOW = datetime(2026, 12, 2, 9, 0)


def _todo(title: str = "Print the handouts", **kw) -> Todo:
    return Todo(title=title, partnership_id="p1", owner="both", created_at=NOW, updated_at=NOW, **kw)


def test_undoing_an_edit_puts_back_the_fields_it_touched_and_keeps_the_partners():
    before = _todo(due=date(2026, 12, 4))
    after = before.model_copy(update={"title": "Print the handouts twice"})
    partner = after.model_copy(update={"due": date(2026, 12, 9)})  # changed in the other window since
    puts, deletes = reverting(edit("edit", [before], [after]), {before.id: partner}.get)
    assert deletes == []
    assert [(t.title, t.due) for t in puts] == [("Print the handouts", date(2026, 12, 9))]


def test_undoing_a_new_to_do_deletes_it():
    new = _todo()
    assert reverting(edit("add", [None], [new]), {new.id: new}.get) == ([], [new.id])


@pytest.mark.parametrize("now", ["gone", "still there"])
def test_undoing_a_delete_brings_the_to_do_back_as_it_was(now):
    old = _todo(notes="bring [b]scissors[/b]")
    current = {} if now == "gone" else {old.id: old}
    puts, deletes = reverting(edit("delete", [old], [None]), current.get)
    assert puts == [old] and deletes == []


def test_an_edit_of_several_undoes_each():
    a, b = _todo("A"), _todo("B")
    done_a, done_b = a.model_copy(update={"status": "done"}), b.model_copy(update={"status": "done"})
    puts, _ = reverting(edit("done", [a, b], [done_a, done_b]), {a.id: done_a, b.id: done_b}.get)
    assert [(t.title, t.status) for t in puts] == [("A", "open"), ("B", "open")]


def test_before_and_after_must_pair_up():
    with pytest.raises(ValueError):
        edit("x", [_todo()], [])
    with pytest.raises(ValueError):
        edit("x", [None], [None])


def test_the_stack_pops_newest_first_and_keeps_at_most_its_depth():
    stack: UndoStack[Todo] = UndoStack(depth=3)
    todos = [_todo(str(i)) for i in range(5)]
    for t in todos:
        stack.push(edit(t.title, [None], [t]))
    assert len(stack) == 3 and stack.last.what == "4"
    assert stack.ids() == {t.id for t in todos[2:]}
    assert [stack.pop().what for _ in range(3)] == ["4", "3", "2"]
    assert stack.pop() is None and stack.last is None


def test_undo_never_wipes_a_later_change_by_the_partner_to_the_same_field():
    """Tester: Maria retitled a to-do, Jordan retitled it after her, Maria pressed u: Jordan's
    title was gone. A field the partner changed since stays, and the screen says so."""
    from coplan_tui.domain.undo import kept_since, undone_message

    before = _todo(due=date(2026, 12, 4))
    after = before.model_copy(update={"title": "U1", "due": date(2026, 12, 5)})
    partner = after.model_copy(update={"title": "U2"})
    change = edit("Edited: U1", [before], [after])
    current = {before.id: partner}.get
    puts, _ = reverting(change, current)
    assert [(t.title, t.due) for t in puts] == [("U2", date(2026, 12, 4))]
    kept = kept_since(change, current)
    assert kept == ["the title of 'U2'"]
    assert undone_message(change, kept) == "Undone: Edited: U1, except what your partner changed since: the title of 'U2'."
    assert undone_message(change, []) == "Undone: Edited: U1"
