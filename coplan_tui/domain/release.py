"""Gradual release of responsibility: who should lead coplanning, and when.

One rule, used by the live session and the release view alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .catalogue import APPROACHES_EARLY, APPROACHES_LATE, APPROACHES_MIDDLE, Phase, Role
from .models import Partnership, ReleaseStage, Session

# Target share of TC-led sessions per phase (DOMAIN.md via the issue): CP I 0-25, CP II 25-60, CP III 60-90.
PHASE_SHARE: dict[Phase, tuple[int, int]] = {Phase.CP1: (0, 25), Phase.CP2: (25, 60), Phase.CP3: (60, 90)}


@dataclass(frozen=True)
class Suggestion:
    member_id: str | None
    reason: str


def _split(start: date, end: date) -> list[tuple[date, date]]:
    """Quarters of the placement, or weeks when it is shorter than eight weeks."""
    days = (end - start).days + 1
    n = max(1, -(-days // 7)) if days < 56 else 4
    bounds = [start + timedelta(days=round(days * k / n)) for k in range(n + 1)]
    return [(bounds[k], bounds[k + 1] - timedelta(days=1)) for k in range(n)]


def default_release_plan(phase: Phase, start: date, end: date) -> list[ReleaseStage]:
    """Stages whose TC share rises across the phase's range, with the approaches of DOMAIN.md."""
    low, high = PHASE_SHARE[phase]
    parts = _split(start, end)
    n = len(parts)
    weekly = (end - start).days + 1 < 56
    stages = []
    for k, (s, e) in enumerate(parts):
        share_lo = low + (high - low) * k // n
        share_hi = low + (high - low) * (k + 1) // n
        mid = (share_lo + share_hi) / 2
        leader = "CT" if mid < 40 else ("TC" if mid > 60 else "shared")
        third = k * 3 // n
        if phase == Phase.CP1:
            approaches = list(APPROACHES_EARLY)
        elif phase == Phase.CP2:
            approaches = list((APPROACHES_EARLY, APPROACHES_MIDDLE, APPROACHES_MIDDLE)[third])
        else:
            approaches = list((APPROACHES_MIDDLE, APPROACHES_LATE, APPROACHES_LATE)[third])
        label = f"Week {k + 1}" if weekly else f"Q{k + 1}"
        stages.append(
            ReleaseStage(
                label=label, start=s, end=e, leader=leader, tc_share_min=share_lo, tc_share_max=share_hi, approaches=approaches
            )
        )
    return stages


def release_plan(partnership: Partnership) -> list[ReleaseStage]:
    if partnership.release_plan:
        return partnership.release_plan
    if partnership.phase and partnership.placement_start and partnership.placement_end:
        return default_release_plan(partnership.phase, partnership.placement_start, partnership.placement_end)
    return []


def stage_on(partnership: Partnership, day: date) -> ReleaseStage | None:
    plan = release_plan(partnership)
    if not plan:
        return None
    if day < plan[0].start:
        return plan[0]
    if day > plan[-1].end:
        return plan[-1]
    return next((s for s in plan if s.start <= day <= s.end), plan[-1])


def tc_share(partnership: Partnership, sessions: Sequence[Session]) -> float | None:
    """Percentage of sessions led by the TC, or None before any session."""
    tc = partnership.member_with_role(Role.TC)
    led = [s for s in sessions if s.leader_id]
    if tc is None or not led:
        return None
    return 100.0 * sum(1 for s in led if s.leader_id == tc.id) / len(led)


def suggested_leader(partnership: Partnership, day: date, sessions: Sequence[Session]) -> Suggestion:
    """Who should lead the next session on ``day``, and why, in one sentence."""
    ct = partnership.member_with_role(Role.CT)
    tc = partnership.member_with_role(Role.TC)
    stage = stage_on(partnership, day) if ct and tc else None
    if stage is None or ct is None or tc is None:
        led = sorted((s for s in sessions if s.leader_id), key=lambda s: (s.day, s.created_at or s.day))
        ids = [m.id for m in partnership.members]
        if not led or led[-1].leader_id not in ids:
            return Suggestion(ids[0], f"{partnership.members[0].name} leads first; the lead then rotates.")
        nxt = partnership.members[(ids.index(led[-1].leader_id) + 1) % len(ids)]
        return Suggestion(nxt.id, f"The lead rotates: {nxt.name} is next.")
    phase = partnership.phase.label if partnership.phase else "the placement"
    if stage.leader == "CT":
        return Suggestion(ct.id, f"{stage.label} of {phase}: the CT leads and takes the TC's feedback.")
    if stage.leader == "TC":
        return Suggestion(tc.id, f"{stage.label} of {phase}: the TC leads most sessions now.")
    share = tc_share(partnership, sessions) or 0.0
    target = (stage.tc_share_min + stage.tc_share_max) / 2
    if share < target:
        return Suggestion(tc.id, f"{stage.label} of {phase}: the TC has led {share:.0f}% against a target of {target:.0f}%.")
    return Suggestion(ct.id, f"{stage.label} of {phase}: the TC has led {share:.0f}%, at or above the target of {target:.0f}%.")
