"""Turn imported records (JSON objects or CSV rows, named as in todo_rows.FIELDS) into
validated to-dos, or a reason a teacher can fix. Nothing here writes anything.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError

from .dates import parse_date
from .errors import DomainError, describe
from .models import Partnership, Todo, TodoStatus
from .roles import default_owner
from .todo_changes import check_deadline_order
from .todo_rows import FIELDS, Team, team_of

STATUS_WORDS = {"": TodoStatus.OPEN, "open": TodoStatus.OPEN, "todo": TodoStatus.OPEN, "done": TodoStatus.DONE, "x": TodoStatus.DONE, "completed": TodoStatus.DONE}


@dataclass
class Rejection:
    where: str
    reason: str


@dataclass
class ImportPlan:
    """What an import would do: the valid to-dos, and every rejected record with its reason."""

    todos: list[Todo] = field(default_factory=list)
    updated: int = 0
    rejected: list[Rejection] = field(default_factory=list)


class Importer:
    """Validates records against the partnerships, sessions and to-dos already stored."""

    def __init__(
        self,
        partnerships: Iterable[Partnership],
        existing: Mapping[str, Todo],
        known_links: set[str],
        today: date,
        now: datetime,
        default_partnership: Partnership | None = None,
    ):
        self.partnerships = {p.id: p for p in partnerships}
        self.teams: dict[str, Team] = {p.id: team_of(p) for p in self.partnerships.values()}
        self.existing = existing
        self.known_links = known_links
        self.today = today
        self.now = now
        self.default = default_partnership

    def plan(self, records: Iterable[tuple[str, Mapping[str, Any]]]) -> ImportPlan:
        result = ImportPlan()
        seen: set[str] = set()
        for where, record in records:
            if isinstance(record, str):  # the reader already knows what is wrong
                result.rejected.append(Rejection(where, record))
                continue
            try:
                todo = self.todo(record)
                if todo.id in seen:
                    raise DomainError(f"the id {todo.id} appears twice in the file")
            except DomainError as e:
                result.rejected.append(Rejection(where, str(e)))
                continue
            seen.add(todo.id)
            result.updated += todo.id in self.existing
            result.todos.append(todo)
        return result

    def _partnership(self, record: Mapping[str, Any]) -> Partnership:
        pid = _text(record.get("partnership_id"))
        if pid and pid in self.partnerships:
            return self.partnerships[pid]
        name = _text(record.get("partnership"))
        if name:
            key = name.lower()
            exact = [p for p in self.partnerships.values() if p.display_name.lower() == key]
            loose = exact or [p for p in self.partnerships.values() if key in p.display_name.lower()]
            if len(loose) == 1:
                return loose[0]
            known = "; ".join(sorted(p.display_name for p in self.partnerships.values())) or "none yet"
            raise DomainError(f"partnership {name!r} is {'ambiguous' if loose else 'unknown'} (partnerships: {known})")
        if self.default is not None:
            return self.default
        if len(self.partnerships) == 1:
            return next(iter(self.partnerships.values()))
        raise DomainError("no partnership given: add a partnership column, or run with --partnership NAME")

    def _owner(self, record: Mapping[str, Any], partnership: Partnership) -> str:
        team = self.teams[partnership.id]
        owner_id = _text(record.get("owner_id"))
        if owner_id and (owner_id == "both" or team.owner(owner_id)):
            return owner_id
        for key in ("owner", "owner_name"):
            text = _text(record.get(key))
            if text:
                value = team.resolve(text)
                if value is None:
                    names = ", ".join(f"{m.name} ({m.label})" for m in team.members)
                    raise DomainError(f"owner {text!r} is not in {partnership.display_name} (use {names}, or both)")
                return value
        return default_owner(partnership, _text(record.get("title")))

    def _date(self, record: Mapping[str, Any], key: str) -> date | None:
        text = _text(record.get(key))
        try:
            return parse_date(text, self.today) if text else None
        except DomainError as e:
            raise DomainError(f"{key.replace('_', ' ')}: {e}") from None

    def todo(self, record: Mapping[str, Any]) -> Todo:
        if not isinstance(record, Mapping):
            raise DomainError("it is not an object with field names")
        partnership = self._partnership(record)
        owner = self._owner(record, partnership)
        feedback_by, due = self._date(record, "feedback_by"), self._date(record, "due")
        check_deadline_order(feedback_by, due)
        status_text = _text(record.get("status")).lower()
        if status_text not in STATUS_WORDS:
            raise DomainError(f"status {status_text!r} is not open or done")
        status = STATUS_WORDS[status_text]
        todo_id = _text(record.get("id"))
        before = self.existing.get(todo_id) if todo_id else None
        links = {k: (_text(record.get(k)) or None) for k in ("session_id", "plan_id")}
        data: dict[str, Any] = {
            "title": _text(record.get("title")),
            "partnership_id": partnership.id,
            "owner": owner,
            "feedback_by": feedback_by,
            "due": due,
            "status": status,
            "notes": _text(record.get("notes"), strip=False),
            # A link to a session or plan this DB does not hold would dangle: drop it.
            **{k: (v if v in self.known_links else None) for k, v in links.items()},
            "created_at": _text(record.get("created_at")) or (before.created_at if before else self.now),
            "updated_at": _text(record.get("updated_at")) or self.now,
        }
        if status == TodoStatus.DONE:
            data["done_at"] = _text(record.get("done_at")) or (before.done_at if before else None) or self.now
        if todo_id:
            data["id"] = todo_id
        if not data["title"]:
            raise DomainError("title: must not be empty")
        try:
            return Todo.model_validate(data)
        except ValidationError as e:
            raise DomainError(describe(e)) from None


def _text(value: Any, strip: bool = True) -> str:
    if value is None:
        return ""
    text = str(value)
    return text.strip() if strip else text


def unknown_fields(names: Iterable[str]) -> list[str]:
    return [n for n in names if n and n not in FIELDS]
