"""The indicator pages: drill-down, late dossiers and apology, exports, scoping."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from apps.audit.models import AuditEntry
from apps.dossiers.models import Dossier
from tests.apps.indicators.test_definitions import _file


@pytest.fixture
def data(world, catalogue, write_csv, run, settings):
    settings.CCHC_TODAY = "2025-11-25"
    run(_file(write_csv))
    return world


def test_dashboard_of_a_commune(data, login):
    page = login(data.officer_a1).get(f"/chi-so/?don-vi={data.a1.pk}&ky=2025-Q3").content.decode()
    assert "62,50%" in page and "5/8" in page  # on-time rate with its numbers
    assert "Lĩnh vực" in page and "Hộ tịch" in page  # drill-down to sectors
    assert "không áp dụng cấp xã" in page


def test_province_drills_into_communes_then_sectors_then_procedures(data, login, catalogue):
    client = login(data.officer_a)
    page = client.get(f"/chi-so/?don-vi={data.a.pk}&ky=2025-Q3").content.decode()
    assert f'href="?don-vi={data.a1.pk}&amp;ky=2025-Q3">xã An Một</a>' in page
    sector = client.get(
        f"/chi-so/?don-vi={data.a1.pk}&ky=2025-Q3&linh-vuc={catalogue['ct'].pk}"
    ).content.decode()
    assert "Chứng thực bản sao" in sector
    listing = client.get(
        f"/chi-so/ho-so/?don-vi={data.a1.pk}&ky=2025-Q3&linh-vuc={catalogue['ct'].pk}&thu-tuc={catalogue['copy'].pk}"
    ).content.decode()
    assert ">7</a>" in listing and ">8</a>" in listing and ">1</a>" not in listing


def test_other_units_are_not_shown(data, login):
    assert login(data.officer_b1).get(f"/chi-so/?don-vi={data.a1.pk}&ky=2025-Q3").status_code == 404
    assert login(data.officer_a1).get(f"/chi-so/?don-vi={data.a.pk}&ky=2025-Q3").status_code == 404
    assert login(data.officer_b1).get(f"/chi-so/ho-so/{Dossier.objects.first().pk}/").status_code == 404


def test_late_dossiers_without_apology_and_recording_one(data, login):
    client = login(data.officer_a1)
    page = client.get(f"/chi-so/tre-han/?don-vi={data.a1.pk}&ky=2025-Q3").content.decode()
    for late in ("2", "3", "5", "6"):  # 5: still open on 25/11, past its 15/10 appointment
        assert f">{late}</a>" in page
    assert ">1</a>" not in page and ">4</a>" not in page
    dossier = Dossier.objects.get(code="2")
    denied = login(data.viewer_a1).post(f"/chi-so/ho-so/{dossier.pk}/xin-loi/", {"sent_on": "03/07/2025"})
    assert denied.status_code == 403
    client = login(data.officer_a1)
    client.post(f"/chi-so/ho-so/{dossier.pk}/xin-loi/", {"sent_on": "03/07/2025", "note": "chờ xác minh"})
    dossier.refresh_from_db()
    assert dossier.apology_at is not None
    assert AuditEntry.objects.filter(object_id=str(dossier.pk), message__contains="phiếu xin lỗi").exists()
    page = client.get(f"/chi-so/tre-han/?don-vi={data.a1.pk}&ky=2025-Q3").content.decode()
    assert ">2</a>" not in page and ">3</a>" in page
    xlsx = client.get(f"/chi-so/tre-han/?don-vi={data.a1.pk}&ky=2025-Q3&xuat=xlsx").content
    codes = [r[0] for r in load_workbook(io.BytesIO(xlsx)).active.iter_rows(min_row=3, values_only=True)]
    assert sorted(codes) == ["3", "5", "6"]


def test_dashboard_export(data, login):
    xlsx = login(data.officer_a1).get(f"/chi-so/xuat.xlsx?don-vi={data.a1.pk}&ky=2025-Q3").content
    rows = {r[0]: r for r in load_workbook(io.BytesIO(xlsx)).active.iter_rows(min_row=5, values_only=True)}
    assert rows["2.1"][2:5] == (5, 8, 0.625) and rows["2.1"][6] == 12.5


def test_entering_a_figure_dossiers_cannot_give(data, login):
    client = login(data.officer_a1)
    client.post(f"/chi-so/nhap-so-lieu/?don-vi={data.a1.pk}&ky=2025-Q3",
                {"code": "dossier_sync_rate", "numerator": "8", "denominator": "10", "source": "Cổng DVCQG 05/10/2025"})  # fmt: skip
    page = client.get(f"/chi-so/?don-vi={data.a1.pk}&ky=2025-Q3").content.decode()
    assert "80,00%" in page and "Nhập tay: Cổng DVCQG 05/10/2025" in page
    assert "20,00%" in page  # online rate 25% x 80% synced
    denied = login(data.viewer_a1).post(f"/chi-so/nhap-so-lieu/?don-vi={data.a1.pk}&ky=2025-Q3",
                                        {"code": "dossier_sync_rate", "value": "90", "source": "x"})  # fmt: skip
    assert denied.status_code == 403
    assert "90,00%" not in client.get(f"/chi-so/?don-vi={data.a1.pk}&ky=2025-Q3").content.decode()


def test_dashboard_queries_do_not_grow_with_units(data, login, django_assert_max_num_queries):
    client = login(data.officer_a)
    with django_assert_max_num_queries(40):
        client.get(f"/chi-so/?don-vi={data.a.pk}&ky=2025-Y")
