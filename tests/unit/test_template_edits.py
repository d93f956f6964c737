import pytest

from coplan_tui.domain.errors import DomainError
from coplan_tui.domain.models import TemplateStep
from coplan_tui.domain.template_edits import add_step, copy_template, move_step, remove_step, rename, replace_step
from coplan_tui.domain.templates import CHECK_IN, WEEKLY


def test_copy_is_custom_with_a_fresh_id_and_unique_name():
    first = copy_template(WEEKLY, {WEEKLY.name})
    assert not first.builtin and first.id != WEEKLY.id and first.name == "Weekly coplanning (60 min) (copy)"
    second = copy_template(WEEKLY, {WEEKLY.name, first.name})
    assert second.name == "Weekly coplanning (60 min) (copy 2)"
    assert first.steps == WEEKLY.steps


def test_built_ins_are_read_only():
    with pytest.raises(DomainError, match="read-only"):
        rename(WEEKLY, "Mine", "")
    with pytest.raises(DomainError, match="read-only"):
        remove_step(CHECK_IN, 0)


def test_add_remove_move_replace():
    t = copy_template(CHECK_IN, set())
    t = add_step(t, 1, TemplateStep(title="Celebrations", minutes=3))
    assert [s.title for s in t.steps] == ["Content", "Celebrations", "Instruction", "Removing barriers"]
    t, at = move_step(t, 1, -1)
    assert at == 0 and t.steps[0].title == "Celebrations"
    same, at = move_step(t, 0, -1)
    assert same == t and at == 0
    t = replace_step(t, 0, TemplateStep(title="Wins", minutes=2, prompts=["What went well?"]))
    assert t.steps[0].prompts == ["What went well?"] and t.total_minutes == 17
    t = remove_step(t, 0)
    assert t.total_minutes == 15


def test_bad_edits_give_clear_messages():
    t = copy_template(CHECK_IN, set())
    with pytest.raises(DomainError, match="name: must not be empty"):
        rename(t, "  ", "")
    for _ in range(2):
        t = remove_step(t, 0)
    with pytest.raises(DomainError, match="at least one step"):
        remove_step(t, 0)
