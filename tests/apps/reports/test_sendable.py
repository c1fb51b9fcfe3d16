"""The report sent upward is sendable as is (issue 14, item 4): the real DOCX and XLSX, downloaded
from the report page and read back, say one consistent thing about each task."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from apps.plans.models import TaskAgency
from apps.reports import services
from apps.reports.selectors import period_for
from apps.tracking.models import ProgressReport
from core.reporting.xlsx_annex import HEADER_ROW
from tests.apps.tracking.conftest import make_task, milestone

IN_PROGRESS_TEXT = "Đang triển khai, dự kiến hoàn thành trong tháng tới."
LONG_NAME = (
    "Rà soát, đánh giá toàn bộ quy trình nội bộ giải quyết thủ tục hành chính thuộc thẩm quyền của "
    "Ủy ban nhân dân xã, đề xuất cắt giảm thời gian giải quyết và số hóa kết quả giải quyết thủ tục "
    "hành chính còn hiệu lực theo hướng dẫn của cấp trên"
)


def _report(milestone_obj, agency, text, progress, status, sent):
    ProgressReport.objects.create(
        milestone=milestone_obj, agency=agency, text=text, percent=60, progress=progress
    )
    milestone_obj.report_status, milestone_obj.submitted_on = status, sent
    milestone_obj.save()


@pytest.fixture
def report(world, q3):
    """q3 plus: a task whose latest accepted report says it is still under way (after an earlier
    one said done), a long-named task, and a task co-led by two agencies."""
    q3.t_running = make_task(q3.plan, "4", world.kt_a1, area="tthc")
    first = milestone(q3.t_running, date(2025, 6, 30), "Báo cáo quý II")
    second = milestone(q3.t_running, date(2025, 8, 31), "Báo cáo tháng 8")
    _report(first, world.kt_a1, "Đã ban hành kế hoạch triển khai.", "done", "accepted", date(2025, 6, 28))
    _report(second, world.kt_a1, IN_PROGRESS_TEXT, "in_progress", "accepted", date(2025, 8, 30))
    q3.t_long = make_task(q3.plan, "5", world.hcc_a1, area="tthc")
    q3.t_long.content = LONG_NAME
    q3.t_long.save()
    q3.m_long = milestone(q3.t_long, date(2025, 9, 30))
    TaskAgency.objects.create(
        task=q3.t_later, role="lead", position=1, printed=world.kt_a1.name, agency=world.kt_a1
    )
    return services.open_report(world.officer_a1, world.a1, period_for(world.a1, "2025-Q3"))


def _docx(client, report):
    return Document(io.BytesIO(client.get(reverse("reports:download", args=[report.pk, "docx"])).getvalue()))


def _xlsx(client, report):
    body = client.get(reverse("reports:download", args=[report.pk, "xlsx"])).getvalue()
    return load_workbook(io.BytesIO(body))


def _task_rows(doc):
    """(STT, Nhiệm vụ, Chủ trì, Tình trạng, Kết quả) of every task table of the document."""
    return [
        [c.text for c in row.cells]
        for t in doc.tables
        if t.rows[0].cells[1].text == "Nhiệm vụ"
        for row in t.rows[1:]
    ]


def test_state_and_result_come_from_the_same_report(world, report, login):
    client = login(world.officer_a1)
    rows = {r[0]: r for r in _task_rows(_docx(client, report))}
    state, result = rows["4"][3], rows["4"][4]
    assert state == "Đang thực hiện", state  # the latest accepted report is not "done"
    assert result.startswith(IN_PROGRESS_TEXT) and "Đã ban hành kế hoạch" not in result
    ws = _xlsx(client, report)["Nhiệm vụ"]
    row = next(
        r for r in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True) if r[2].startswith("Nhiệm vụ 4")
    )
    assert row[7] == "Đang thực hiện" and row[9] == IN_PROGRESS_TEXT


def test_overdue_task_shows_the_missed_deadline(world, q3, report, login):
    """t_late: due 31/07/2025, never reported; a later milestone due 31/12/2025 must not be the
    'nearest deadline' printed beside 'Quá hạn' (the annex is read as of the cut-off 14/09/2025)."""
    milestone(q3.t_late, date(2025, 12, 31), "Báo cáo cuối năm")
    ws = _xlsx(login(world.officer_a1), report)["Nhiệm vụ"]
    rows = {r[2]: r for r in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True)}
    late = rows["Nhiệm vụ 2 của kế hoạch"]
    assert late[7].startswith("Quá hạn") and late[6] == "31/07/2025"
    running = rows["Nhiệm vụ 4 của kế hoạch"]
    assert running[6] == "31/08/2025"  # all its deadlines reported: the last one reached
    assert rows[LONG_NAME][6] == "30/09/2025"  # not due yet: the next deadline


def _agency_table(doc):
    return next(t for t in doc.tables if t.rows[0].cells[0].text == "Cơ quan chủ trì")


def test_per_agency_totals_are_honest_and_explained(world, report, login):
    """Five tasks, one of them co-led by two agencies: the agency rows add up to six, the total row
    says five, and a note under the table says why."""
    client = login(world.officer_a1)
    doc = _docx(client, report)
    table = _agency_table(doc)
    body = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert body[-1][0] == "Tổng cộng" and body[-1][1] == "5"
    assert sum(int(r[1]) for r in body[:-1]) == 6
    texts = [p.text for p in doc.paragraphs]
    assert any("1 nhiệm vụ do nhiều cơ quan cùng chủ trì, tính ở mỗi cơ quan" in t for t in texts)
    ws = _xlsx(client, report)["Tổng hợp"]
    rows = range(HEADER_ROW + 1, ws.max_row + 1)
    start = next(r for r in rows if ws.cell(r, 1).value == "Theo cơ quan chủ trì")
    total = next(r for r in rows if r > start and ws.cell(r, 1).value == "Tổng cộng")
    assert ws.cell(total, 2).value == 5
    assert sum(ws.cell(r, 2).value for r in range(start + 1, total)) == 6
    assert "1 nhiệm vụ do nhiều cơ quan cùng chủ trì" in (ws.cell(total + 1, 1).value or "")
    page = client.get(reverse("reports:report", args=[world.a1.pk, "2025-Q3"])).content.decode()
    assert "1 nhiệm vụ do nhiều cơ quan cùng chủ trì, tính ở mỗi cơ quan" in page


def test_task_names_are_printed_in_full(world, q3, report, login):
    """A long task name, reported on: the drafted narrative quotes it whole (issue 14: names cut
    mid-sentence with "…"), and the task table wraps it."""
    _report(
        q3.m_long,
        world.hcc_a1,
        "Đã rà soát 12 quy trình nội bộ.",
        "in_progress",
        "submitted",
        date(2025, 9, 10),
    )
    client = login(world.officer_a1)
    client.post(reverse("reports:redraft", args=[report.pk]))
    doc = _docx(client, report)
    paragraphs = [p.text for p in doc.paragraphs]
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert not [t for t in paragraphs + cells if "…" in t]
    assert any(LONG_NAME in t for t in paragraphs)  # narrative of section II and "kỳ tới"
    assert LONG_NAME in cells
    assert any(t.startswith("Xã An Một ban hành và triển khai") for t in paragraphs)


def test_preview_shows_the_narrative_as_printed(world, report, login):
    services.save_narrative(
        world.officer_a1, report, {"causes": "xã An Một thiếu cán bộ chuyên trách."}, report.revision
    )
    page = login(world.officer_a1).get(reverse("reports:report", args=[world.a1.pk, "2025-Q3"]))
    preview = page.content.decode().split('<article class="report-preview">', 1)[1].split("</article>")[0]
    assert "Xã An Một thiếu cán bộ chuyên trách." in preview
    assert "xã An Một thiếu cán bộ" not in preview
