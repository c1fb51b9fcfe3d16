"""Organisation pages: scoping (404 and hidden), admin edits, Vietnamese refusals."""

from django.urls import reverse

from apps.orgs.models import Agency, OrgUnit


def test_unit_list_hides_units_outside_scope(world, login):
    body = login(world.officer_a1).get(reverse("orgs:unit_list")).content.decode()
    assert "xã An Một" in body
    assert "xã An Hai" not in body
    assert "tỉnh Bình" not in body


def test_province_officer_lists_its_communes(world, login):
    body = login(world.officer_a).get(reverse("orgs:unit_list")).content.decode()
    assert "xã An Một" in body and "xã An Hai" in body and "xã Bình Một" not in body


def test_other_commune_detail_is_404(world, login):
    client = login(world.officer_a1)
    assert client.get(reverse("orgs:unit_detail", args=[world.a2.pk])).status_code == 404
    assert client.get(reverse("orgs:unit_detail", args=[world.a1.pk])).status_code == 200


def test_anonymous_is_sent_to_login(client, world):
    response = client.get(reverse("orgs:unit_list"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_non_admin_cannot_add_agency(world, login):
    client = login(world.officer_a1)
    url = reverse("orgs:agency_create", args=[world.a1.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"name": "Phòng Mới", "kind": "phong", "is_active": "on"}).status_code == 403
    assert not Agency.objects.filter(name="Phòng Mới").exists()


def test_admin_adds_agency_in_scope(world, login):
    client = login(world.admin_a1)
    response = client.post(
        reverse("orgs:agency_create", args=[world.a1.pk]),
        {"name": "Ban Chỉ huy Quân sự xã", "kind": "quan_su", "is_active": "on"},
    )
    assert response.status_code == 302
    assert Agency.objects.filter(org_unit=world.a1, name="Ban Chỉ huy Quân sự xã").exists()


def test_admin_of_commune_cannot_add_agency_to_other_commune(world, login):
    response = login(world.admin_a1).post(
        reverse("orgs:agency_create", args=[world.a2.pk]), {"name": "X", "kind": "phong"}
    )
    assert response.status_code == 404
    assert not Agency.objects.filter(name="X").exists()


def test_duplicate_agency_refused_in_vietnamese_nothing_saved(world, login):
    before = Agency.objects.count()
    response = login(world.admin_a1).post(
        reverse("orgs:agency_create", args=[world.a1.pk]),
        {"name": "phòng kinh tế", "kind": "phong", "is_active": "on"},
    )
    assert response.status_code == 200
    assert "đã có cơ quan tên" in response.content.decode()
    assert Agency.objects.count() == before


def test_cycle_in_org_tree_refused(world, login):
    district = OrgUnit.objects.create(name="huyện An", level="district", parent=world.a)
    response = login(world.root).post(
        reverse("orgs:unit_edit", args=[world.a.pk]),
        {"name": "tỉnh An", "level": "province", "parent": district.pk},
    )
    assert response.status_code == 200
    assert "cấp trên" in response.content.decode()
    world.a.refresh_from_db()
    assert world.a.parent_id is None


def test_agency_name_is_escaped(world, login):
    Agency.objects.create(org_unit=world.a1, name="<script>alert(1)</script>", kind="khac")
    body = login(world.officer_a1).get(reverse("orgs:unit_detail", args=[world.a1.pk])).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_alias_added_and_conflict_refused(world, login):
    client = login(world.admin_a1)
    url = reverse("orgs:alias_add", args=[world.a1.pk, "agency", world.kt_a1.pk])
    client.post(url, {"text": "Phòng KT"})
    assert world.kt_a1.aliases.filter(text="Phòng KT").exists()
    url2 = reverse("orgs:alias_add", args=[world.a1.pk, "agency", world.vhxh_a1.pk])
    response = client.post(url2, {"text": "phòng kt"}, follow=True)
    assert "đã được dùng cho" in response.content.decode()
    assert not world.vhxh_a1.aliases.exists()


def test_merge_records_dates_and_successor(world, login):
    new = OrgUnit.objects.create(name="xã An Mới", level="commune", parent=world.a)
    response = login(world.admin_a).post(
        reverse("orgs:unit_merge", args=[new.pk]),
        {
            "predecessors": [world.a1.pk, world.a2.pk],
            "effective_date": "01/07/2025",
            "note": "NQ 1686/NQ-UBTVQH15",
        },
    )
    assert response.status_code == 302
    world.a1.refresh_from_db()
    assert world.a1.successor == new and world.a1.valid_to.isoformat() == "2025-06-30"
    assert new.changes_in.get().predecessors.count() == 2
