"""User, membership, alias and follow-up settings writes go through services that ask the policy
and leave an audit record (issue 10, defect 8: they used to be written in views)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from apps.accounts import services
from apps.accounts.models import Membership, User
from apps.audit.models import AuditEntry
from apps.orgs import services as org_services
from apps.orgs.models import Alias
from apps.tracking import services as tracking_services
from apps.tracking.models import TrackingSettings


def test_create_user_with_role_is_audited_and_scoped(world):
    person = User(username="moi", full_name="Người Mới")
    person.set_password("mat-khau-du-dai-2025")
    membership = Membership(org_unit=world.a1, role="viewer")
    services.create_user(world.admin_a1, person, membership)
    assert Membership.objects.filter(user__username="moi", org_unit=world.a1).exists()
    assert AuditEntry.objects.filter(
        model="accounts.membership", action="create", actor=world.admin_a1
    ).exists()
    other = User(username="moi2")
    with pytest.raises(PermissionDenied):
        services.create_user(world.admin_a1, other, Membership(org_unit=world.a2, role="viewer"))
    assert not User.objects.filter(username="moi2").exists()


def test_an_agency_role_without_agency_is_refused_and_nothing_kept(world):
    person = User(username="thieu")
    with pytest.raises(ValidationError):
        services.create_user(world.admin_a1, person, Membership(org_unit=world.a1, role="staff"))
    assert not User.objects.filter(username="thieu").exists()


def test_commune_admin_cannot_touch_a_province_officer(world):
    Membership.objects.create(user=world.officer_a, org_unit=world.a1, role="viewer")
    world.officer_a.full_name = "Đổi tên"
    with pytest.raises(PermissionDenied):
        services.save_user(world.admin_a1, world.officer_a)
    membership = Membership.objects.get(user=world.officer_a, org_unit=world.a1)
    with pytest.raises(PermissionDenied):
        services.remove_membership(world.admin_a1, membership)
    assert Membership.objects.filter(pk=membership.pk).exists()
    services.remove_membership(world.admin_a, membership)
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert AuditEntry.objects.filter(
        model="accounts.membership", action="delete", actor=world.admin_a
    ).exists()


def test_duplicate_role_is_a_message(world):
    with pytest.raises(ValidationError, match="đã có vai trò"):
        services.add_membership(
            world.admin_a1, world.staff_a1, Membership(org_unit=world.a1, agency=world.kt_a1, role="staff")
        )


def test_alias_delete_asks_the_policy_and_is_audited(world):
    alias = org_services.add_alias(world.admin_a1, world.a1, "PKT", agency=world.kt_a1)
    with pytest.raises(PermissionDenied):
        org_services.delete_alias(world.officer_a1, alias)
    org_services.delete_alias(world.admin_a1, alias)
    assert not Alias.objects.exists()
    assert AuditEntry.objects.filter(model="orgs.alias", action="delete", actor=world.admin_a1).exists()


def test_tracking_settings_service(world):
    fields = {"remind_before": "5, 1", "overdue_every": 3, "escalate_head_after": 5,
              "escalate_leader_after": 10, "due_soon_days": 5}  # fmt: skip
    with pytest.raises(PermissionDenied):
        tracking_services.save_tracking_settings(world.staff_a1, world.a1, fields)
    tracking_services.save_tracking_settings(world.officer_a1, world.a1, fields)
    tracking_services.save_tracking_settings(world.officer_a1, world.a1, {**fields, "due_soon_days": 7})
    assert TrackingSettings.objects.get(org_unit=world.a1).due_soon_days == 7
    assert AuditEntry.objects.filter(model="tracking.trackingsettings", actor=world.officer_a1).count() == 2
