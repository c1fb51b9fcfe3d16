"""A tiny named world for app tests, in the healthchecks style.

Province A (tỉnh An) with communes A1 and A2; province B with commune B1. One user per role:
- root: system superuser
- admin_a: admin of province A;         admin_a1: admin of commune A1
- officer_a: CCHC officer of province A (Sở Nội vụ A); officer_a1: officer of commune A1 (Phòng VHXH A1)
- head_a1: head of Phòng Kinh tế A1;    staff_a1: staff of Phòng Kinh tế A1
- staff_a1_hcc: staff of Trung tâm HCC A1
- leader_a1: Chủ tịch UBND A1;          viewer_a1: viewer of A1
- appraiser_a: appraiser at Sở Nội vụ A
- officer_b1: officer of commune B1
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from apps.accounts.models import Membership, User
from apps.orgs.models import Agency, OrgUnit

PASSWORD = "mat-khau-thu-nghiem-1"


def _user(
    username: str, unit: OrgUnit | None = None, role: str | None = None, agency: Agency | None = None, **extra
) -> User:
    user = User.objects.create_user(
        username=username, password=PASSWORD, full_name=username.replace("_", " ").title(), **extra
    )
    if role:
        Membership.objects.create(user=user, org_unit=unit or agency.org_unit, agency=agency, role=role)
    return user


@pytest.fixture
def world(db):
    w = SimpleNamespace()
    w.a = OrgUnit.objects.create(name="tỉnh An", level="province")
    w.a1 = OrgUnit.objects.create(name="xã An Một", level="commune", parent=w.a)
    w.a2 = OrgUnit.objects.create(name="xã An Hai", level="commune", parent=w.a)
    w.b = OrgUnit.objects.create(name="tỉnh Bình", level="province")
    w.b1 = OrgUnit.objects.create(name="xã Bình Một", level="commune", parent=w.b)
    w.snv_a = Agency.objects.create(org_unit=w.a, name="Sở Nội vụ", kind="so")
    w.vhxh_a1 = Agency.objects.create(org_unit=w.a1, name="Phòng Văn hóa - Xã hội", kind="phong")
    w.kt_a1 = Agency.objects.create(org_unit=w.a1, name="Phòng Kinh tế", kind="phong")
    w.hcc_a1 = Agency.objects.create(
        org_unit=w.a1, name="Trung tâm Phục vụ hành chính công", kind="trung_tam"
    )
    w.kt_a2 = Agency.objects.create(org_unit=w.a2, name="Phòng Kinh tế", kind="phong")
    w.vhxh_b1 = Agency.objects.create(org_unit=w.b1, name="Phòng Văn hóa - Xã hội", kind="phong")
    w.root = _user("root", is_superuser=True, is_staff=True)
    w.admin_a = _user("admin_a", w.a, "admin")
    w.admin_a1 = _user("admin_a1", w.a1, "admin")
    w.officer_a = _user("officer_a", w.a, "officer", w.snv_a)
    w.officer_a1 = _user("officer_a1", w.a1, "officer", w.vhxh_a1)
    w.head_a1 = _user("head_a1", w.a1, "head", w.kt_a1)
    w.staff_a1 = _user("staff_a1", w.a1, "staff", w.kt_a1)
    w.staff_a1_hcc = _user("staff_a1_hcc", w.a1, "staff", w.hcc_a1)
    w.leader_a1 = _user("leader_a1", w.a1, "leader")
    w.viewer_a1 = _user("viewer_a1", w.a1, "viewer")
    w.appraiser_a = _user("appraiser_a", w.a, "appraiser", w.snv_a)
    w.officer_b1 = _user("officer_b1", w.b1, "officer", w.vhxh_b1)
    w.nobody = _user("nobody")
    return w


@pytest.fixture
def login(client):
    """Log a world user in on the test client: ``login(world.officer_a1)``."""

    def _login(user):
        client.force_login(user)
        return client

    return _login
