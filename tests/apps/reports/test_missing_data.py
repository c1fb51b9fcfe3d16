"""A period with no data, a unit with no plan, a plan with no reports: the report still generates
and says plainly what is missing."""

from __future__ import annotations

import io
from datetime import date

from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from apps.reports import services
from apps.reports.selectors import period_for
from tests.apps.tracking.conftest import active_plan, make_task, milestone


def _docx_text(client, report) -> str:
    doc = Document(io.BytesIO(client.get(reverse("reports:download", args=[report.pk, "docx"])).getvalue()))
    return "\n".join(p.text for p in doc.paragraphs)


def test_unit_with_no_plan(world, login):
    client = login(world.officer_a1)
    page = client.get(reverse("reports:report", args=[world.a1.pk, "2025-Q3"])).content.decode()
    assert "chưa có kế hoạch CCHC đang thực hiện" in page
    report = services.open_report(world.officer_a1, world.a1, period_for(world.a1, "2025-Q3"))
    assert "Lưu ý về số liệu: Đơn vị chưa có kế hoạch CCHC" in _docx_text(client, report)
    r = client.get(reverse("reports:download", args=[report.pk, "xlsx"]))
    assert r.status_code == 200 and load_workbook(io.BytesIO(r.getvalue()))["Nhiệm vụ"].max_row == 5


def test_plan_whose_tasks_have_no_reports(world, login):
    plan = active_plan(world.a1, "Kế hoạch 2025")
    for no in ("1", "2"):
        milestone(make_task(plan, no, world.kt_a1), date(2025, 12, 31))
    client = login(world.officer_a1)
    report = services.open_report(world.officer_a1, world.a1, period_for(world.a1, "2025-Q3"))
    text = _docx_text(client, report)
    assert "Chưa có cơ quan nào gửi báo cáo tiến độ cho 2 nhiệm vụ" in text
    assert "chưa có báo cáo 2" in text


def test_period_with_no_data_yet(world, q3, login):
    client = login(world.officer_a1)
    r = client.get(reverse("reports:report", args=[world.a1.pk, "2026-Q1"]))
    assert r.status_code == 200  # the window 15/12/2025-14/3/2026 still touches the 2025 plan
    assert "Chưa nhập số liệu chỉ số nào cho kỳ Quý I/2026" in r.content.decode()
    r = client.get(reverse("reports:report", args=[world.a1.pk, "2027-Y"]))
    assert "chưa có kế hoạch CCHC đang thực hiện" in r.content.decode()


def test_bad_period_code_is_404(world, login):
    assert (
        login(world.officer_a1).get(reverse("reports:report", args=[world.a1.pk, "2025-Q9"])).status_code
        == 404
    )
