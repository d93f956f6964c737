"""Standing roles: who always owns a task area, suggested from each member's strengths.

The pair lists strengths and challenges; this module proposes an owner for each common task
area (handouts, bell work, ...). Once confirmed, a standing role is the default owner of any
to-do whose title names that area. Pure functions: the UI and the live session both call them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .models import BOTH, Member, Partnership, StandingRole


@dataclass(frozen=True)
class TaskArea:
    name: str
    stems: tuple[str, ...]
    """Word beginnings that signal the area in a strength or a to-do title."""


# The task areas pairs most often split (DOMAIN.md: "one teacher always makes the handouts,
# the other the bell-work activity"), with the words teachers use for them.
TASK_AREAS: tuple[TaskArea, ...] = (
    TaskArea("Handouts", ("handout", "worksheet", "print", "copies", "copy", "photocop", "packet")),
    TaskArea("Bell work", ("bell", "warm-up", "warmup", "do-now", "starter")),
    TaskArea("Slides", ("slide", "presentation", "powerpoint", "deck")),
    TaskArea("Assessments", ("assess", "quiz", "test", "exit", "rubric", "grading", "grade")),
    TaskArea("Grading", ("grading", "mark", "feedback")),
    TaskArea("Materials & lab prep", ("material", "lab", "supplies", "cart", "equipment", "safety")),
    TaskArea("Parent communication", ("parent", "family", "families", "newsletter", "email")),
    TaskArea("Small-group instruction", ("small-group", "small", "group", "intervention", "re-teach", "reteach")),
    TaskArea("Technology", ("tech", "digital", "online", "database", "login", "computer", "tool")),
    TaskArea("Classroom routines", ("routine", "transition", "behavio", "management", "procedure")),
    TaskArea("Lesson plan write-up", ("write-up", "writeup", "lesson", "plan")),
)
_AREA_BY_NAME = {a.name.lower(): a for a in TASK_AREAS}
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_STOP = {"and", "the", "for", "with", "of", "to", "a", "an", "on", "in"}


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def area_stems(area: str) -> tuple[str, ...]:
    """The stems of a known area, or the words of a custom one (``Lab cart`` -> lab, cart)."""
    known = _AREA_BY_NAME.get(area.strip().lower())
    if known:
        return known.stems
    stems = []
    for word in _words(area):
        if word in _STOP or len(word) < 3:
            continue
        stems.append(word[:-1] if len(word) > 4 and word.endswith("s") else word)
    return tuple(stems)


def _hits(text: str, stems: tuple[str, ...]) -> int:
    words = _words(text)
    joined = " ".join(words)
    return sum(1 for stem in stems if ("-" in stem and stem in joined) or any(w.startswith(stem) for w in words))


def mentions(text: str, area: str) -> bool:
    """Whether ``text`` (a strength, a to-do title) speaks of the task area."""
    return _hits(text, area_stems(area)) > 0


@dataclass(frozen=True)
class RoleSuggestion:
    area: str
    member_id: str | None
    """None: nothing in the inventory points either way; the pair decides."""
    reason: str


def _score(member: Member, area: str) -> tuple[int, str | None, str | None]:
    strength = next((s for s in member.strengths if mentions(s, area)), None)
    challenge = next((c for c in member.challenges if mentions(c, area)), None)
    return (1 if strength else 0) - (1 if challenge else 0), strength, challenge


def suggest_owner(partnership: Partnership, area: str) -> RoleSuggestion:
    """The member whose strengths name the area (and whose challenges don't), with the why."""
    scored = [(m, *_score(m, area)) for m in partnership.members]
    best = max(score for _, score, _, _ in scored)
    leaders = [row for row in scored if row[1] == best]
    if best > 0 and len(leaders) == 1:
        member, _, strength, _ = leaders[0]
        return RoleSuggestion(area, member.id, f"{member.name} lists {strength!r} as a strength.")
    if best == 0 and len(leaders) == 1:
        # Nobody claims it, but one member named it as a challenge: the other one takes it.
        member = leaders[0][0]
        other = next(row for row in scored if row[0] is not member)
        return RoleSuggestion(area, member.id, f"{other[0].name} lists {other[3]!r} as a challenge.")
    if best > 0:
        return RoleSuggestion(area, None, "Both list it as a strength: decide together.")
    return RoleSuggestion(area, None, "Nothing in the inventory points either way.")


def suggest_roles(partnership: Partnership, extra_areas: list[str] | None = None) -> list[RoleSuggestion]:
    """A suggestion for every common area, plus areas the pair already uses or added."""
    names = [a.name for a in TASK_AREAS]
    for area in [r.area for r in partnership.standing_roles] + list(extra_areas or []):
        if area.strip() and area.strip().lower() not in {n.lower() for n in names}:
            names.append(area.strip())
    return [suggest_owner(partnership, name) for name in names]


def default_owner(partnership: Partnership, title: str) -> str:
    """The owner a new to-do gets: the standing role its title names, else both.

    When several standing roles match, the one with the most matching words wins; the
    first listed breaks a tie. The user can always change the owner afterwards.
    """
    best: tuple[int, str] | None = None
    for role in partnership.standing_roles:
        hits = _hits(title, area_stems(role.area))
        if hits and partnership.member(role.member_id) and (best is None or hits > best[0]):
            best = (hits, role.member_id)
    return best[1] if best else BOTH


def standing_roles_from(assignments: dict[str, str | None], partnership: Partnership) -> list[StandingRole]:
    """The confirmed roles (area -> member id), dropping areas left to decide together."""
    return [
        StandingRole(area=area, member_id=member_id)
        for area, member_id in assignments.items()
        if member_id and partnership.member(member_id)
    ]
