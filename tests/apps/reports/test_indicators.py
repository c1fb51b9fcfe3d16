"""Indicator values entered by hand with their source, shown against targets with the trend."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from apps.reports import services
from apps.reports.gather import unit_facts
from apps.reports.models import Indicator, IndicatorValue
from apps.reports.selectors import period_for


def test_seeded_indicator_codes(db):
    codes = set(Indicator.objects.values_list("code", flat=True))
    assert {"on_time_rate", "online_dossier_rate", "task_completion_rate", "other"} <= codes


def test_officer_enters_a_value_and_sees_it_against_the_target(world, q3, login):
    client = login(world.officer_a1)
    url = reverse("reports:indicators", args=[world.a1.pk])
    on_time = Indicator.objects.get(code="on_time_rate")
    r = client.post(
        url, {"ky": "2025-Q1", "indicator": on_time.pk, "value": "91,5", "source": "Hệ thống TTHC tỉnh"}
    )
    assert r.status_code == 302
    client.post(
        url,
        {
            "ky": "2025-Q3",
            "indicator": on_time.pk,
            "value": "96",
            "source": "Hệ thống TTHC tỉnh",
            "evidence_note": "Biểu thống kê tháng 9",
        },
    )
    value = IndicatorValue.objects.get(period_code="2025-Q3")
    assert value.entered_by == world.officer_a1 and str(value.value) == "96.00"
    page = client.get(url + "?ky=2025-Q3").content.decode()
    assert "Đạt" in page and "Chưa có số liệu" in page  # on_time met; online dossiers not entered
    assert "<svg" in page and "Quý I/2025" in page and "Quý III/2025" in page  # the trend
    facts = unit_facts([world.a1], period_for(world.a1, "2025-Q3"))[world.a1.pk]
    by_code = {f.code: f for f in facts.indicators}
    assert by_code["on_time_rate"].verdict == "met" and by_code["on_time_rate"].trend == [
        ("Quý I/2025", 91.5),
        ("Quý III/2025", 96.0),
    ]
    assert by_code["online_dossier_rate"].verdict == "no_data"


@pytest.mark.parametrize(
    ("value", "source", "message"),
    [
        ("abc", "Nguồn", "phải là một số"),
        ("120", "Nguồn", "từ 0 đến 100"),
        ("-1", "Nguồn", "từ 0 đến 100"),
        ("90", "  ", "nguồn số liệu"),
    ],
)
def test_bad_values_are_refused(world, q3, value, source, message):
    with pytest.raises(ValidationError, match=message):
        services.set_indicator_value(
            world.officer_a1,
            world.a1,
            Indicator.objects.get(code="on_time_rate"),
            period_for(world.a1, "2025-Q3"),
            value,
            source,
        )


def test_only_the_units_officer_enters_values(world, q3, login):
    on_time = Indicator.objects.get(code="on_time_rate")
    data = {"ky": "2025-Q3", "indicator": on_time.pk, "value": "90", "source": "x"}
    assert (
        login(world.staff_a1).post(reverse("reports:indicators", args=[world.a1.pk]), data).status_code == 403
    )
    assert (
        login(world.officer_a).post(reverse("reports:indicators", args=[world.a1.pk]), data).status_code
        == 403
    )
    assert login(world.officer_b1).get(reverse("reports:indicators", args=[world.a1.pk])).status_code == 404
    assert login(world.officer_a).get(reverse("reports:indicators", args=[world.a1.pk])).status_code == 200
    assert not IndicatorValue.objects.exists()
