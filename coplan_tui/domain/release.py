"""Gradual release of responsibility: who should lead coplanning, and when.

One rule, used by the live session and the release view alike.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from .catalogue import APPROACHES_EARLY, APPROACHES_LATE, APPROACHES_MIDDLE, Approach, Phase, Role
from .errors import DomainError
from .models import LessonPlan, Partnership, ReleaseStage, Session, SessionStatus

# Target share of TC-led sessions per phase (DOMAIN.md via the issue): CP I 0-25, CP II 25-60, CP III 60-90.
PHASE_SHARE: dict[Phase, tuple[int, int]] = {Phase.CP1: (0, 25), Phase.CP2: (25, 60), Phase.CP3: (60, 90)}

RECENT_WEEKS = 4
"""The actual share is measured over this many weeks: recent enough to show the shift."""

TOLERANCE = 5
"""Percentage points either side of the planned range that still count as on plan."""


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




def validate_plan(stages: Sequence[ReleaseStage]) -> None:
    """Stages in date order without overlaps. Raises DomainError naming the first problem."""
    for before, after in zip(stages, stages[1:]):
        if after.start <= before.end:
            raise DomainError(f"{after.label} starts ({after.start}) before {before.label} ends ({before.end})")


# --- what actually happened -----------------------------------------------------------


def held(partnership: Partnership, sessions: Iterable[Session], until: date | None = None) -> list[Session]:
    """The pair's sessions that took place (started) with a recorded leader, oldest first."""
    found = [
        s
        for s in sessions
        if s.partnership_id == partnership.id
        and s.leader_id
        and s.status != SessionStatus.PLANNED
        and (until is None or s.day <= until)
    ]
    return sorted(found, key=lambda s: (s.day, s.created_at.isoformat() if s.created_at else ""))


def tc_share(partnership: Partnership, sessions: Sequence[Session]) -> float | None:
    """Percentage of sessions led by the TC, or None before any session."""
    tc = partnership.member_with_role(Role.TC)
    led = held(partnership, sessions)
    if tc is None or not led:
        return None
    return 100.0 * sum(1 for s in led if s.leader_id == tc.id) / len(led)


@dataclass(frozen=True)
class Window:
    """The sessions of the RECENT_WEEKS weeks ending on a day, and the TC's share of them."""

    sessions: int
    tc_led: int

    @property
    def share(self) -> float | None:
        return None if not self.sessions else 100.0 * self.tc_led / self.sessions


def recent_window(partnership: Partnership, sessions: Sequence[Session], day: date) -> Window:
    tc = partnership.member_with_role(Role.TC)
    first = day - timedelta(weeks=RECENT_WEEKS) + timedelta(days=1)
    recent = [s for s in held(partnership, sessions, until=day) if s.day >= first]
    return Window(len(recent), sum(1 for s in recent if tc is not None and s.leader_id == tc.id))


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class WeekPoint:
    """One week of the release view: the plan's range against what happened."""

    start: date
    stage: ReleaseStage | None
    sessions: int
    tc_led: int
    recent: Window
    future: bool

    @property
    def planned(self) -> tuple[int, int] | None:
        return (self.stage.tc_share_min, self.stage.tc_share_max) if self.stage else None


def weekly_progress(partnership: Partnership, sessions: Sequence[Session], today: date) -> list[WeekPoint]:
    """Every week of the plan (Monday to Sunday), with the recent share as of its last day."""
    plan = release_plan(partnership)
    if not plan:
        return []
    tc = partnership.member_with_role(Role.TC)
    led = held(partnership, sessions)
    points = []
    week = monday(plan[0].start)
    while week <= plan[-1].end:
        last = week + timedelta(days=6)
        this_week = [s for s in led if week <= s.day <= last]
        as_of = min(last, today)
        points.append(
            WeekPoint(
                start=week,
                stage=stage_on(partnership, max(week, plan[0].start)),
                sessions=len(this_week),
                tc_led=sum(1 for s in this_week if tc is not None and s.leader_id == tc.id),
                recent=recent_window(partnership, sessions, as_of) if week <= today else Window(0, 0),
                future=week > today,
            )
        )
        week += timedelta(weeks=1)
    return points


State = Literal["ahead", "on plan", "behind", "no sessions", "not started", "no plan"]


@dataclass(frozen=True)
class ReleaseStatus:
    state: State
    sentence: str

    @property
    def short(self) -> str:
        return {"no sessions": "none yet", "no plan": "—"}.get(self.state, self.state)


def release_status(partnership: Partnership, sessions: Sequence[Session], today: date) -> ReleaseStatus:
    """Ahead of, on, or behind the plan: the TC's recent share against the stage's range."""
    plan = release_plan(partnership)
    if partnership.member_with_role(Role.TC) is None or partnership.member_with_role(Role.CT) is None:
        return ReleaseStatus("no plan", "Peers share the lead: it rotates from session to session.")
    if not plan:
        return ReleaseStatus("no plan", "No release plan yet: set the phase and the placement dates.")
    if today < plan[0].start:
        return ReleaseStatus("not started", f"The placement starts on {plan[0].start:%a %d %b}.")
    day = min(today, plan[-1].end)
    stage = stage_on(partnership, day)
    assert stage is not None
    window = recent_window(partnership, sessions, day)
    planned = f"{stage.label} plans {stage.tc_share_min}–{stage.tc_share_max}% TC-led"
    if window.share is None:
        return ReleaseStatus("no sessions", f"No session in the last {RECENT_WEEKS} weeks; {planned}.")
    led = f"The TC led {window.tc_led} of the last {window.sessions} sessions ({window.share:.0f}%)"
    if window.share < stage.tc_share_min - TOLERANCE:
        return ReleaseStatus("behind", f"Behind the plan. {led}; {planned}.")
    if window.share > stage.tc_share_max + TOLERANCE:
        return ReleaseStatus("ahead", f"Ahead of the plan. {led}; {planned}.")
    return ReleaseStatus("on plan", f"On plan. {led}; {planned}.")


def approaches_planned(plans: Iterable[LessonPlan], partnership_id: str) -> Counter[Approach]:
    """How many lesson segments so far use each coteaching approach."""
    return Counter(
        seg.approach for p in plans if p.partnership_id == partnership_id for seg in p.segments if seg.approach
    )


# --- the one rule for who leads next -----------------------------------------------------


def _rotation(partnership: Partnership, sessions: Sequence[Session]) -> Suggestion:
    led = held(partnership, sessions)
    ids = [m.id for m in partnership.members]
    if not led or led[-1].leader_id not in ids:
        return Suggestion(ids[0], f"{partnership.members[0].name} leads first; the lead then rotates.")
    nxt = partnership.members[(ids.index(led[-1].leader_id) + 1) % len(ids)]
    return Suggestion(nxt.id, f"The lead rotates: {nxt.name} is next.")


def suggested_leader(partnership: Partnership, day: date, sessions: Sequence[Session]) -> Suggestion:
    """Who should lead the session on ``day``, and why, in one sentence.

    A CT/TC pair follows the release plan. The stage's range says what share of sessions the
    TC should lead; the TC leads next when their share of the last RECENT_WEEKS weeks is below
    the middle of that range, the CT otherwise. A stage whose range tops out at 0% is always
    CT-led, one that starts at 100% always TC-led, and with no recent session the stage's
    expected leader goes first. Pairs without a plan (peers, librarian and teacher) rotate.
    """
    ct = partnership.member_with_role(Role.CT)
    tc = partnership.member_with_role(Role.TC)
    stage = stage_on(partnership, day) if ct and tc else None
    if stage is None or ct is None or tc is None:
        return _rotation(partnership, sessions)
    phase = partnership.phase.label if partnership.phase else "the placement"
    plan = release_plan(partnership)
    where = f"{stage.label} of {phase}"
    if day < plan[0].start:
        where = f"Before the placement starts, {where}"
    elif day > plan[-1].end:
        where = f"After the placement, {where}"
    planned = f"{where} plans {stage.tc_share_min}–{stage.tc_share_max}% TC-led"
    if stage.tc_share_max == 0:
        return Suggestion(ct.id, f"{planned}: the CT leads and thinks aloud; the TC gives feedback.")
    if stage.tc_share_min == 100:
        return Suggestion(tc.id, f"{planned}: the TC leads; the CT gives feedback.")
    window = recent_window(partnership, sessions, day - timedelta(days=1))
    target = (stage.tc_share_min + stage.tc_share_max) / 2
    if window.share is None:
        who = tc if stage.leader == "TC" or (stage.leader == "shared" and target >= 50) else ct
        return Suggestion(who.id, f"{planned}; no session in the last {RECENT_WEEKS} weeks, so the {who.role.short} leads.")
    led = f"the TC led {window.tc_led} of the last {window.sessions} ({window.share:.0f}%)"
    if window.share < target:
        return Suggestion(tc.id, f"{planned}; {led}, below {target:.0f}%, so the TC leads.")
    return Suggestion(ct.id, f"{planned}; {led}, at or above {target:.0f}%, so the CT leads.")
