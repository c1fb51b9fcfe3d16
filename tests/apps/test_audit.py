"""The audit trail records who changed what, and shows it only to those allowed."""

from django.urls import reverse

from apps.audit.context import acting_as
from apps.audit.models import AuditEntry
from apps.orgs.models import Agency


def test_edit_through_ui_records_before_and_after(world, login):
    client = login(world.admin_a1)
    client.post(
        reverse("orgs:agency_edit", args=[world.a1.pk, world.kt_a1.pk]),
        {"name": "Phòng Kinh tế xã", "kind": "phong", "is_active": "on"},
    )
    entry = AuditEntry.objects.get(model="orgs.agency", object_id=str(world.kt_a1.pk), action="update")
    assert entry.actor == world.admin_a1
    assert entry.changes["name"] == ["Phòng Kinh tế", "Phòng Kinh tế xã"]
    assert entry.org_unit == world.a1


def test_create_and_delete_are_recorded(world):
    with acting_as(world.admin_a1):
        agency = Agency.objects.create(org_unit=world.a1, name="Ban Tạm", kind="khac")
        agency_id = agency.pk
        agency.delete()
    actions = list(
        AuditEntry.objects.filter(object_id=str(agency_id), model="orgs.agency").values_list(
            "action", flat=True
        )
    )
    assert sorted(actions) == ["create", "delete"]


def test_changes_without_an_actor_are_not_attributed(world):
    Agency.objects.create(org_unit=world.a1, name="Ban Hệ thống", kind="khac")
    assert not AuditEntry.objects.filter(object_repr="Ban Hệ thống").exists()


def test_officer_browses_own_unit_only(world, login):
    with acting_as(world.admin_a):
        Agency.objects.create(org_unit=world.a1, name="Ban Một", kind="khac")
        Agency.objects.create(org_unit=world.a2, name="Ban Hai", kind="khac")
    body = login(world.officer_a1).get(reverse("audit:list")).content.decode()
    assert "Ban Một" in body and "Ban Hai" not in body


def test_filters_by_object_user_and_date(world, login):
    with acting_as(world.admin_a):
        Agency.objects.create(org_unit=world.a1, name="Ban Lọc", kind="khac")
    client = login(world.admin_a)
    assert "Ban Lọc" in client.get(reverse("audit:list"), {"actor": "admin a"}).content.decode()
    assert "Ban Lọc" not in client.get(reverse("audit:list"), {"actor": "không có ai"}).content.decode()
    assert "Ban Lọc" not in client.get(reverse("audit:list"), {"from": "01/01/2099"}).content.decode()
    assert "Ban Lọc" in client.get(reverse("audit:list"), {"model": "orgs.agency"}).content.decode()


def test_staff_and_viewers_cannot_browse(world, login):
    assert login(world.staff_a1).get(reverse("audit:list")).status_code == 403
    assert login(world.viewer_a1).get(reverse("audit:list")).status_code == 403
