"""The fixed vocabulary of coteaching: approaches, partnership levels, roles, phases.

Kept as enums with one-line descriptions so the UI, exports and validation share one source.
"""

from __future__ import annotations

from enum import StrEnum


class Approach(StrEnum):
    ONE_TEACH_ONE_OBSERVE = "one_teach_one_observe"
    ONE_TEACH_ONE_ASSIST = "one_teach_one_assist"
    STATION = "station"
    PARALLEL = "parallel"
    SUPPLEMENTAL = "supplemental"
    ALTERNATIVE = "alternative"
    TEAM = "team"

    @property
    def label(self) -> str:
        return APPROACH_INFO[self][0]

    @property
    def description(self) -> str:
        return APPROACH_INFO[self][1]


APPROACH_INFO: dict[Approach, tuple[str, str]] = {
    Approach.ONE_TEACH_ONE_OBSERVE: (
        "One teach, one observe",
        "One teaches; the other gathers observation data on a focus agreed in advance.",
    ),
    Approach.ONE_TEACH_ONE_ASSIST: (
        "One teach, one assist",
        "One teaches; the other circulates, helps and checks work. Use seldom: it hurts parity.",
    ),
    Approach.STATION: (
        "Station teaching",
        "Content is split into stations and groups rotate, often with an independent station.",
    ),
    Approach.PARALLEL: (
        "Parallel teaching",
        "Each teacher takes half the class with the same content, lowering the ratio.",
    ),
    Approach.SUPPLEMENTAL: (
        "Supplemental teaching",
        "One teaches at grade level; the other re-teaches or extends for a group.",
    ),
    Approach.ALTERNATIVE: (
        "Alternative (differentiated) teaching",
        "One pre-teaches or re-teaches a small group; the other teaches the large group.",
    ),
    Approach.TEAM: (
        "Team teaching",
        "Both teach together with no set division of authority; needs the most trust.",
    ),
}

# The typical release schedule for approaches across a placement (DOMAIN.md).
APPROACHES_EARLY = (Approach.ONE_TEACH_ONE_OBSERVE, Approach.ONE_TEACH_ONE_ASSIST)
APPROACHES_MIDDLE = (Approach.SUPPLEMENTAL, Approach.STATION)
APPROACHES_LATE = (Approach.PARALLEL, Approach.ALTERNATIVE, Approach.TEAM)


class Level(StrEnum):
    COOPERATION = "cooperation"
    COORDINATION = "coordination"
    COLLABORATION = "collaboration"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def description(self) -> str:
        return LEVEL_INFO[self]


LEVEL_INFO: dict[Level, str] = {
    Level.COOPERATION: "Informal and short-term; resources are provided, no coplanning.",
    Level.COORDINATION: "A shared mission with one person leading; a brief conversation is the coplanning.",
    Level.COLLABORATION: "Formal scheduled planning between equals; co-design, co-teach, co-assess.",
}


class Role(StrEnum):
    CT = "CT"
    TC = "TC"
    LIBRARIAN = "librarian"
    CLASSROOM_TEACHER = "classroom_teacher"
    CO_TEACHER = "co_teacher"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]

    @property
    def short(self) -> str:
        return ROLE_SHORT[self]


ROLE_LABELS = {
    Role.CT: "Cooperating teacher",
    Role.TC: "Teacher candidate",
    Role.LIBRARIAN: "School librarian",
    Role.CLASSROOM_TEACHER: "Classroom teacher",
    Role.CO_TEACHER: "Co-teacher",
}
ROLE_SHORT = {
    Role.CT: "CT",
    Role.TC: "TC",
    Role.LIBRARIAN: "LIB",
    Role.CLASSROOM_TEACHER: "CLS",
    Role.CO_TEACHER: "CO",
}


class Phase(StrEnum):
    CP1 = "cp1"
    CP2 = "cp2"
    CP3 = "cp3"

    @property
    def label(self) -> str:
        return {"cp1": "Clinical Practice I", "cp2": "Clinical Practice II", "cp3": "Clinical Practice III"}[
            self.value
        ]


# Which scheduled meetings are big-picture or feedback sessions (models.KindRule), in words.
RULE_CHOICES = {
    "big_picture": {
        "first_of_month": "the first meeting of each month",
        "last_of_month": "the last meeting of each month",
        "never": "never",
    },
    "feedback": {
        "after_big_picture": "the meeting after a big-picture one",
        "every_other": "every other remaining meeting (2nd and 4th of the month)",
        "never": "never",
    },
}
