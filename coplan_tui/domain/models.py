"""The documents coplan keeps: partnerships, templates, sessions, to-dos and lesson plans.

Every model is frozen: change one with ``model_copy(update=...)`` and save it through the
store, which validates again. Ids are UUID hex strings kept inside each document so two
processes never hand out the same id.
"""

from __future__ import annotations

from datetime import date, datetime, time
from enum import StrEnum
from typing import Annotated, Literal
from uuid import uuid4

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, field_validator, model_validator

from .catalogue import Approach, Level, Phase, Role
from .safe_text import printable, printable_line

BOTH = "both"
"""The owner value for a to-do that both members share."""


def new_id() -> str:
    return uuid4().hex




def _printable(value: object) -> object:
    return printable(value) if isinstance(value, str) else value


_Clean = BeforeValidator(_printable)
"""Every text field drops control characters as it is validated: see ``safe_text``."""


def _printable_line(value: object) -> object:
    return printable_line(value) if isinstance(value, str) else value


_CleanLine = BeforeValidator(_printable_line)
"""``_Clean``, then every line break made a space: one call, as a load runs it on every title."""

TEXT_MAX = 10_000
TITLE_MAX = 500
NOTES_MAX = 100_000
"""A step's notes (and the reflection's) hold a long meeting's worth of typing."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=TEXT_MAX), _Clean]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=TITLE_MAX), _CleanLine]
Notes = Annotated[str, StringConstraints(strip_whitespace=True, max_length=NOTES_MAX), _Clean]
Line = Annotated[str, StringConstraints(strip_whitespace=True, max_length=TEXT_MAX), _CleanLine]
"""Optional one-line text, such as a partnership's name: shown in headers, tables and ics."""
Minutes = Annotated[int, Field(ge=1, le=240)]


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=True, defer_build=True)


REVISION_FIELDS = frozenset({"rev", "updated_by"})
"""Set by the store on every save: not part of what a document says."""


class Doc(Model):
    """A top-level document: it has its own id.

    ``rev`` counts the saves of this document (the store sets it), so a save made from an
    older copy is merged field by field with the newer one instead of overwriting it;
    ``updated_by`` names who saved it last, so a window can say who changed what.
    """

    id: str = Field(default_factory=new_id, min_length=8)
    rev: int = Field(0, ge=0)
    updated_by: str | None = None

    def __eq__(self, other: object) -> bool:
        """Equal when they say the same: a saved copy equals what was saved, whatever its rev."""
        if type(other) is not type(self):
            return NotImplemented
        mine, theirs = self.__dict__, other.__dict__  # type: ignore[union-attr]
        return all(mine[k] == theirs[k] for k in mine if k not in REVISION_FIELDS)

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.id))


# --- Partnerships -------------------------------------------------------------------


class Member(Model):
    id: str = Field(default_factory=new_id, min_length=8)
    name: Title
    role: Role
    strengths: list[Title] = []
    challenges: list[Title] = []


class Context(Model):
    school: Text = ""
    subject: Text = ""
    grade: Text = ""


class Weekday(StrEnum):
    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"

    @property
    def index(self) -> int:
        return list(Weekday).index(self)


class SessionKind(StrEnum):
    """What a scheduled session is for; each kind has its own length (seed 000)."""

    BIG_PICTURE = "big_picture"
    FEEDBACK = "feedback"
    REGULAR = "regular"

    @property
    def label(self) -> str:
        return {"big_picture": "big-picture", "feedback": "feedback on drafts", "regular": "regular"}[self.value]


class KindRule(Model):
    """Which regular meetings are big-picture or feedback sessions; the rest are regular.

    Counted on the meeting's regular date, so moving one occurrence keeps its kind.
    """

    big_picture: Literal["first_of_month", "last_of_month", "never"] = "first_of_month"
    feedback: Literal["after_big_picture", "every_other", "never"] = "after_big_picture"


class OccurrenceChange(Model):
    """One meeting of the series skipped, or moved to another date and time, or both: a moved
    meeting that is then skipped keeps its move, so it still shows (skipped) where it would
    have happened, and putting it back returns it to the move."""

    day: date
    """The regular date this change replaces."""
    skip: bool = False
    moved_to: datetime | None = None

    @model_validator(mode="after")
    def _one_change(self) -> OccurrenceChange:
        if not self.skip and self.moved_to is None:
            raise ValueError("a change to one meeting skips it or moves it")
        if self.moved_to is not None and self.moved_to.tzinfo is not None:
            raise ValueError("a moved meeting keeps the school's local time (no time zone)")
        return self


class Schedule(Model):
    weekday: Weekday
    start_time: time
    minutes: Minutes = 60
    big_picture_minutes: Minutes = 60
    feedback_minutes: Minutes = 15
    rule: KindRule = KindRule()
    changes: list[OccurrenceChange] = []

    @model_validator(mode="after")
    def _changes_on_meeting_days(self) -> Schedule:
        days = [c.day for c in self.changes]
        if len(set(days)) != len(days):
            raise ValueError("one meeting has two changes")
        for day in days:
            if day.weekday() != self.weekday.index:
                raise ValueError(f"{day} is not a regular meeting day ({self.weekday.value})")
        return self

    def minutes_for(self, kind: SessionKind) -> int:
        return {
            SessionKind.BIG_PICTURE: self.big_picture_minutes,
            SessionKind.FEEDBACK: self.feedback_minutes,
            SessionKind.REGULAR: self.minutes,
        }[kind]


class MeetingMode(Model):
    mode: Literal["in_person", "virtual"] = "in_person"
    platform: Text = ""
    location: Text = ""
    """Where an in-person pair meets (a room); goes into the calendar."""
    link: Text = ""
    """The video meeting's address, for virtual pairs."""

    @model_validator(mode="after")
    def _virtual_names_platform(self) -> MeetingMode:
        if self.mode == "virtual" and not self.platform:
            raise ValueError("a virtual meeting needs the platform named (for example Zoom)")
        return self


class StandingRole(Model):
    """A task area the pair always gives to the same member, e.g. handouts -> TC."""

    area: Title
    member_id: str


class ReleaseStage(Model):
    """One stretch of the gradual-release plan (a quarter, or a week for short placements)."""

    label: Title
    start: date
    end: date
    leader: Literal["CT", "TC", "shared"] = "CT"
    tc_share_min: int = Field(0, ge=0, le=100)
    tc_share_max: int = Field(100, ge=0, le=100)
    approaches: list[Approach] = []
    guidance: Text = ""
    """What the stage asks of the pair in words (CP I: the CT thinks aloud...), shown with the advice."""

    @model_validator(mode="after")
    def _ordered(self) -> ReleaseStage:
        if self.end < self.start:
            raise ValueError(f"the stage ends ({self.end}) before it starts ({self.start})")
        if self.tc_share_max < self.tc_share_min:
            raise ValueError("the TC share's maximum is below its minimum")
        return self


class Resource(Model):
    """A shared material: in a plan, or on the partnership's shelf for reuse across plans."""

    label: Title
    location: Text = ""
    notes: Text = ""


class Partnership(Doc):
    name: Line = ""
    members: list[Member] = Field(min_length=2)
    context: Context = Context()
    phase: Phase | None = None
    placement_start: date | None = None
    placement_end: date | None = None
    level: Level = Level.COLLABORATION
    standing_roles: list[StandingRole] = []
    schedule: Schedule | None = None
    meeting: MeetingMode = MeetingMode()
    release_plan: list[ReleaseStage] = []
    library_part: Literal["aligns", "extra_hands"] = "aligns"
    """At coordination: the library's part aligns with the class, or is an extra pair of hands."""
    aligns_with: Text = ""
    """The class topic or objective the library's part aligns with (coordination)."""
    shelf: list[Resource] = []
    """Resources both partners reuse across plans (seed 000: "sharing resources")."""
    lead_id: str | None = None
    """Coordination: the one member who leads (the others support), chosen in the form."""
    created_at: datetime | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Partnership:
        if self.placement_start and self.placement_end and self.placement_end < self.placement_start:
            raise ValueError(
                f"the placement ends ({self.placement_end}) before it starts ({self.placement_start})"
            )
        ids = [m.id for m in self.members]
        if len(set(ids)) != len(ids):
            raise ValueError("two members share one id")
        if self.lead_id is not None and self.lead_id not in ids:
            raise ValueError("the named lead is not a member of this partnership")
        for role in self.standing_roles:
            if role.member_id not in ids:
                raise ValueError(f"the standing role {role.area!r} is given to someone who is not a member")
        return self

    @property
    def display_name(self) -> str:
        if self.name:
            return self.name
        return " & ".join(m.name for m in self.members)

    def member(self, member_id: str) -> Member | None:
        return next((m for m in self.members if m.id == member_id), None)

    def member_with_role(self, role: Role) -> Member | None:
        return next((m for m in self.members if m.role == role), None)

    def owner_label(self, owner: str) -> str:
        """A short tag for a to-do owner: the role (CT/TC) or the first name."""
        if owner == BOTH:
            return "both"
        member = self.member(owner)
        if member is None:
            return "?"
        same_role = [m for m in self.members if m.role == member.role]
        return member.role.short if len(same_role) == 1 else member.name.split()[0]

    def check_owner(self, owner: str) -> None:
        if owner != BOTH and self.member(owner) is None:
            names = ", ".join(m.name for m in self.members)
            raise ValueError(f"the owner must be a member of this partnership ({names}) or both")


# --- Session templates ------------------------------------------------------------


class TemplateStep(Model):
    title: Title
    minutes: Minutes
    prompts: list[Title] = []
    outputs: list[Title] = []
    approach: Approach | None = None
    planning: bool = False
    """A planning step opens the linked lesson plan beside it."""


class SessionTemplate(Doc):
    name: Title
    purpose: Text = ""
    steps: list[TemplateStep] = Field(min_length=1)
    builtin: bool = False

    @property
    def total_minutes(self) -> int:
        return sum(s.minutes for s in self.steps)


# --- Sessions ----------------------------------------------------------------------


class SessionStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    PAUSED = "paused"
    DONE = "done"


class Interval(Model):
    """A stretch of time the step's clock ran. ``end`` is None while it runs."""

    start: datetime
    end: datetime | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Interval:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"an interval ends ({self.end}) before it starts ({self.start})")
        return self


class Extension(Model):
    at: datetime
    minutes: int = Field(ge=-240, le=240)


class StepRun(Model):
    notes: Notes = ""
    started_at: datetime | None = None
    ended_at: datetime | None = None
    intervals: list[Interval] = []
    extensions: list[Extension] = []

    @model_validator(mode="after")
    def _ordered(self) -> StepRun:
        if self.started_at and self.ended_at and self.ended_at < self.started_at:
            raise ValueError(f"a step ends ({self.ended_at}) before it starts ({self.started_at})")
        return self


class Reflection(Model):
    """The end-of-session checklist: did we both ...? None means not answered yet."""

    shared_ideas: bool | None = None
    talked_equally: bool | None = None
    took_up_ideas: bool | None = None
    decided_together: bool | None = None
    notes: Notes = ""


REFLECTION_QUESTIONS: dict[str, str] = {
    "shared_ideas": "Did we both share ideas and justify our thinking?",
    "talked_equally": "Did we both talk about equally?",
    "took_up_ideas": "Did we both take up each other's ideas?",
    "decided_together": "Did we decide together and resolve disagreements together?",
}


class Session(Doc):
    partnership_id: str
    template: SessionTemplate
    leader_id: str | None = None
    day: date
    status: SessionStatus = SessionStatus.PLANNED
    steps: list[StepRun] = []
    current_step: int = Field(0, ge=0)
    plan_id: str | None = None
    reflection: Reflection = Reflection()
    tc_included: bool = False
    """CP I: the CT included the TC in planning a targeted lesson in this session."""
    created_at: datetime | None = None
    finished_at: datetime | None = None
    last_activity: datetime | None = None
    """The last change anyone made in the session: a session left running is paused there."""
    notes_state: str = ""
    """Every step's notes as one encoded Yjs document (``domain.shared_notes``): what two
    windows typed at once merges character by character. ``steps[i].notes`` is its plain copy."""

    @model_validator(mode="after")
    def _steps_match(self) -> Session:
        if self.steps and len(self.steps) != len(self.template.steps):
            raise ValueError("a session has one run per template step")
        if self.current_step >= max(1, len(self.template.steps)):
            raise ValueError("the current step is past the last step")
        return self


# --- To-dos ------------------------------------------------------------------------


class TodoStatus(StrEnum):
    OPEN = "open"
    DONE = "done"


class Todo(Doc):
    title: Title
    partnership_id: str
    owner: str = BOTH
    feedback_by: date | None = None
    due: date | None = None
    status: TodoStatus = TodoStatus.OPEN
    notes: Text = ""
    session_id: str | None = None
    plan_id: str | None = None
    item_id: str | None = None
    """The plan item this to-do is about (a draft sent for feedback)."""
    created_at: datetime
    updated_at: datetime
    done_at: datetime | None = None

    @field_validator("feedback_by", "due", mode="before")
    @classmethod
    def _date_only(cls, value: object) -> object:
        if isinstance(value, datetime):
            raise ValueError("a deadline is a date (YYYY-MM-DD), not a date and time")
        if isinstance(value, str) and value.strip() == "":
            return None
        return value

    @property
    def is_open(self) -> bool:
        return self.status == TodoStatus.OPEN

    def next_deadline(self, today: date) -> tuple[str, date] | None:
        """The deadline that matters now: the first one not yet passed, else the last one.

        Returns ("feedback" | "due", date), or None without deadlines.
        """
        dated = [(d, kind) for kind, d in (("feedback", self.feedback_by), ("due", self.due)) if d is not None]
        if not dated:
            return None
        ahead = sorted(x for x in dated if x[0] >= today)
        d, kind = ahead[0] if ahead else max(dated)
        return kind, d

    def sort_key(self, today: date) -> tuple:
        """Overdue first, then by the deadline that matters now; undated last."""
        nxt = self.next_deadline(today)
        return (nxt is None, nxt[1] if nxt else date.max, self.title.lower())

    def is_overdue(self, today: date) -> bool:
        """Open, and every deadline it has is in the past."""
        nxt = self.next_deadline(today)
        return self.is_open and nxt is not None and nxt[1] < today


# --- Lesson plans ------------------------------------------------------------------


class Objective(Model):
    id: str = Field(default_factory=new_id, min_length=8)
    text: Title


class Assessment(Model):
    id: str = Field(default_factory=new_id, min_length=8)
    text: Title
    kind: Literal["formative", "summative"] = "formative"
    objective_ids: list[str] = []
    designed_by: str = BOTH
    graded_by: str = BOTH


class Segment(Model):
    """A learning task: one segment of the lesson, taught with one coteaching approach."""

    id: str = Field(default_factory=new_id, min_length=8)
    phase: Text = ""
    title: Title
    minutes: Minutes = 10
    objective_ids: list[str] = []
    assessment_ids: list[str] = []
    approach: Approach | None = None
    roles: dict[str, Text] = {}
    """member id -> what that educator does in this segment."""
    grouping: Text = ""
    differentiation: Text = ""
    lesson_id: str | None = None
    """In a unit: the lesson this segment belongs to (None: the unit as a whole)."""


class Lesson(Model):
    """One lesson of a unit: its day and length; its segments name it by ``lesson_id``.

    The unit's objectives and assessments serve every lesson (seed 002: design the unit).
    """

    id: str = Field(default_factory=new_id, min_length=8)
    title: Title
    day: date | None = None
    length_minutes: int | None = Field(None, ge=1, le=10_000)


class Comment(Model):
    """A partner's remark on the plan (``item_id`` None) or on one of its items."""

    id: str = Field(default_factory=new_id, min_length=8)
    item_id: str | None = None
    author: str
    """A member id."""
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=10_000)]
    at: datetime
    resolved: bool = False


class PlanStatus(StrEnum):
    DRAFT = "draft"
    READY = "ready"
    TAUGHT = "taught"


class LessonPlan(Doc):
    partnership_id: str
    title: Title
    kind: Literal["lesson", "unit"] = "lesson"
    start: date | None = None
    end: date | None = None
    standards: list[Title] = []
    status: PlanStatus = PlanStatus.DRAFT
    length_minutes: int | None = Field(None, ge=1, le=10_000)
    objectives: list[Objective] = []
    assessments: list[Assessment] = []
    segments: list[Segment] = []
    differentiation: Text = ""
    resources: list[Resource] = []
    outcomes: Text = ""
    """After teaching: how students did against the objectives, and the pair's analysis."""
    comments: list[Comment] = []
    lessons: list[Lesson] = []
    tc_included: bool = False
    """CP I: the CT included the TC in planning this (targeted) lesson."""
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @model_validator(mode="after")
    def _links_resolve(self) -> LessonPlan:
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"the plan ends ({self.end}) before it starts ({self.start})")
        objective_ids = {o.id for o in self.objectives}
        assessment_ids = {a.id for a in self.assessments}
        for a in self.assessments:
            if not set(a.objective_ids) <= objective_ids:
                raise ValueError(f"the assessment {a.text!r} links to an objective that does not exist")
        for s in self.segments:
            if not set(s.objective_ids) <= objective_ids:
                raise ValueError(f"the segment {s.title!r} links to an objective that does not exist")
            if not set(s.assessment_ids) <= assessment_ids:
                raise ValueError(f"the segment {s.title!r} links to an assessment that does not exist")
        lesson_ids = {lesson.id for lesson in self.lessons}
        if self.lessons and self.kind != "unit":
            raise ValueError("only a unit has lessons: make the plan a unit, or remove its lessons")
        for s in self.segments:
            if s.lesson_id is not None and s.lesson_id not in lesson_ids:
                raise ValueError(f"the segment {s.title!r} belongs to a lesson that does not exist")
        items = objective_ids | assessment_ids | {s.id for s in self.segments} | lesson_ids
        for c in self.comments:
            if c.item_id is not None and c.item_id not in items:
                raise ValueError("a comment is on an item that does not exist")
        return self


# --- Resource requests (cooperation) ---------------------------------------------------


class ResourceRequest(Doc):
    """At cooperation the teacher asks and the librarian provides (seed 002): no coplanning.

    Open until ``provided_at`` is set.
    """

    partnership_id: str
    what: Title
    """What the teacher asked for."""
    for_lesson: Text = ""
    """Which lesson or date it is for."""
    needed_by: date | None = None
    requested_by: str = BOTH
    provided: Text = ""
    """What the librarian provided."""
    provided_at: date | None = None
    created_at: datetime

    @property
    def is_open(self) -> bool:
        return self.provided_at is None

    @property
    def status(self) -> str:
        return "open" if self.is_open else "provided"
