"""Gradual release of responsibility: who leads the next coplanning session, and why.

``advise`` is the one rule. Home, the start screen, the release view and ``coplan release``
all call it with one "as of" moment, so they cannot disagree on the same day.

The rule counts whole sessions over the current stage (a quarter of the placement): with
8 sessions held and a plan of 25-33% TC-led, the TC should have led 2 or 3. Whoever leading
the next session keeps the TC's count closest to the middle of the range leads it. A share
over a short window moved in 25-point steps and swung the advice; a count over the stage
moves by one session, and the status allows one session either way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal

from .catalogue import APPROACHES_EARLY, APPROACHES_LATE, APPROACHES_MIDDLE, Approach, Level, Phase, Role
from .errors import DomainError
from .models import LessonPlan, Partnership, ReleaseStage, Session, SessionStatus
from .timebox import total_elapsed

MIN_SESSION = timedelta(minutes=2)
"""A session that ran less than this, with no notes and no to-dos, was started by accident."""

TOLERANCE_SESSIONS = 1
"""How many sessions the TC's count may be off the planned range and still be on plan."""

THINK_ALOUD = "The CT leads, thinks aloud while planning, and shares lesson plans and resources."
INCLUDE_TC = "The CT leads and includes the TC in planning targeted lessons."
CT_MORE = "The CT takes more of the responsibility and asks for the TC's feedback and suggestions."
HAND_OVER = "The CT hands the TC more of the lead, session by session."
TC_MOST = "The TC leads most sessions; the CT gives feedback."
TC_HALF = "The lead is shared: the TC leads about half the sessions."

# Per phase, four quarters: (TC-led from %, to %, what the stage asks). From the seed:
# CP I the CT leads (thinking aloud, then including the TC in targeted lessons); CP II and
# III start CT-heavy and rise; by the end of CP III the TC leads most sessions.
QUARTERS: dict[Phase, tuple[tuple[int, int, str], ...]] = {
    Phase.CP1: ((0, 0, THINK_ALOUD), (0, 0, THINK_ALOUD), (0, 0, INCLUDE_TC), (0, 0, INCLUDE_TC)),
    Phase.CP2: ((0, 20, CT_MORE), (20, 35, HAND_OVER), (35, 50, HAND_OVER), (45, 60, TC_HALF)),
    Phase.CP3: ((20, 40, CT_MORE), (40, 60, HAND_OVER), (60, 75, TC_MOST), (75, 90, TC_MOST)),
}


# --- the plan ------------------------------------------------------------------------------


def _split(start: date, end: date) -> list[tuple[date, date]]:
    """Quarters of the placement (fewer when it has fewer than four weeks), end to end."""
    days = (end - start).days + 1
    n = max(1, min(4, -(-days // 7)))
    bounds = [start + timedelta(days=round(days * k / n)) for k in range(n + 1)]
    return [(bounds[k], bounds[k + 1] - timedelta(days=1)) for k in range(n)]


def leader_for(low: int, high: int) -> Literal["CT", "TC", "shared"]:
    mid = (low + high) / 2
    return "CT" if mid < 40 else ("TC" if mid > 60 else "shared")


def default_release_plan(phase: Phase, start: date, end: date) -> list[ReleaseStage]:
    """Stages that follow the seed for the phase, with the approaches of DOMAIN.md."""
    parts = _split(start, end)
    n = len(parts)
    stages = []
    for k, (s, e) in enumerate(parts):
        quarter = round(k * 3 / (n - 1)) if n > 1 else 0
        low, high, guidance = QUARTERS[phase][quarter]
        third = min(2, quarter * 3 // 4)
        if phase == Phase.CP1:
            approaches = list(APPROACHES_EARLY)
        elif phase == Phase.CP2:
            approaches = list((APPROACHES_EARLY, APPROACHES_MIDDLE, APPROACHES_MIDDLE)[third])
        else:
            approaches = list((APPROACHES_MIDDLE, APPROACHES_LATE, APPROACHES_LATE)[third])
        stages.append(
            ReleaseStage(
                label=f"Q{k + 1}" if n == 4 else f"Part {k + 1}",
                start=s,
                end=e,
                leader=leader_for(low, high),
                tc_share_min=low,
                tc_share_max=high,
                approaches=approaches,
                guidance=guidance,
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
    """The stage holding ``day``; the first before the placement, the last after it."""
    plan = release_plan(partnership)
    if not plan:
        return None
    if day < plan[0].start:
        return plan[0]
    holding = next((s for s in plan if s.start <= day <= s.end), None)
    # A gap (only in plans saved before stages had to be contiguous) belongs to the stage before it.
    return holding or [s for s in plan if s.start <= day][-1]


def validate_plan(stages: Sequence[ReleaseStage]) -> None:
    """Stages end to end: each starts the day after the one before ends. Raises DomainError."""
    for before, after in zip(stages, stages[1:]):
        if after.start <= before.end:
            raise DomainError(f"{after.label} starts ({after.start}) before {before.label} ends ({before.end}).")
        if after.start != before.end + timedelta(days=1):
            raise DomainError(
                f"There is a gap between {before.label} (ends {before.end}) and {after.label} (starts {after.start}): "
                f"every day belongs to one stage, so {after.label} must start on {before.end + timedelta(days=1)}."
            )


def with_stage(stages: Sequence[ReleaseStage], index: int, stage: ReleaseStage) -> list[ReleaseStage]:
    """The plan with ``stage`` at ``index``; the neighbours move so each stage ends where the next begins.

    Raises DomainError when that would leave a neighbour with no days.
    """
    out = list(stages)
    out[index] = stage
    if index > 0:
        before = out[index - 1]
        end = stage.start - timedelta(days=1)
        if end < before.start:
            raise DomainError(f"{stage.label} would start before {before.label} does ({before.start}).")
        out[index - 1] = before.model_copy(update={"end": end})
    if index + 1 < len(out):
        after = out[index + 1]
        start = stage.end + timedelta(days=1)
        if start > after.end:
            raise DomainError(f"{stage.label} would end after {after.label} does ({after.end}).")
        out[index + 1] = after.model_copy(update={"start": start})
    validate_plan(out)
    return out


def week_stage(partnership: Partnership, monday_: date) -> ReleaseStage | None:
    """The stage that holds most of the week starting ``monday_`` (the earlier one on a tie)."""
    plan = release_plan(partnership)
    days = Counter(
        k for i in range(7) for k, s in enumerate(plan) if s.start <= monday_ + timedelta(days=i) <= s.end
    )
    if not days:
        return stage_on(partnership, monday_)
    return plan[max(days, key=lambda k: (days[k], -k))]


# --- what happened -------------------------------------------------------------------------


def is_trivial(session: Session, now: datetime, made_todos: bool) -> bool:
    """Started by accident: under two minutes on the clock, no notes, no to-dos."""
    notes = any(run.notes.strip() for run in session.steps) or session.reflection.notes.strip()
    return not made_todos and not notes and total_elapsed(session, now) < MIN_SESSION


def counts(session: Session, as_of: datetime) -> bool:
    """A session counts for the release once it was held by ``as_of``.

    A running one counts once it has run two minutes or has notes; one that was left (paused
    or finished) counts, because leaving discards an accidental one.
    """
    if session.status == SessionStatus.PLANNED or not session.leader_id or session.day > as_of.date():
        return False
    if session.created_at is not None and session.created_at > as_of:
        return False
    if session.status == SessionStatus.RUNNING:
        return not is_trivial(session, as_of, made_todos=False)
    return True


def held(partnership: Partnership, sessions: Iterable[Session], as_of: datetime) -> list[Session]:
    """The pair's sessions that count as of ``as_of``, oldest first."""
    found = [s for s in sessions if s.partnership_id == partnership.id and counts(s, as_of)]
    return sorted(found, key=lambda s: (s.day, s.created_at.isoformat() if s.created_at else ""))


def last_held(partnership: Partnership, sessions: Iterable[Session], as_of: datetime) -> date | None:
    """The day of the pair's latest session that counts, for the next regular meeting."""
    led = held(partnership, sessions, as_of)
    return led[-1].day if led else None


def end_of(day: date, tz=None) -> datetime:
    """The last moment of ``day``: "as of a date" counts everything held that day."""
    return datetime.combine(day, time.max, tzinfo=tz)


# --- the advice ------------------------------------------------------------------------------


State = Literal["ahead", "on plan", "behind", "no sessions", "not started", "no plan"]


@dataclass(frozen=True)
class Advice:
    """Who leads next and why, and where the release stands, as of one moment."""

    state: State
    member_id: str | None
    """Who leads the next session; None when nobody is suggested (cooperation)."""
    reason: str
    """Why, in one or two sentences a CT would accept."""
    sentence: str
    """The status in words."""
    stage: ReleaseStage | None = None
    sessions: int = 0
    tc_led: int = 0
    as_of: datetime | None = None
    phase: str = ""

    @property
    def short(self) -> str:
        return {"no sessions": "none yet", "no plan": "—"}.get(self.state, self.state)

    @property
    def planned(self) -> tuple[int, int] | None:
        return (self.stage.tc_share_min, self.stage.tc_share_max) if self.stage else None


def pct(n: int, d: int) -> str:
    return f"{round(100 * n / d)}%"


def sessions_word(n: int) -> str:
    return "session" if n == 1 else "sessions"


def stage_state(tc_led: int, sessions: int, low: int, high: int) -> State:
    """On plan while the TC's count is within one session of the range (counts are whole)."""
    if sessions == 0:
        return "no sessions"
    if 100 * (tc_led + TOLERANCE_SESSIONS) < low * sessions:
        return "behind"
    if 100 * (tc_led - TOLERANCE_SESSIONS) > high * sessions:
        return "ahead"
    return "on plan"


def tc_leads_next(tc_led: int, sessions: int, low: int, high: int) -> bool:
    """The TC leads when that keeps the TC's count closer to the middle of the range.

    After the next session the middle is ``mid * (sessions + 1)`` TC-led sessions; the TC leads
    when their count is more than half a session short of it. Exactly half: the CT.
    """
    mid = (low + high) / 2
    return 200 * tc_led + 100 < 2 * mid * (sessions + 1)


def _no_plan(partnership: Partnership, sessions: Sequence[Session], as_of: datetime) -> Advice:
    level = partnership.level
    if level == Level.COOPERATION:
        reason = "Cooperation has no coplanning, so nobody is suggested to lead."
        return Advice("no plan", None, reason, "Cooperation: no coplanning, so no release plan.", as_of=as_of)
    if level == Level.COORDINATION:
        lead = partnership.member(partnership.lead_id) if partnership.lead_id else None
        if lead is None:
            reason = "Coordination has one lead: name them in the partnership form (e)."
            return Advice("no plan", None, reason, "Coordination: one person leads; none named yet.", as_of=as_of)
        reason = f"Coordination: {lead.name} leads and the others support (chosen in the partnership form)."
        return Advice("no plan", lead.id, reason, f"Coordination: {lead.name} leads.", as_of=as_of)
    led = held(partnership, sessions, as_of)
    ids = [m.id for m in partnership.members]
    sentence = "Peers share the lead: it rotates from session to session."
    if not led or led[-1].leader_id not in ids:
        first = partnership.members[0]
        return Advice("no plan", first.id, f"{first.name} leads first; the lead then rotates.", sentence, as_of=as_of)
    nxt = partnership.members[(ids.index(led[-1].leader_id) + 1) % len(ids)]
    return Advice("no plan", nxt.id, f"The lead rotates: {nxt.name} is next.", sentence, as_of=as_of)


def advise(partnership: Partnership, sessions: Sequence[Session], as_of: datetime) -> Advice:
    """Who leads the next session, and how the release stands, as of ``as_of``.

    Sessions held on ``as_of``'s day up to that moment count. A CT/TC pair in collaboration
    follows its release plan over the current stage; coordination has one named lead;
    cooperation gets no suggestion; peers rotate.
    """
    ct = partnership.member_with_role(Role.CT)
    tc = partnership.member_with_role(Role.TC)
    plan = release_plan(partnership)
    if partnership.level != Level.COLLABORATION or ct is None or tc is None:
        return _no_plan(partnership, sessions, as_of)
    if not plan:
        advice = _no_plan(partnership, sessions, as_of)
        return Advice("no plan", advice.member_id, advice.reason, "No release plan yet: set the phase and the placement dates.", as_of=as_of)
    today = as_of.date()
    stage = stage_on(partnership, today)
    assert stage is not None
    phase = partnership.phase.label if partnership.phase else "the placement"
    low, high = stage.tc_share_min, stage.tc_share_max
    planned = f"{stage.label} plans {low}–{high}%" if low != high else f"{stage.label} plans {low}%"
    if today < plan[0].start:
        who = tc if tc_leads_next(0, 0, low, high) else ct
        reason = f"The placement starts on {plan[0].start:%a %d %b}; {planned} TC-led: the {who.role.short} leads first."
        return Advice("not started", who.id, _with_guidance(reason, stage), f"The placement starts on {plan[0].start:%a %d %b}.", stage, as_of=as_of, phase=phase)
    in_stage = [s for s in held(partnership, sessions, as_of) if stage.start <= s.day <= stage.end]
    n = len(in_stage)
    t = sum(1 for s in in_stage if s.leader_id == tc.id)
    state = stage_state(t, n, low, high)
    who = tc if tc_leads_next(t, n, low, high) else ct
    where = f"{stage.label} of {phase}"
    if n == 0:
        so_far = f"No session in {stage.label} yet"
        planned += " TC-led"
    else:
        so_far = f"{t} of {'the ' if n > 1 else ''}{n} {sessions_word(n)} in {stage.label} so far {'was' if n == 1 else 'were'} TC-led ({pct(t, n)})"
    reason = f"{so_far}; {planned}: the {who.role.short} leads next."
    if low != high and n:
        other_t = t if who is tc else t + 1
        other = "CT" if who is tc else "TC"
        reason += f" (The {other} leading would make it {other_t} of {n + 1}, {pct(other_t, n + 1)}.)"
    if today > plan[-1].end:
        reason = f"The placement ended on {plan[-1].end:%a %d %b}. " + reason
    status_words = {"behind": "Behind the plan", "ahead": "Ahead of the plan", "on plan": "On plan"}
    if state == "on plan" and not low * n <= 100 * t <= high * n:
        status_words["on plan"] = "On plan, within one session"
    if n == 0:
        sentence = f"No session in {where} yet; it plans {low}–{high}% TC-led."
    else:
        sentence = f"{status_words[state]}. {so_far}; {planned}."
    return Advice(state, who.id, _with_guidance(reason, stage), sentence, stage, n, t, as_of, phase)


def _with_guidance(reason: str, stage: ReleaseStage) -> str:
    return f"{reason} {stage.guidance}" if stage.guidance else reason


# --- the release view's rows --------------------------------------------------------------


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class WeekPoint:
    """One week of the release view: the stage holding most of it, and the advice at its end."""

    start: date
    stage: ReleaseStage | None
    sessions: int
    """Sessions held in this week."""
    tc_led: int
    advice: Advice | None
    """As of the week's last moment (or the view's moment in the current week); None in the future."""
    future: bool

    @property
    def planned(self) -> tuple[int, int] | None:
        return (self.stage.tc_share_min, self.stage.tc_share_max) if self.stage else None


def weekly_progress(partnership: Partnership, sessions: Sequence[Session], as_of: datetime) -> list[WeekPoint]:
    """Every week of the plan (Monday to Sunday), judged by ``advise`` as of its end."""
    plan = release_plan(partnership)
    if not plan:
        return []
    tc = partnership.member_with_role(Role.TC)
    sessions = [s for s in sessions if s.partnership_id == partnership.id]  # once, not once a week
    led = held(partnership, sessions, as_of)
    today = as_of.date()
    points = []
    week = monday(plan[0].start)
    while week <= plan[-1].end:
        last = week + timedelta(days=6)
        this_week = [s for s in led if week <= s.day <= last]
        future = week > today
        at = as_of if last >= today else end_of(last, as_of.tzinfo)
        points.append(
            WeekPoint(
                start=week,
                stage=week_stage(partnership, week),
                sessions=len(this_week),
                tc_led=sum(1 for s in this_week if tc is not None and s.leader_id == tc.id),
                advice=None if future else advise(partnership, sessions, at),
                future=future,
            )
        )
        week += timedelta(weeks=1)
    return points


def approaches_planned(plans: Iterable[LessonPlan], partnership_id: str) -> Counter[Approach]:
    """How many lesson segments so far use each coteaching approach."""
    return Counter(
        seg.approach for p in plans if p.partnership_id == partnership_id for seg in p.segments if seg.approach
    )


def tc_included_per_stage(
    partnership: Partnership, sessions: Iterable[Session], plans: Iterable[LessonPlan], as_of: datetime
) -> dict[str, int]:
    """CP I: per stage label, the sessions and plans marked "TC included in planning".

    A plan belongs to the stage of its start date (else the day it was made).
    """
    out = {s.label: 0 for s in release_plan(partnership)}
    days = [s.day for s in held(partnership, sessions, as_of) if s.tc_included]
    for plan in plans:
        if plan.partnership_id == partnership.id and plan.tc_included:
            day = plan.start or (plan.created_at.date() if plan.created_at else None)
            if day is not None and day <= as_of.date():
                days.append(day)
    for day in days:
        stage = stage_on(partnership, day)
        if stage is not None:
            out[stage.label] = out.get(stage.label, 0) + 1
    return out
