"""Approach balance across a partnership's plans, and how it compares with the release plan.

"One teach, one assist" is easy and hurts parity (DOMAIN.md): a partnership that uses it for
more than a third of its segments is flagged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .catalogue import Approach
from .models import LessonPlan, Partnership
from .release import stage_on

ASSIST_LIMIT = 1 / 3


@dataclass(frozen=True)
class Balance:
    counts: dict[Approach, int]
    """Every approach, in catalogue order, with how many segments use it."""
    unset: int
    """Segments with no approach chosen yet."""
    expected: tuple[Approach, ...] = ()
    stage_label: str | None = None

    @property
    def total(self) -> int:
        """Segments with an approach."""
        return sum(self.counts.values())

    @property
    def assist_share(self) -> float:
        return self.counts[Approach.ONE_TEACH_ONE_ASSIST] / self.total if self.total else 0.0

    @property
    def over_assist(self) -> bool:
        return self.assist_share > ASSIST_LIMIT

    @property
    def expected_share(self) -> float | None:
        """Share of segments using an approach the release plan expects now; None without one."""
        if not self.expected or not self.total:
            return None
        return sum(self.counts[a] for a in self.expected) / self.total

    @property
    def expected_unused(self) -> list[Approach]:
        return [a for a in self.expected if not self.counts[a]]

    def findings(self) -> list[str]:
        """Plain sentences about the balance, worst first."""
        lines = []
        if self.over_assist:
            lines.append(
                f"One teach, one assist is {self.assist_share:.0%} of segments (over a third): "
                "it hurts parity, so plan more shared approaches."
            )
        if self.expected:
            names = ", ".join(a.label for a in self.expected)
            share = self.expected_share
            used = f"{share:.0%} of segments use them" if share is not None else "no segments yet"
            lines.append(f"{self.stage_label} of the release plan expects: {names}; {used}.")
            unused = self.expected_unused
            if unused and self.total:
                lines.append("Not tried yet: " + ", ".join(a.label for a in unused) + ".")
        if self.unset:
            lines.append(f"{self.unset} segment{'s' if self.unset != 1 else ''} without an approach.")
        return lines


def approach_balance(plans: Iterable[LessonPlan], partnership: Partnership | None = None, today: date | None = None) -> Balance:
    """Count approaches over ``plans``; compare with the release stage on ``today`` if given."""
    counts = {a: 0 for a in Approach}
    unset = 0
    for plan in plans:
        for s in plan.segments:
            if s.approach is None:
                unset += 1
            else:
                counts[s.approach] += 1
    stage = stage_on(partnership, today) if partnership is not None and today is not None else None
    if stage is None:
        return Balance(counts, unset)
    return Balance(counts, unset, tuple(stage.approaches), stage.label)
