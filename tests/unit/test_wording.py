"""Counts in words, never "to-do(s)" (tester: "Give 1 to-do(s) to", "1 custom templates")."""

from coplan_tui.domain.wording import counted


def test_one_and_many():
    assert [counted(n, "to-do") for n in (0, 1, 2)] == ["0 to-dos", "1 to-do", "2 to-dos"]
    assert counted(1, "custom template") == "1 custom template"
    assert counted(3, "child", "children") == "3 children"


def test_check_counts_in_words(demo_store, capsys):
    from coplan_tui.cli import main

    assert main(["check", "--db", str(demo_store.path)]) == 0
    out = capsys.readouterr().out
    assert "1 plan," in out and "0 custom templates." in out


def test_a_partnership_name_is_one_line_too():
    """Review: a name with a newline (CLI, import) was kept, and spilled in headers and tables."""
    from coplan_tui.domain.catalogue import Role
    from coplan_tui.domain.models import Member, Partnership

    p = Partnership(name="Maths\nYear 9", members=[Member(name="Ana", role=Role.CT), Member(name="Ben", role=Role.TC)])
    assert p.name == "Maths Year 9"
