"""Standing roles: owners suggested from the inventory, and the default owner of a to-do."""

from __future__ import annotations

from coplan_tui.domain.catalogue import Role
from coplan_tui.domain.models import BOTH, Member, Partnership, StandingRole
from coplan_tui.domain.roles import default_owner, mentions, standing_roles_from, suggest_owner, suggest_roles


def pair(**roles) -> Partnership:
    ct = Member(name="Maria Alvarez", role=Role.CT, strengths=["Bell-work activities", "Lab safety"], challenges=["New tech tools"])
    tc = Member(name="Jordan Lee", role=Role.TC, strengths=["Designing handouts", "Digital tools"], challenges=["Whole-class transitions"])
    return Partnership(members=[ct, tc], **roles)


def test_strengths_suggest_the_owner_with_a_reason():
    p = pair()
    ct, tc = p.members
    handouts = suggest_owner(p, "Handouts")
    assert handouts.member_id == tc.id and "'Designing handouts'" in handouts.reason
    assert suggest_owner(p, "Bell work").member_id == ct.id
    # a strength on one side and a challenge on the other: still the strong one
    assert suggest_owner(p, "Technology").member_id == tc.id
    # only a challenge: the other member takes it
    routines = suggest_owner(p, "Classroom routines")
    assert routines.member_id == ct.id and "challenge" in routines.reason
    assert suggest_owner(p, "Parent communication").member_id is None


def test_both_strong_means_decide_together():
    p = pair()
    both = p.model_copy(update={"members": [m.model_copy(update={"strengths": ["Handouts"]}) for m in p.members]})
    assert suggest_owner(both, "Handouts").member_id is None


def test_suggest_roles_lists_the_common_areas_and_custom_ones_once():
    p = pair(standing_roles=[])
    areas = [s.area for s in suggest_roles(p, ["Lab cart", "handouts"])]
    assert areas[:2] == ["Handouts", "Bell work"]
    assert areas.count("Handouts") == 1 and areas[-1] == "Lab cart"


def test_default_owner_follows_the_standing_roles():
    p = pair()
    ct, tc = p.members
    p = p.model_copy(update={"standing_roles": [StandingRole(area="Handouts", member_id=tc.id), StandingRole(area="Bell work", member_id=ct.id)]})
    assert default_owner(p, "Print 8 sets of food web cards") == tc.id
    assert default_owner(p, "Worksheet for Friday") == tc.id
    assert default_owner(p, "Bell-work slides for next week") == ct.id
    assert default_owner(p, "Email parents") == BOTH
    assert default_owner(pair(), "Print the handout") == BOTH  # no standing roles yet


def test_custom_areas_match_their_own_words():
    p = pair()
    ct = p.members[0]
    p = p.model_copy(update={"standing_roles": [StandingRole(area="Lab cart", member_id=ct.id)]})
    assert default_owner(p, "Book the lab cart for Thursday") == ct.id
    assert mentions("Book the carts", "Lab cart")
    assert not mentions("Plan the unit", "Lab cart")


def test_standing_roles_from_drops_undecided_and_strangers():
    p = pair()
    ct, tc = p.members
    roles = standing_roles_from({"Handouts": tc.id, "Grading": None, "Slides": "someone-else"}, p)
    assert roles == [StandingRole(area="Handouts", member_id=tc.id)]
