"""Resource requests: what a cooperation pair has instead of coplanning (seed 002).

The teacher asks for print, digital or technical resources for a lesson, by a date; the
librarian provides them. Open ones come first, the soonest needed on top.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from pydantic import ValidationError

from .catalogue import Role
from .errors import DomainError, describe
from .models import BOTH, Partnership, ResourceRequest


def asker(partnership: Partnership) -> str:
    """Who asks by default: the member who is not the librarian (else both)."""
    librarian = partnership.member_with_role(Role.LIBRARIAN)
    others = [m for m in partnership.members if librarian is None or m.id != librarian.id]
    return others[0].id if librarian is not None and others else BOTH


def new_request(
    partnership: Partnership, what: str, now: datetime, *, for_lesson: str = "", needed_by: date | None = None, requested_by: str | None = None
) -> ResourceRequest:
    who = requested_by or asker(partnership)
    try:
        partnership.check_owner(who)
        return ResourceRequest(
            partnership_id=partnership.id, what=what, for_lesson=for_lesson, needed_by=needed_by, requested_by=who, created_at=now
        )
    except ValidationError as e:
        raise DomainError(describe(e)) from None
    except ValueError as e:
        raise DomainError(str(e)) from None


def mark_provided(request: ResourceRequest, provided: str, day: date) -> ResourceRequest:
    """The request provided on ``day``, with what was provided (may be empty)."""
    try:
        return ResourceRequest.model_validate({**request.model_dump(), "provided": provided, "provided_at": day})
    except ValidationError as e:
        raise DomainError(describe(e)) from None


def reopen(request: ResourceRequest) -> ResourceRequest:
    return request.model_copy(update={"provided_at": None})


def ordered(requests: Iterable[ResourceRequest]) -> list[ResourceRequest]:
    """Open first, soonest needed first (undated last); provided ones newest first."""
    items = list(requests)
    open_ = sorted((r for r in items if r.is_open), key=lambda r: (r.needed_by is None, r.needed_by or date.max, r.what.lower()))
    done = sorted((r for r in items if not r.is_open), key=lambda r: r.provided_at or date.min, reverse=True)
    return open_ + done


def describe_request(request: ResourceRequest, today: date) -> str:
    """``Ten books on volcanoes, for Lesson 3, by Mon 30 Nov (late)`` or ``... provided Fri 27 Nov: ...``."""
    text = request.what
    if request.for_lesson:
        text += f", for {request.for_lesson}"
    if request.is_open:
        if request.needed_by:
            text += f", by {request.needed_by:%a %d %b}" + (" (late)" if request.needed_by < today else "")
        return text
    assert request.provided_at is not None
    text += f"; provided {request.provided_at:%a %d %b}"
    return text + (f": {request.provided}" if request.provided else "")
