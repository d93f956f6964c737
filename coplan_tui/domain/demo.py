"""A realistic sample for `coplan demo`, built relative to a given day so it never goes stale."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from . import timebox
from .catalogue import Approach, Level, Phase, Role
from .models import (
    BOTH,
    Assessment,
    Context,
    LessonPlan,
    MeetingMode,
    Member,
    Objective,
    Partnership,
    Reflection,
    Resource,
    Schedule,
    Segment,
    Session,
    StandingRole,
    Todo,
    TodoStatus,
    Weekday,
)
from .templates import BIG_PICTURE, COORDINATION_CHECK_IN, FEEDBACK, LIBRARY_COLLABORATION, WEEKLY


def _at(day: date, hour: int, minute: int, tz) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=tz)


def _past_session(partnership: Partnership, template, leader: Member, start: datetime, notes: list[str], reflection: Reflection) -> Session:
    """A finished session whose steps ran roughly to time."""
    session = Session(partnership_id=partnership.id, template=template, leader_id=leader.id, day=start.date(), created_at=start)
    now = start
    session = timebox.start(session, now)
    for i, step in enumerate(template.steps):
        session = timebox.set_notes(session, i, notes[i] if i < len(notes) else "")
        now += timedelta(minutes=step.minutes + (1 if i % 3 == 0 else 0))
        session = timebox.go_to(session, i + 1, now) if i + 1 < len(template.steps) else timebox.finish(session, now)
    return session.model_copy(update={"reflection": reflection})


def _earlier_sessions(partnership: Partnership, ct: Member, tc: Member, today: date, tz) -> list[Session]:
    """Six earlier weeks of the science placement, so the release view shows a real shift."""
    weeks = [
        (56, BIG_PICTURE, ct, ["Unit: matter and its interactions. Maria thinks aloud through the unit map."]),
        (49, FEEDBACK, ct, ["Jordan's first lesson draft: strong hook, pacing too tight."]),
        (42, WEEKLY, ct, ["Lab routines worked; Jordan observed with a focus on transitions."]),
        (35, WEEKLY, tc, ["Jordan led for the first time: density lab planning."]),
        (28, FEEDBACK, ct, ["Feedback on Jordan's density lab handout: add a data table."]),
        (21, WEEKLY, ct, ["Station rotation for the states-of-matter review."]),
    ]
    return [
        _past_session(partnership, template, leader, _at(today - timedelta(days=days), 15, 30, tz), notes, Reflection())
        for days, template, leader, notes in weeks
    ]


def build_demo(today: date, now: datetime) -> list:
    """All demo documents, partnerships first so links resolve on save."""
    tz = now.tzinfo
    ct = Member(
        name="Maria Alvarez",
        role=Role.CT,
        strengths=["Classroom routines", "Bell-work activities", "Lab safety"],
        challenges=["Finding time for new tech tools"],
    )
    tc = Member(
        name="Jordan Lee",
        role=Role.TC,
        strengths=["Designing handouts", "Digital tools", "Small-group work"],
        challenges=["Pacing a full period", "Whole-class transitions"],
    )
    science = Partnership(
        name="Alvarez & Lee: 7th grade science",
        members=[ct, tc],
        context=Context(school="Lincoln Middle School", subject="Science", grade="7"),
        phase=Phase.CP2,
        placement_start=today - timedelta(days=63),
        placement_end=today + timedelta(days=49),
        level=Level.COLLABORATION,
        standing_roles=[StandingRole(area="Handouts", member_id=tc.id), StandingRole(area="Bell work", member_id=ct.id)],
        schedule=Schedule(weekday=Weekday.TUE, start_time=time(15, 30), minutes=60, big_picture_minutes=60, feedback_minutes=15),
        meeting=MeetingMode(mode="in_person"),
        created_at=now - timedelta(days=63),
    )
    librarian = Member(name="Sam Okafor", role=Role.LIBRARIAN, strengths=["Research databases", "Citation tools"])
    teacher = Member(name="Priya Nair", role=Role.CLASSROOM_TEACHER, strengths=["Writing workshop", "Rubrics"])
    library = Partnership(
        name="Okafor & Nair: research unit",
        members=[librarian, teacher],
        context=Context(school="Roosevelt High School", subject="English", grade="10"),
        level=Level.COLLABORATION,
        schedule=Schedule(weekday=Weekday.THU, start_time=time(12, 10), minutes=45, big_picture_minutes=45, feedback_minutes=15),
        meeting=MeetingMode(mode="virtual", platform="Zoom"),
        created_at=now - timedelta(days=30),
    )

    s1 = _past_session(
        science,
        WEEKLY,
        ct,
        _at(today - timedelta(days=14), 15, 30, tz),
        [
            "Density lab ran long; groups of four worked better than pairs.",
            "MS-PS1-2: properties of substances before and after a reaction.",
            "Station teaching for the lab; parallel for the review.",
            "Maria leads the hook; Jordan leads station 2.",
            "Exit ticket: two questions on evidence of a chemical reaction.",
            "Baking soda, vinegar, zip bags; goggles for all.",
            "Jordan drafts the exit ticket; Maria books the lab cart.",
        ],
        Reflection(shared_ideas=True, talked_equally=False, took_up_ideas=True, decided_together=True, notes="Maria talked most; Jordan to bring two ideas next week."),
    )
    s2 = _past_session(
        science,
        WEEKLY,
        tc,
        _at(today - timedelta(days=7), 15, 30, tz),
        [
            "Exit tickets showed confusion between physical and chemical change.",
            "Re-teach: evidence of chemical change; then energy in reactions.",
            "Alternative teaching: Jordan pre-teaches vocabulary to a small group.",
            "Jordan leads the whole lesson; Maria runs the small group on Thursday.",
            "Quick write plus a sorting card activity.",
            "Sorting cards (Jordan), hand warmers for the demo (Maria).",
            "Sorting cards by Friday for feedback.",
        ],
        Reflection(shared_ideas=True, talked_equally=True, took_up_ideas=True, decided_together=True),
    )
    s3 = _past_session(
        library,
        LIBRARY_COLLABORATION,
        librarian,
        _at(today - timedelta(days=9), 12, 10, tz),
        [
            "Students evaluate sources and write an annotated bibliography.",
            "Annotated bibliography rubric; Priya grades content, Sam grades citations.",
            "Station teaching on day 1 (databases / citation / evaluating); team teaching for the debate.",
            "Library booked for 3 days starting next week.",
        ],
        Reflection(shared_ideas=True, talked_equally=True, took_up_ideas=True, decided_together=True),
    )
    s4 = _past_session(
        library,
        COORDINATION_CHECK_IN,
        teacher,
        _at(today - timedelta(days=2), 12, 10, tz),
        ["Topic: evaluating online sources.", "Sam shows the CRAAP test in 10 minutes.", "Priya sends the class list."],
        Reflection(),
    )

    def todo(title: str, p: Partnership, owner: str, *, feedback: int | None = None, due: int | None = None, done: bool = False, session: Session | None = None, plan: LessonPlan | None = None, notes: str = "") -> Todo:
        created = (session.created_at if session else now - timedelta(days=3)) or now
        return Todo(
            title=title,
            partnership_id=p.id,
            owner=owner,
            feedback_by=today + timedelta(days=feedback) if feedback is not None else None,
            due=today + timedelta(days=due) if due is not None else None,
            status=TodoStatus.DONE if done else TodoStatus.OPEN,
            notes=notes,
            session_id=session.id if session else None,
            plan_id=plan.id if plan else None,
            created_at=created,
            updated_at=created,
            done_at=created + timedelta(days=2) if done else None,
        )

    o1 = Objective(text="Students will be able to trace the flow of energy through a food web.")
    o2 = Objective(text="Students will know the roles of producers, consumers and decomposers.")
    o3 = Objective(text="Students will be able to predict the effect of removing one species.")
    a1 = Assessment(text="Exit ticket: draw the energy arrows for a 5-species web", kind="formative", objective_ids=[o1.id], designed_by=tc.id, graded_by=tc.id)
    a2 = Assessment(text="Card sort: producer / consumer / decomposer", kind="formative", objective_ids=[o2.id], designed_by=ct.id, graded_by=BOTH)
    a3 = Assessment(text="Unit quiz, question 4: what if the wolves disappear?", kind="summative", objective_ids=[o3.id, o1.id], designed_by=BOTH, graded_by=ct.id)
    plan = LessonPlan(
        partnership_id=science.id,
        title="Energy flow in ecosystems",
        kind="lesson",
        start=today + timedelta(days=3),
        end=today + timedelta(days=3),
        standards=["MS-LS2-3: Develop a model to describe the cycling of matter and flow of energy"],
        length_minutes=50,
        objectives=[o1, o2, o3],
        assessments=[a1, a2, a3],
        segments=[
            Segment(phase="Hook", title="Bell work: what did you eat for lunch, and where did its energy come from?", minutes=5, objective_ids=[o2.id], approach=Approach.ONE_TEACH_ONE_OBSERVE, roles={ct.id: "Leads bell work", tc.id: "Records which students name the sun"}),
            Segment(phase="I do", title="Model a food web on the board", minutes=10, objective_ids=[o1.id], approach=Approach.TEAM, roles={ct.id: "Draws the web, asks questions", tc.id: "Adds arrows, voices a student misconception"}),
            Segment(phase="We do", title="Card sort in stations", minutes=20, objective_ids=[o2.id, o1.id], assessment_ids=[a2.id], approach=Approach.STATION, roles={ct.id: "Runs the decomposer station", tc.id: "Runs the producer station"}, grouping="Three stations, one independent", differentiation="Picture cards for ELL students"),
            Segment(phase="You do", title="Exit ticket", minutes=10, objective_ids=[o1.id], assessment_ids=[a1.id], approach=Approach.SUPPLEMENTAL, roles={ct.id: "Re-teaches arrows to a small group", tc.id: "Supports the whole class"}),
        ],
        differentiation="Sentence frames for explanations; extension: add an invasive species.",
        resources=[Resource(label="Food web cards", location="Shared drive / Science 7 / Ecosystems", notes="Print 8 sets"), Resource(label="Yellowstone wolves video", location="https://example.org/wolves", notes="4 minutes")],
        created_at=now - timedelta(days=7),
        updated_at=now - timedelta(days=1),
    )
    s2 = s2.model_copy(update={"plan_id": plan.id})

    todos = [
        todo("Draft the exit ticket for energy flow", science, tc.id, feedback=-1, due=2, session=s2, plan=plan),
        todo("Print 8 sets of food web cards", science, tc.id, due=2, session=s2, plan=plan, notes="Handouts are Jordan's standing role"),
        todo("Book the lab cart for Thursday", science, ct.id, due=-2, session=s1),
        todo("Bell-work slides for next week", science, ct.id, due=5),
        todo("Email parents about the field trip form", science, BOTH, feedback=4, due=9),
        todo("Sorting cards for physical vs chemical change", science, tc.id, feedback=-5, due=-3, done=True, session=s2),
        todo("Draft the density lab exit ticket", science, tc.id, due=-11, done=True, session=s1),
        todo("Book the library for 3 days", library, librarian.id, due=-6, done=True, session=s3),
        todo("Send the class list and groups", library, teacher.id, due=1, session=s4),
        todo("Citation mini-lesson slides", library, librarian.id, feedback=3, due=6, session=s3),
        todo("Annotated bibliography rubric: final version", library, teacher.id, feedback=2, due=4, session=s3),
        todo("Set up the database guest logins", library, librarian.id),
    ]
    return [science, library, plan, s1, s2, s3, s4, *todos, *_earlier_sessions(science, ct, tc, today, tz)]
