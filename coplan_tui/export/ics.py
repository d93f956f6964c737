"""To-dos as an iCalendar file of VTODO items, for any calendar or task app.

Each to-do becomes one VTODO due on its implementation deadline; a feedback deadline
becomes a second VTODO ("Feedback on: ...") so both dates show up. The owner's tag leads
the summary, so a shared calendar shows at a glance whose task it is. Text passes through
``printable``: ESC or BEL in a calendar would reach whatever terminal shows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone

from icalendar import Calendar
from icalendar import Todo as VTodo

from .. import __version__
from ..domain.safe_text import printable
from ..domain.todo_rows import TodoRow

PRODID = f"-//coplan//coplan {__version__}//EN"


def _stamp(value: str) -> datetime | None:
    try:
        stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return stamp.astimezone(timezone.utc) if stamp.tzinfo else stamp.replace(tzinfo=timezone.utc)


def _vtodo(row: TodoRow, uid: str, summary: str, due, now: datetime, related: str | None = None) -> VTodo:
    item = VTodo()
    item.add("uid", uid)
    item.add("dtstamp", now.astimezone(timezone.utc))
    item.add("summary", printable(summary))
    if due is not None:
        item.add("due", due)
    item.add("status", "NEEDS-ACTION" if row.is_open else "COMPLETED")
    done = _stamp(row.done_at) if row.done_at else None
    if done is not None and not row.is_open:
        item.add("completed", done)
    created = _stamp(row.created_at) if row.created_at else None
    if created is not None:
        item.add("created", created)
    updated = _stamp(row.updated_at) if row.updated_at else None
    if updated is not None:
        item.add("last-modified", updated)
    item.add("categories", [printable(row.partnership)])
    details = [f"Owner: {row.owner_name or row.owner}", f"Partnership: {row.partnership}"]
    if row.feedback_by:
        details.append(f"Feedback by: {row.feedback_by.isoformat()}")
    if row.due:
        details.append(f"Due: {row.due.isoformat()}")
    if row.session:
        details.append(f"From the session of {row.session}")
    if row.notes:
        details += ["", row.notes]
    item.add("description", printable("\n".join(details)))
    if related:
        item.add("related-to", related)
    return item


def new_calendar(name: str) -> Calendar:
    """An empty calendar as coplan writes them (to-dos here, meetings in ``schedule.py``)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", printable(name))
    return cal


def to_ics(rows: Sequence[TodoRow], now: datetime, name: str = "coplan to-dos") -> bytes:
    cal = new_calendar(name)
    for row in rows:
        uid = f"{row.id}@coplan"
        cal.add_component(_vtodo(row, uid, f"[{row.owner}] {row.title}", row.due, now))
        if row.feedback_by is not None:
            cal.add_component(
                _vtodo(row, f"{row.id}-feedback@coplan", f"[{row.owner}] Feedback on: {row.title}", row.feedback_by, now, related=uid)
            )
    return cal.to_ical()
