"""Writers: the table fits the width; Markdown shows user text literally."""

from __future__ import annotations

from datetime import date

from coplan_tui.domain.todo_rows import rows_from_raw, sorted_rows
from coplan_tui.export.records import md_escape, to_markdown
from coplan_tui.export.table import render_table

TODAY = date(2026, 11, 23)


def test_table_fits_the_terminal_width(demo_store):
    rows = sorted_rows(rows_from_raw(demo_store.raw_tables()), TODAY)
    for width in (60, 80, 120):
        lines = render_table(rows, TODAY, width=width).splitlines()
        assert all(len(line) <= width for line in lines), width
    wide = render_table(rows, TODAY, width=200)
    assert "Annotated bibliography rubric: final version" in wide and "PARTNERSHIP" in wide
    assert "PARTNERSHIP" not in render_table(rows, TODAY, width=60)


def test_colour_only_when_asked(demo_store):
    rows = rows_from_raw(demo_store.raw_tables())
    assert "\x1b[31m" in render_table(rows, TODAY, color=True)  # the overdue row is red
    assert "\x1b[" not in render_table(rows, TODAY)


def test_markdown_escapes_user_text(demo_store):
    assert md_escape("*bold* [link](x) <b>") == r"\*bold\* \[link\](x) \<b\>"
    text = to_markdown(rows_from_raw(demo_store.raw_tables()), TODAY)
    assert "## Alvarez & Lee: 7th grade science" in text and "### Both of us" in text
