"""A unit's officers set its reminder days; others cannot; bad values are refused in Vietnamese."""

from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.tracking.models import TrackingSettings


def _post(client, unit, **values):
    data = {
        "remind_before": "5, 1",
        "overdue_every": 3,
        "escalate_head_after": 5,
        "escalate_leader_after": 10,
        "due_soon_days": 5,
    }
    data.update(values)
    return client.post(reverse("tracking:settings", args=[unit.pk]), data)


def test_officer_saves_settings_and_it_is_audited(world, login):
    response = _post(login(world.officer_a1), world.a1, remind_before="1; 7, 3", overdue_every=2)
    assert response.status_code == 302
    s = TrackingSettings.objects.get(org_unit=world.a1)
    assert s.remind_before == "7, 3, 1" and s.overdue_every == 2
    assert AuditEntry.objects.filter(model="tracking.trackingsettings", actor=world.officer_a1).exists()


def test_bad_values_refused_nothing_saved(world, login):
    client = login(world.officer_a1)
    body = _post(client, world.a1, remind_before="năm ngày").content.decode()
    assert "cách nhau bởi dấu phẩy" in body
    body = _post(client, world.a1, escalate_leader_after=2).content.decode()
    assert "Báo lãnh đạo UBND phải sau" in body
    assert not TrackingSettings.objects.exists()


def test_staff_and_other_communes_denied(world, login):
    assert login(world.staff_a1).get(reverse("tracking:settings", args=[world.a1.pk])).status_code == 403
    assert login(world.officer_a1).get(reverse("tracking:settings", args=[world.a2.pk])).status_code == 404
    assert _post(login(world.officer_b1), world.a1).status_code == 404
    assert not TrackingSettings.objects.exists()


def test_unit_page_links_settings_only_for_allowed(world, login):
    url = reverse("tracking:settings", args=[world.a1.pk])
    assert (
        url in login(world.officer_a1).get(reverse("orgs:unit_detail", args=[world.a1.pk])).content.decode()
    )
    assert (
        url
        not in login(world.viewer_a1).get(reverse("orgs:unit_detail", args=[world.a1.pk])).content.decode()
    )
