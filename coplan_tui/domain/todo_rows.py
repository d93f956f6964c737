"""To-dos as flat rows for listing, filtering, sorting and export.

Pure and free of pydantic on purpose: `coplan todos` builds these rows straight from the
parsed JSON file so that listing 10,000 to-dos stays fast, while the UI builds the same
rows from validated models. Either way filtering, sorting and the export field names live
here, once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

from .catalogue import ROLE_SHORT, Role

BOTH = "both"  # the same value as models.BOTH; repeated so this module needs no pydantic

FIELDS = (
    "id",
    "title",
    "owner",
    "owner_id",
    "owner_name",
    "partnership",
    "partnership_id",
    "feedback_by",
    "due",
    "status",
    "notes",
    "session_id",
    "session",
    "plan_id",
    "created_at",
    "updated_at",
    "done_at",
)
"""The stable field names of `--format json|csv` and of `coplan import`."""

DUE_CHOICES = ("overdue", "today", "week", "none")
STATUS_CHOICES = ("open", "done", "all")


class Owner:
    """One member as a to-do owner: the tag shown in tables and the words that name them."""

    __slots__ = ("id", "name", "label", "role")

    def __init__(self, id: str, name: str, label: str, role: str):
        self.id, self.name, self.label, self.role = id, name, label, role

    @property
    def words(self) -> set[str]:
        first = self.name.split()[0] if self.name.split() else self.name
        return {w.lower() for w in (self.id, self.name, first, self.label, self.role, ROLE_SHORT.get(_role(self.role), self.role))}


def _role(value: str) -> Role | str:
    try:
        return Role(value)
    except ValueError:
        return value


class Team:
    """A partnership as listing needs it: its name and who may own a to-do."""

    __slots__ = ("id", "name", "members", "_labels")

    def __init__(self, id: str, name: str, members: tuple[Owner, ...]):
        self.id, self.name, self.members = id, name, members
        self._labels = {m.id: m.label for m in members} | {BOTH: "both"}

    def owner(self, owner_id: str) -> Owner | None:
        return next((m for m in self.members if m.id == owner_id), None)

    def label(self, owner_id: str) -> str:
        return self._labels.get(owner_id, "?")

    def resolve(self, text: str) -> str | None:
        """The owner value (member id or ``both``) that ``text`` names in this team."""
        key = text.strip().lower()
        if key in ("both", "shared", "we", "us"):
            return BOTH
        found = [m for m in self.members if key in m.words]
        return found[0].id if len(found) == 1 else None

    @classmethod
    def from_members(cls, team_id: str, name: str, members: Iterable[tuple[str, str, str]]) -> Team:
        """``members`` are (id, name, role) triples; labels follow Partnership.owner_label."""
        members = list(members)
        roles = [role for _, _, role in members]
        owners = []
        for member_id, member_name, role in members:
            short = ROLE_SHORT.get(_role(role), role)  # type: ignore[call-overload]
            unique = roles.count(role) == 1
            label = short if unique else (member_name.split() or [member_name])[0]
            owners.append(Owner(member_id, member_name, label, role))
        if not name:
            name = " & ".join(m[1] for m in members)
        return cls(team_id, name, tuple(owners))


class TodoRow:
    """One to-do, flattened for a listing. A plain slotted class, not a dataclass: building
    10,000 of these is on the CLI's critical path, and so is importing this module."""

    __slots__ = (
        "id", "title", "owner_id", "partnership_id", "team", "feedback_by", "due", "status", "notes",
        "session_id", "session", "plan_id", "created_at", "updated_at", "done_at", "_search",
    )

    def __init__(
        self,
        id: str,
        title: str,
        owner_id: str,
        partnership_id: str,
        team: Team | None,
        feedback_by: date | None = None,
        due: date | None = None,
        status: str = "open",
        notes: str = "",
        session_id: str | None = None,
        session: str = "",
        plan_id: str | None = None,
        created_at: str = "",
        updated_at: str = "",
        done_at: str = "",
    ):
        self.id = id
        self.title = title
        self.owner_id = owner_id
        self.partnership_id = partnership_id
        self.team = team
        self.feedback_by = feedback_by
        self.due = due
        self.status = status
        self.notes = notes
        self.session_id = session_id
        self.session = session
        self.plan_id = plan_id
        self.created_at = created_at
        self.updated_at = updated_at
        self.done_at = done_at
        self._search = ""

    def __repr__(self) -> str:
        return f"TodoRow({self.id[:8]!r}, {self.title!r}, {self.status})"

    @property
    def owner(self) -> str:
        return self.team.label(self.owner_id) if self.team else "?"

    @property
    def owner_name(self) -> str:
        if self.owner_id == BOTH:
            return "both"
        member = self.team.owner(self.owner_id) if self.team else None
        return member.name if member else ""

    @property
    def partnership(self) -> str:
        return self.team.name if self.team else "?"

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    def next_deadline(self, today: date) -> tuple[str, date] | None:
        """The first deadline not yet passed, else the last one (as Todo.next_deadline)."""
        day = deadline_day(self.feedback_by, self.due, today)
        if day is None:
            return None
        if day == self.feedback_by and day == self.due:
            return ("due" if day >= today else "feedback"), day
        return ("feedback" if day == self.feedback_by else "due"), day

    def is_overdue(self, today: date) -> bool:
        if self.status != "open":
            return False
        day = deadline_day(self.feedback_by, self.due, today)
        return day is not None and day < today

    def search_text(self) -> str:
        if not self._search:
            self._search = " ".join((self.title, self.owner, self.owner_name, self.partnership, self.notes, self.session)).lower()
        return self._search

    def as_record(self) -> dict[str, Any]:
        """The export shape: FIELDS in order, dates as ISO strings, absent values as null."""
        return {
            "id": self.id,
            "title": self.title,
            "owner": self.owner,
            "owner_id": self.owner_id,
            "owner_name": self.owner_name,
            "partnership": self.partnership,
            "partnership_id": self.partnership_id,
            "feedback_by": self.feedback_by.isoformat() if self.feedback_by else None,
            "due": self.due.isoformat() if self.due else None,
            "status": self.status,
            "notes": self.notes,
            "session_id": self.session_id,
            "session": self.session or None,
            "plan_id": self.plan_id,
            "created_at": self.created_at or None,
            "updated_at": self.updated_at or None,
            "done_at": self.done_at or None,
        }


def deadline_day(feedback_by: date | None, due: date | None, today: date) -> date | None:
    """The date of the deadline that matters now: the first not yet passed, else the last.

    Written out branch by branch because it runs for every row of a 10,000-row listing.
    """
    if feedback_by is None:
        return due
    if due is None:
        return feedback_by
    if feedback_by >= today:
        return feedback_by if (due < today or feedback_by <= due) else due
    if due >= today:
        return due
    return feedback_by if feedback_by > due else due


# --- building rows -------------------------------------------------------------------


_DAYS: dict[str, date | None] = {}


def _day(value: Any) -> date | None:
    """An ISO date from a raw document; memoised, since 10,000 to-dos share a few dates."""
    if not value:
        return None
    if isinstance(value, date):
        return value
    try:
        return _DAYS[value]
    except KeyError:
        pass
    except TypeError:
        return None
    try:
        day: date | None = date.fromisoformat(str(value)[:10])
    except ValueError:
        day = None
    _DAYS[value] = day
    return day


def _stamp(value: Any) -> str:
    if value.__class__ is str:
        return value
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value) if value else ""


def session_label(day: Any, template_name: str) -> str:
    """``2026-11-16 Weekly coplanning (60 min)``: which meeting a to-do came from."""
    return f"{_stamp(day)[:10]} {template_name}".strip()


def teams_from_raw(partnerships: Mapping[str, Mapping[str, Any]]) -> dict[str, Team]:
    teams = {}
    for doc in partnerships.values():
        members = [(str(m.get("id", "")), str(m.get("name", "")), str(m.get("role", ""))) for m in doc.get("members", [])]
        team = Team.from_members(str(doc.get("id", "")), str(doc.get("name") or ""), members)
        teams[team.id] = team
    return teams


def rows_from_raw(data: Mapping[str, Mapping[str, Mapping[str, Any]]]) -> list[TodoRow]:
    """Rows straight from a parsed DB file (tables of raw documents)."""
    teams = teams_from_raw(data.get("partnerships", {}))
    sessions = {
        str(s.get("id")): session_label(s.get("day"), str((s.get("template") or {}).get("name", "")))
        for s in data.get("sessions", {}).values()
    }
    rows = []
    add = rows.append
    for doc in data.get("todos", {}).values():
        get = doc.get
        session_id = get("session_id")
        partnership_id = str(get("partnership_id", ""))
        add(
            TodoRow(
                str(get("id", "")),
                str(get("title", "")),
                str(get("owner", BOTH)),
                partnership_id,
                teams.get(partnership_id),
                _day(get("feedback_by")),
                _day(get("due")),
                str(get("status", "open")),
                str(get("notes") or ""),
                session_id,
                sessions.get(str(session_id), "") if session_id else "",
                get("plan_id"),
                _stamp(get("created_at")),
                _stamp(get("updated_at")),
                _stamp(get("done_at")),
            )
        )
    return rows


def team_of(partnership: Any) -> Team:
    """A Team from a Partnership model (duck-typed, to stay free of pydantic)."""
    return Team.from_members(
        partnership.id, partnership.display_name, [(m.id, m.name, str(m.role)) for m in partnership.members]
    )


def row_from_todo(todo: Any, teams: Mapping[str, Team], sessions: Mapping[str, str]) -> TodoRow:
    """A row from a validated Todo model."""
    return TodoRow(
        id=todo.id,
        title=todo.title,
        owner_id=todo.owner,
        partnership_id=todo.partnership_id,
        team=teams.get(todo.partnership_id),
        feedback_by=todo.feedback_by,
        due=todo.due,
        status=str(todo.status),
        notes=todo.notes,
        session_id=todo.session_id,
        session=sessions.get(todo.session_id, "") if todo.session_id else "",
        plan_id=todo.plan_id,
        created_at=_stamp(todo.created_at),
        updated_at=_stamp(todo.updated_at),
        done_at=_stamp(todo.done_at),
    )


def rows_from_models(todos: Iterable[Any], partnerships: Iterable[Any], sessions: Iterable[Any]) -> list[TodoRow]:
    teams = {p.id: team_of(p) for p in partnerships}
    labels = {s.id: session_label(s.day, s.template.name) for s in sessions}
    return [row_from_todo(t, teams, labels) for t in todos]


# --- filtering and sorting -------------------------------------------------------------


class UnknownName(ValueError):
    """A name given on the command line matches nobody; the message lists who exists."""


def week_end(today: date) -> date:
    """The last day of "this week": the next seven days, today included."""
    return today + timedelta(days=6)


def due_this_week(deadline: date | None, today: date) -> bool:
    """The one meaning of "due this week", on Home, in the review and in `coplan todos`: the
    deadline that matters now falls within the next seven days. Overdue is counted apart."""
    return deadline is not None and today <= deadline <= week_end(today)


def due_matches(row: TodoRow, due: str, today: date) -> bool:
    """overdue: open and past every deadline; today: the deadline that matters now is today
    (overdue ones included, they are still owed); week: due_this_week; none: undated."""
    nxt = row.next_deadline(today)
    if due == "none":
        return nxt is None
    if nxt is None:
        return False
    if due == "overdue":
        return row.status == "open" and nxt[1] < today
    if due == "today":
        return nxt[1] <= today if row.status == "open" else nxt[1] == today
    if due == "week":
        return due_this_week(nxt[1], today)
    raise ValueError(f"unknown due filter {due!r}; use one of {', '.join(DUE_CHOICES)}")


def status_matches(row: TodoRow, status: str) -> bool:
    return status == "all" or row.status == status


def owners_named(teams: Iterable[Team], text: str) -> dict[str, str]:
    """partnership id -> owner value, for every partnership where ``text`` names someone.

    Raises UnknownName listing the members when nobody matches.
    """
    teams = list(teams)
    found = {}
    for team in teams:
        value = team.resolve(text)
        if value is not None:
            found[team.id] = value
    if not found:
        names = sorted({f"{m.name} ({m.label})" for t in teams for m in t.members})
        raise UnknownName(f"nobody is called {text.strip()!r}. Owners: {', '.join(names) or 'none yet'}, or both.")
    return found


def owner_matches(row: TodoRow, owners: Mapping[str, str]) -> bool:
    """Mine if I own it, or it is shared (``both``) in a partnership I belong to."""
    wanted = owners.get(row.partnership_id)
    if wanted is None:
        return False
    return row.owner_id == wanted or row.owner_id == BOTH


def teams_named(teams: Iterable[Team], text: str) -> set[str]:
    """Ids of the partnerships whose name contains ``text`` (or whose id starts with it)."""
    teams = list(teams)
    key = text.strip().lower()
    found = {t.id for t in teams if key and (key in t.name.lower() or t.id.startswith(key))}
    if not found:
        names = "; ".join(sorted(t.name for t in teams)) or "none yet"
        raise UnknownName(f"no partnership matches {text.strip()!r}. Partnerships: {names}.")
    return found


def default_order(row: TodoRow, today: date) -> tuple:
    """Overdue first, then by the deadline that matters now; undated last (as Todo.sort_key)."""
    day = deadline_day(row.feedback_by, row.due, today)
    return (day is None, day or date.max, row.title.lower())


def sorted_rows(rows: Iterable[TodoRow], today: date) -> list[TodoRow]:
    return sorted(rows, key=lambda r: default_order(r, today))


def short_day(day: date | None) -> str:
    return day.strftime("%a %d %b") if day else ""
