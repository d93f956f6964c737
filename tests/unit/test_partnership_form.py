"""The partnership form's rules: every field checked, nothing half-valid comes out."""

from __future__ import annotations

from datetime import date, time

import pytest

from coplan_tui.domain.catalogue import Level, Phase, Role
from coplan_tui.domain.dates import parse_time
from coplan_tui.domain.partnership_form import BLANK, FormErrors, build, fields_of

TODAY = date(2026, 11, 23)


def good(**changes) -> dict[str, str]:
    return {
        **BLANK, "m1_name": "Maria Alvarez", "m2_name": "Jordan Lee", "phase": "cp2",
        "start": "2026-09-07", "end": "2026-12-18", "weekday": "tue", "time": "15:30", **changes,
    }  # fmt: skip


def errors(**changes) -> dict[str, str]:
    with pytest.raises(FormErrors) as e:
        build(good(**changes), TODAY)
    return e.value.errors


def test_a_complete_form_builds_a_partnership():
    p = build(good(school="Lincoln MS", level="coordination", lead="m2", mode="virtual", platform="Zoom"), TODAY)
    assert [m.role for m in p.members] == [Role.CT, Role.TC]
    assert p.lead_id == p.members[1].id
    assert p.phase == Phase.CP2 and p.level == Level.COORDINATION
    assert p.schedule.start_time == time(15, 30) and p.meeting.platform == "Zoom"
    assert p.context.school == "Lincoln MS"


def test_each_bad_field_gets_its_own_message():
    e = errors(m1_name="  ", start="2026-13-40", time="25:00", minutes="0", mode="virtual")
    assert set(e) == {"m1_name", "start", "time", "minutes", "platform"}
    assert "not a date" in e["start"]
    assert "not a time" in e["time"]


def test_end_before_start_and_missing_dates():
    assert "before it starts" in errors(end="2026-09-01")["end"]
    assert "needs both placement dates" in errors(end="")["end"]
    assert "both placement dates, or neither" in errors(phase="", start="")["start"]


def test_a_clinical_phase_needs_a_ct_and_a_tc():
    assert "pairs a cooperating teacher" in errors(m2_role="librarian")["m2_role"]
    p = build(good(phase="", start="", end="", m1_role="librarian", m2_role="classroom_teacher"), TODAY)
    assert p.phase is None


def test_dates_as_teachers_type_them():
    p = build(good(start="today", end="+6w"), TODAY)
    assert p.placement_start == TODAY and (p.placement_end - TODAY).days == 42


def test_editing_keeps_ids_inventory_and_roles():
    first = build(good(), TODAY)
    ct = first.members[0].model_copy(update={"strengths": ["Bell work"]})
    first = first.model_copy(update={"members": [ct, first.members[1]]})
    again = build({**fields_of(first), "m1_name": "Maria A."}, TODAY, existing=first)
    assert again.id == first.id and again.members[0].id == ct.id
    assert again.members[0].strengths == ["Bell work"] and again.members[0].name == "Maria A."
    assert fields_of(again)["time"] == "15:30"


@pytest.mark.parametrize(("text", "expected"), [("15:30", time(15, 30)), ("1530", time(15, 30)), ("3:30pm", time(15, 30)), ("3pm", time(15)), ("12am", time(0))])
def test_parse_time(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize(("lead", "index"), [("m1", 0), ("m2", 1)])
def test_coordination_names_one_lead_and_the_form_gives_it_back(lead, index):
    p = build(good(level="coordination", lead=lead), TODAY)
    assert p.lead_id == p.members[index].id
    assert fields_of(p)["lead"] == lead


def test_coordination_without_a_lead_is_refused_and_other_levels_drop_it():
    assert "choose who leads" in errors(level="coordination", lead="")["lead"]
    assert build(good(level="collaboration", lead="m1"), TODAY).lead_id is None
    assert build(good(level="cooperation", lead="m2"), TODAY).lead_id is None


@pytest.mark.parametrize("field", ["m1_name", "m2_name", "name", "school", "subject", "grade", "platform"])
def test_a_field_too_long_is_an_error_at_that_field(field):
    """Issue 10, defect 7: a member name over 500 characters escaped as a traceback."""
    changes = {field: "x" * 10_001}
    if field == "platform":
        changes["mode"] = "virtual"
    e = errors(**changes)
    assert set(e) == {field} and "at most" in e[field]


def test_an_edited_member_name_is_checked_too():
    p = build(good(), TODAY)
    with pytest.raises(FormErrors) as e:
        build({**fields_of(p), "m2_name": "y" * 501}, TODAY, existing=p)
    assert set(e.value.errors) == {"m2_name"}


def test_editing_keeps_every_field_the_form_does_not_show():
    """The form rebuilt the partnership from its fields and dropped ``rev``: a save from the form
    then looked like an edit of revision 0 and was merged as a stale copy."""
    first = build(good(), TODAY)
    existing = first.model_copy(update={"rev": 7, "updated_by": "Jordan on laptop"})
    again = build(fields_of(existing), TODAY, existing)
    assert again.model_dump() == existing.model_dump()
