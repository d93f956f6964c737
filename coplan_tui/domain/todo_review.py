"""What the to-do review screen shows: its filters, search and sort, as pure functions.

The screen keeps one ReviewFilters and asks ``view_indices`` for the rows to show; the
rows themselves are never rebuilt by a filter change.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from .todo_rows import BOTH, TodoRow, deadline_day, due_matches, status_matches

OWNER_MODES = ("all", "mine", "partner")
STATUS_MODES = ("open", "done", "all")
DUE_MODES = ("any", "overdue", "week", "none")
SORTABLE = ("deadline", "title", "owner", "feedback_by", "due", "status", "session", "partnership")


def cycle(options: Sequence[str], current: str, step: int = 1) -> str:
    return options[(options.index(current) + step) % len(options)]


@dataclass(frozen=True)
class ReviewFilters:
    owner: str = "all"
    status: str = "open"
    due: str = "any"
    partnership_id: str | None = None
    query: str = ""
    sort: str = "deadline"
    reverse: bool = False

    def with_(self, **changes: object) -> ReviewFilters:
        return replace(self, **changes)  # type: ignore[arg-type]

    def describe(self, me: str | None, partnership: str | None) -> str:
        owner = {"all": "everyone's", "mine": f"mine ({me})", "partner": f"my partner's (not {me})"}[self.owner]
        due = {"any": "any deadline", "overdue": "overdue", "week": "due this week", "none": "no deadline"}[self.due]
        where = partnership or "all partnerships"
        search = f", matching {self.query!r}" if self.query else ""
        return f"{self.status} · {owner} · {due} · {where}{search}"


def is_me(row: TodoRow, me: str) -> bool:
    return row.owner_name.lower() == me.lower()


def in_team(row: TodoRow, me: str) -> bool:
    return row.team is not None and any(m.name.lower() == me.lower() for m in row.team.members)


def owner_mode_matches(row: TodoRow, mode: str, me: str | None) -> bool:
    """mine: mine, or shared in a partnership I am in; partner's: my partners' own ones."""
    if mode == "all" or not me:
        return True
    if mode == "mine":
        return is_me(row, me) or (row.owner_id == BOTH and in_team(row, me))
    return in_team(row, me) and row.owner_id != BOTH and not is_me(row, me)


def sort_key(column: str, today: date):
    """The order of the review: the column's value, then the title, then the id.

    The id makes the order total (no two rows tie), so a row changed on its own can be put
    back where a full sort would have put it, and both give the same screen."""
    if column == "deadline":
        def key(r: TodoRow) -> tuple:
            day = deadline_day(r.feedback_by, r.due, today)
            return (day is None, day or date.max, r.title.lower(), r.id)
        return key
    if column in ("feedback_by", "due"):
        return lambda r: (getattr(r, column) is None, getattr(r, column) or date.max, r.title.lower(), r.id)
    return lambda r: (str(getattr(r, column)).lower(), r.title.lower(), r.id)


def passes(r: TodoRow, f: ReviewFilters, today: date, me: str | None, words: Sequence[str] = ()) -> bool:
    """Whether the filters let ``r`` through; ``words`` are the query's, lowered and split."""
    if f.partnership_id and r.partnership_id != f.partnership_id:
        return False
    if not status_matches(r, f.status):
        return False
    if f.due != "any" and not due_matches(r, f.due, today):
        return False
    if f.owner != "all" and not owner_mode_matches(r, f.owner, me):
        return False
    if words:
        text = r.search_text()
        if not all(w in text for w in words):
            return False
    return True


def view_indices(rows: Sequence[TodoRow], f: ReviewFilters, today: date, me: str | None) -> list[int]:
    """Indices of the rows the filters let through, in the chosen order."""
    words = f.query.lower().split()
    keep = [i for i, r in enumerate(rows) if passes(r, f, today, me, words)]
    key = sort_key(f.sort, today)
    keep.sort(key=lambda i: key(rows[i]), reverse=f.reverse)
    return keep


class ReviewView:
    """The review's rows and the indices it shows, kept up to date one row at a time.

    At 50,000 to-dos rebuilding every row and sorting them again took hundreds of ms for a
    tick. ``patch`` takes only the rows that changed out of the view and puts the new ones
    back by binary search in the total order of ``sort_key``, so it shows what a full
    ``load`` would, at a cost that hardly grows with the table. ``rows`` and ``view`` are
    changed in place: a table that was handed them sees the change.
    """

    def __init__(self) -> None:
        self.rows: list[TodoRow] = []
        self.view: list[int] = []
        self.where: dict[str, int] = {}
        """row id -> its index in ``rows``."""
        self.filters = ReviewFilters()
        self.today = date.min
        self.me: str | None = None

    def load(self, rows: list[TodoRow], filters: ReviewFilters, today: date, me: str | None) -> None:
        """Take every row afresh and compute the view."""
        self.rows[:] = rows
        self.where = {r.id: i for i, r in enumerate(self.rows)}
        self.refilter(filters, today, me)

    def refilter(self, filters: ReviewFilters, today: date, me: str | None) -> None:
        """A new filter, sort, day or person: the view again, no row rebuilt."""
        self.filters, self.today, self.me = filters, today, me
        self.view[:] = view_indices(self.rows, filters, today, me)

    def position(self, row_id: str) -> int | None:
        """Where the row with ``row_id`` is in the view, or None when it is not shown."""
        index = self.where.get(row_id)
        if index is None or not self._shown(self.rows[index]):
            return None
        at = self._seek(self._key(self.rows[index]))
        return at if at < len(self.view) and self.view[at] == index else None

    def patch(self, changes: Mapping[str, TodoRow | None]) -> None:
        """Row id -> its new row, or None when it is gone; the rest stay as they are."""
        rows, where, view = self.rows, self.where, self.view
        for row_id, new in changes.items():
            index = where.get(row_id)
            if index is not None:
                self._unshow(index)
                if new is None:
                    self._drop(index)
                    continue
                rows[index] = new
            elif new is None:
                continue
            else:
                index = where[row_id] = len(rows)
                rows.append(new)
            if self._shown(new):
                view.insert(self._seek(self._key(new)), index)

    # --- helpers ---------------------------------------------------------------------

    def _key(self, row: TodoRow) -> tuple:
        return sort_key(self.filters.sort, self.today)(row)

    def _shown(self, row: TodoRow) -> bool:
        return passes(row, self.filters, self.today, self.me, self.filters.query.lower().split())

    def _seek(self, key: tuple) -> int:
        """The first place in the view whose row comes at or after ``key`` in the view's order."""
        rows, view, order = self.rows, self.view, sort_key(self.filters.sort, self.today)
        low, high = 0, len(view)
        while low < high:
            mid = (low + high) // 2
            there = order(rows[view[mid]])
            before = there > key if self.filters.reverse else there < key
            if before:
                low = mid + 1
            else:
                high = mid
        return low

    def _unshow(self, index: int) -> None:
        at = self.position(self.rows[index].id)
        if at is not None:
            del self.view[at]

    def _drop(self, index: int) -> None:
        """Remove ``rows[index]``: the last row takes its place, so no other index moves."""
        rows, where = self.rows, self.where
        del where[rows[index].id]
        last = len(rows) - 1
        if index != last:
            moved = rows[last]
            at = self.position(moved.id)
            rows[index] = moved
            where[moved.id] = index
            if at is not None:
                self.view[at] = index
        rows.pop()
