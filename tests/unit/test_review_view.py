"""The review's view kept up to date row by row shows what a full rebuild shows (issue 15).

``ReviewView.patch`` takes only the changed rows out of the view and binary-searches them back
in; here every kind of change (tick, an edit that moves a row, a delete, a new row) under every
sort, both directions and every filter is checked against ``load`` of the same rows.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from coplan_tui.domain.models import BOTH
from coplan_tui.domain.todo_review import SORTABLE, ReviewFilters, ReviewView, view_indices
from coplan_tui.domain.todo_rows import Team, TodoRow

TODAY = date(2026, 11, 23)
TEAMS = [
    Team.from_members("p1", "Alvarez & Lee", [("m1", "Maria Alvarez", "ct"), ("m2", "Jordan Lee", "tc")]),
    Team.from_members("p2", "Okafor & Nair", [("m3", "Sam Okafor", "librarian"), ("m4", "Priya Nair", "teacher")]),
]
HOSTILE = ["[/]", "[link=x]y[/link]", "\x1b]52;c;aGk=\x07", "🙂 emoji", "שלום RTL", "x" * 10_000, "same title", "Same Title"]
DAYS = [None] + [TODAY + timedelta(days=k) for k in (-9, -1, 0, 1, 6, 30)]


def make_row(rng: random.Random, n: int, row_id: str | None = None) -> TodoRow:
    team = rng.choice(TEAMS)
    owner = rng.choice([m.id for m in team.members] + [BOTH])
    title = rng.choice(HOSTILE + [f"task {rng.randrange(5)}"])
    return TodoRow(
        row_id or f"id-{n:05d}", title, owner, team.id, team, rng.choice(DAYS), rng.choice(DAYS),
        rng.choice(["open", "open", "done"]), rng.choice(["", "notes [b]"]), None, rng.choice(["", "2026-11-16 Weekly"]),
    )


def ids(view: ReviewView) -> list[str]:
    return [view.rows[i].id for i in view.view]


def rebuilt(view: ReviewView) -> list[str]:
    fresh = ReviewView()
    fresh.load(list(view.rows), view.filters, view.today, view.me)
    return ids(fresh)


FILTERS = [
    ReviewFilters(),
    ReviewFilters(status="all"),
    ReviewFilters(status="done", due="overdue"),
    ReviewFilters(status="all", due="week", partnership_id="p2"),
    ReviewFilters(status="all", due="none", owner="mine"),
    ReviewFilters(status="open", owner="partner", query="task"),
    ReviewFilters(status="all", query="[/]"),
]


@pytest.mark.parametrize("sort", SORTABLE)
@pytest.mark.parametrize("reverse", [False, True])
@pytest.mark.parametrize("filters", FILTERS, ids=range(len(FILTERS)))
def test_every_change_gives_the_view_a_full_rebuild_gives(sort, reverse, filters):
    rng = random.Random(f"{sort}{reverse}{filters}")
    view = ReviewView()
    view.load([make_row(rng, n) for n in range(120)], filters.with_(sort=sort, reverse=reverse), TODAY, "Jordan Lee")
    made = 120
    for step in range(150):
        live = [r.id for r in view.rows]
        kind = rng.choice(["tick", "edit", "delete", "new", "several"])
        if kind == "tick":
            row = view.rows[view.where[rng.choice(live)]]
            new = TodoRow(row.id, row.title, row.owner_id, row.partnership_id, row.team, row.feedback_by, row.due,
                          "done" if row.status == "open" else "open", row.notes, None, row.session)
            changes = {row.id: new}
        elif kind == "edit":  # a new title and deadline: the row moves in every sort
            changes = {(target := rng.choice(live)): make_row(rng, 0, row_id=target)}
        elif kind == "delete":
            changes = {rng.choice(live): None}
        elif kind == "new":
            made += 1
            changes = {f"id-{made:05d}": make_row(rng, made)}
        else:  # one patch with several of each, and a delete of an id that is not there
            made += 1
            changes = {rng.choice(live): None, rng.choice(live): make_row(rng, 0), f"id-{made:05d}": make_row(rng, made), "gone": None}
            changes = {k: (TodoRow(k, v.title, v.owner_id, v.partnership_id, v.team, v.feedback_by, v.due, v.status) if v else None) for k, v in changes.items()}
        view.patch(changes)
        assert ids(view) == rebuilt(view), (step, kind)
        assert view.where == {r.id: i for i, r in enumerate(view.rows)}
        assert len(view.rows) == len(view.where)


def test_position_finds_shown_rows_and_not_hidden_ones():
    rng = random.Random(1)
    view = ReviewView()
    view.load([make_row(rng, n) for n in range(60)], ReviewFilters(), TODAY, None)
    for at, index in enumerate(view.view):
        assert view.position(view.rows[index].id) == at
    hidden = [r.id for r in view.rows if r.status == "done"]
    assert hidden and all(view.position(i) is None for i in hidden)
    assert view.position("no such id") is None


def test_ties_are_ordered_by_id_in_both_directions():
    """Two to-dos with the same title and deadline: the id decides, so a patch knows where a row goes."""
    team = TEAMS[0]
    rows = [TodoRow(f"id-{k}", "Same", BOTH, "p1", team, None, TODAY, "open") for k in (3, 1, 2)]
    assert [rows[i].id for i in view_indices(rows, ReviewFilters(), TODAY, None)] == ["id-1", "id-2", "id-3"]
    assert [rows[i].id for i in view_indices(rows, ReviewFilters(reverse=True), TODAY, None)] == ["id-3", "id-2", "id-1"]
