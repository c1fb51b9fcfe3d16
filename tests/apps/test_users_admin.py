"""Admins manage people within their scope; never beyond it."""

from django.urls import reverse

from apps.accounts.models import Membership, User


def _new_user(unit, agency=None, role="staff"):
    return {
        "u-username": "moi",
        "u-full_name": "Người Mới",
        "u-email": "",
        "u-phone": "",
        "u-is_active": "on",
        "u-password": "Mat-khau-dai-2025",
        "m-org_unit": unit.pk,
        "m-agency": agency.pk if agency else "",
        "m-role": role,
    }


def test_commune_admin_creates_staff_in_own_commune(world, login):
    response = login(world.admin_a1).post(reverse("accounts:user_create"), _new_user(world.a1, world.kt_a1))
    assert response.status_code == 302
    person = User.objects.get(username="moi")
    assert person.memberships.get().agency == world.kt_a1
    assert person.check_password("Mat-khau-dai-2025")


def test_commune_admin_cannot_create_in_other_commune(world, login):
    response = login(world.admin_a1).post(reverse("accounts:user_create"), _new_user(world.a2, world.kt_a2))
    assert response.status_code == 200  # the other commune is not even a choice
    assert not User.objects.filter(username="moi").exists()


def test_agency_role_requires_agency(world, login):
    response = login(world.admin_a1).post(reverse("accounts:user_create"), _new_user(world.a1, None, "staff"))
    assert "cần chọn cơ quan" in response.content.decode()
    assert not User.objects.filter(username="moi").exists()


def test_user_list_scoped_and_hidden(world, login):
    body = login(world.admin_a1).get(reverse("accounts:user_list")).content.decode()
    assert "staff_a1" in body and "officer_b1" not in body and "officer_a<" not in body


def test_commune_admin_cannot_edit_province_officer_who_also_works_in_commune(world, login):
    Membership.objects.create(user=world.officer_a, org_unit=world.a1, role="viewer")
    client = login(world.admin_a1)
    assert client.get(reverse("accounts:user_detail", args=[world.officer_a.pk])).status_code == 403
    client.post(
        reverse("accounts:user_detail", args=[world.officer_a.pk]),
        {"u-username": "hacked", "u-password": "x"},
    )
    world.officer_a.refresh_from_db()
    assert world.officer_a.username == "officer_a"


def test_non_admin_cannot_manage_users(world, login):
    assert login(world.officer_a1).get(reverse("accounts:user_list")).status_code == 403


def test_membership_add_and_remove(world, login):
    client = login(world.admin_a1)
    client.post(
        reverse("accounts:membership_add", args=[world.staff_a1.pk]),
        {"m-org_unit": world.a1.pk, "m-agency": "", "m-role": "viewer"},
    )
    membership = world.staff_a1.memberships.get(role="viewer")
    client.post(reverse("accounts:membership_remove", args=[world.staff_a1.pk, membership.pk]))
    assert not world.staff_a1.memberships.filter(role="viewer").exists()
