"""The policy module: grants and, above all, denials."""

import pytest

from apps.accounts.policy import can, visible_units


def names(qs):
    return sorted(u.name for u in qs)


def test_province_user_sees_province_and_its_communes(world):
    assert names(visible_units(world.officer_a)) == ["tỉnh An", "xã An Hai", "xã An Một"]


def test_commune_user_sees_only_their_commune(world):
    assert names(visible_units(world.officer_a1)) == ["xã An Một"]
    assert names(visible_units(world.staff_a1)) == ["xã An Một"]


def test_user_without_membership_sees_nothing(world):
    assert names(visible_units(world.nobody)) == []


def test_superuser_sees_everything(world):
    assert len(visible_units(world.root)) == 5


@pytest.mark.parametrize(
    "who, unit, allowed",
    [
        ("admin_a", "a", True),
        ("admin_a", "a1", True),
        ("admin_a", "b1", False),
        ("admin_a1", "a1", True),
        ("admin_a1", "a2", False),
        ("admin_a1", "a", False),
        ("officer_a1", "a1", False),
        ("leader_a1", "a1", False),
        ("nobody", "a1", False),
    ],
)
def test_only_admins_manage_their_own_subtree(world, who, unit, allowed):
    assert can(getattr(world, who), "orgs.manage", getattr(world, unit)) is allowed


def test_only_superuser_creates_a_province(world):
    assert can(world.root, "orgs.create_top")
    assert not can(world.admin_a, "orgs.create_top")


def test_only_the_head_approves_their_agency(world):
    assert can(world.head_a1, "work.approve", world.kt_a1)
    assert not can(world.staff_a1, "work.approve", world.kt_a1)
    assert not can(world.head_a1, "work.approve", world.hcc_a1)


def test_appraiser_appraises_subordinates_not_own_unit(world):
    assert can(world.appraiser_a, "assessment.appraise", world.a1)
    assert not can(world.appraiser_a, "assessment.appraise", world.a)
    assert not can(world.appraiser_a, "assessment.appraise", world.b1)
    assert not can(world.officer_a, "assessment.appraise", world.a1)


def test_leader_signs_only_own_unit(world):
    assert can(world.leader_a1, "reports.sign", world.a1)
    assert not can(world.leader_a1, "reports.sign", world.a2)
    assert not can(world.officer_a1, "reports.sign", world.a1)


def test_inactive_user_may_do_nothing(world):
    world.admin_a.is_active = False
    world.admin_a.save()
    assert not can(world.admin_a, "orgs.manage", world.a1)


def test_unknown_action_is_a_bug_not_a_silent_denial(world):
    with pytest.raises(KeyError):
        can(world.admin_a, "orgs.fly", world.a1)
