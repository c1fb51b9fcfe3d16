"""Issue 9's bad input at the import path: a document that is not a plan, a table without a known
header, an empty sheet, a sheet without a header row. Each gets a clear Vietnamese message; a
document keeps what was found as a draft with the manual route; a workbook that gives nothing is
refused; nothing is ever half-saved."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from apps.plans.models import Plan, SourceDocument, Target, Task
from apps.plans.services import add_rows
from core.plandoc.diagnose import MANUAL_ROUTE, NO_TARGETS
from core.plandoc.model import TaskDraft

MANUAL = Path(__file__).resolve().parents[3] / "fixtures" / "manual"
DECREE = MANUAL / "nghi-dinh.txt"
NOTICE = MANUAL / "thong-bao.txt"
UNKNOWN_TABLE = MANUAL / "bang-khong-ro-tieu-de.docx"


def _upload(client, unit, data: bytes, name: str):
    return client.post(reverse("plans:upload"), {"org_unit": unit.pk, "file": SimpleUploadedFile(name, data)})


def _xlsx(*sheets: tuple[str, list[list]]) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("path, kind", [(DECREE, "Nghị định"), (NOTICE, "Thông báo")])
def test_a_document_that_is_not_a_plan_is_kept_as_a_draft_that_says_so(world, login, path, kind):
    client = login(world.officer_a1)
    response = _upload(client, world.a1, path.read_bytes(), path.name)
    plan = Plan.objects.get()
    assert response.status_code == 302 and plan.status == Plan.Status.DRAFT
    assert plan.warnings[0].startswith(f"Văn bản này là {kind}, không phải kế hoạch")
    assert MANUAL_ROUTE in plan.warnings and any(w.startswith(NO_TARGETS) for w in plan.warnings)
    page = client.get(response["Location"]).content.decode()
    assert "Xem lý do và cách nhập bằng tay" in page  # the upload message: never a silent zero
    assert f"Văn bản này là {kind}" in page and "Tải tệp mẫu Excel" in page and "Cách 2: dán từ Excel" in page


def test_a_plan_whose_only_table_has_no_known_header_keeps_what_was_found(world, login):
    response = _upload(login(world.officer_a1), world.a1, UNKNOWN_TABLE.read_bytes(), UNKNOWN_TABLE.name)
    plan = Plan.objects.get()
    assert response.status_code == 302
    assert plan.decision_number == "15/KH-UBND"  # what was found is kept
    assert any(w.startswith(NO_TARGETS) for w in plan.warnings) and MANUAL_ROUTE in plan.warnings


@pytest.mark.parametrize(
    "sheets, words",
    [
        ((("Trang 1", []),), "các trang tính đều trống"),
        (
            (("Danh sách", [["Họ và tên", "Chức vụ"], ["Nguyễn Văn An", "Chủ tịch"]]),),
            "trang “Danh sách” bắt đầu bằng",
        ),
        ((("Nhiệm vụ", [["Nội dung nhiệm vụ", "Cơ quan chủ trì"]]),), "chỉ có dòng tiêu đề"),
    ],
)
def test_a_workbook_that_gives_nothing_is_refused_with_the_reason(world, login, sheets, words):
    body = _upload(login(world.officer_a1), world.a1, _xlsx(*sheets), "nhiem-vu.xlsx").content.decode()
    assert "error-text" in body and words in body
    assert not Plan.objects.exists() and not SourceDocument.objects.exists()


def test_a_workbook_with_bad_rows_lists_each_and_saves_nothing(world, login):
    data = _xlsx(
        ("Nhiệm vụ", [["Nội dung nhiệm vụ", "Thời hạn"], ["Rà soát", "Quý I/2026"], [None, "Quý II/2026"]]),
        ("Chỉ tiêu", [["Chỉ tiêu", "Giá trị"], ["Tỷ lệ đúng hạn", "nhiều"]]),
    )
    body = _upload(login(world.officer_a1), world.a1, data, "nhiem-vu.xlsx").content.decode()
    assert "Có dòng chưa đúng nên chưa nhập gì" in body
    assert "Trang “Nhiệm vụ”, dòng 3: thiếu nội dung nhiệm vụ" in body
    assert "Trang “Chỉ tiêu”, dòng 2: giá trị “nhiều” không phải là một số" in body
    assert not Plan.objects.exists() and not Task.objects.exists() and not Target.objects.exists()


def test_a_good_workbook_becomes_a_draft_whose_spans_point_at_cells(world, login):
    data = _xlsx(
        (
            "Nhiệm vụ",
            [["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì"], [1, "Rà soát thủ tục", "Phòng Kinh tế"]],
        )
    )
    client = login(world.officer_a1)
    response = _upload(client, world.a1, data, "nhiem-vu.xlsx")
    plan = Plan.objects.get()
    task = plan.tasks.get()
    start, end = task.spans["content"]
    assert plan.source.text[start:end] == "Rà soát thủ tục"
    assert plan.source.format == "xlsx" and plan.title == "nhiem-vu.xlsx"
    page = client.get(response["Location"]).content.decode()
    assert f'data-span="{start}-{end}"' in page and "Nhiệm vụ!A2\t1\tRà soát thủ tục" in page


def test_a_failure_while_adding_rows_leaves_the_draft_as_it_was(world, monkeypatch):
    from apps.plans.services import import_plan

    plan = import_plan(world.officer_a1, world.a1, NOTICE.read_bytes(), NOTICE.name)
    warnings, tasks = list(plan.warnings), plan.tasks.count()

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("apps.plans.services.resolve_into", boom)
    with pytest.raises(RuntimeError):
        add_rows(
            world.officer_a1,
            plan,
            [TaskDraft(area=None, no="1", content="Rà soát", lead=["Phòng Kinh tế"])],
            [],
            "dán",
        )
    plan.refresh_from_db()
    assert plan.tasks.count() == tasks and plan.warnings == warnings
