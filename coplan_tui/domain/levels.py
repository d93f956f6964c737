"""What each partnership level means for the app's defaults, and what a change of level changes.

From seed 002: cooperation has no coplanning (the librarian provides resources on request),
coordination's coplanning is a brief conversation with the library's part aligned to the
class or an extra pair of hands, collaboration is formal scheduled planning that co-designs,
co-teaches and co-assesses. A change of level keeps every document: only defaults move.
"""

from __future__ import annotations

from .catalogue import Level
from .models import Partnership
from .templates import default_template_for

WHAT_IT_MEANS: dict[Level, list[str]] = {
    Level.COOPERATION: [
        "no coplanning meetings: the regular time, if any, is kept but paused",
        "resource requests instead, on Home and in `coplan requests`",
        "plans give no approach or role warnings (the librarian does not teach)",
    ],
    Level.COORDINATION: [
        "one named lead, the other supports; a brief check-in is the coplanning",
        "name the class topic or objective the library's part aligns with, or say it is an extra pair of hands",
    ],
    Level.COLLABORATION: [
        "formal planning at the scheduled time, big-picture and feedback meetings by the rule",
        "co-assessment: assessments graded by both, and a note on outcomes after teaching",
    ],
}


def level_changes(old: Partnership | None, new: Partnership) -> list[str]:
    """Sentences saying what changed with the level; empty when the level did not change."""
    if old is None or old.level == new.level:
        return []
    before, after = default_template_for(old), default_template_for(new)
    lines = [f"Now {new.level.label.lower()} (was {old.level.label.lower()}): " + "; ".join(WHAT_IT_MEANS[new.level]) + "."]
    if before.id != after.id:
        lines.append(f"New sessions start with {after.name} (was {before.name}).")
    if new.level == Level.COOPERATION and new.schedule is not None:
        lines.append("The regular time is kept for when you coplan again.")
    lines.append("All sessions, plans, to-dos and requests are kept.")
    return lines
