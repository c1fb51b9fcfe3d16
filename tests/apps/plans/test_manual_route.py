"""The manual route on the review page: the template, an XLSX added to a draft, rows pasted from
Excel. Only who may manage the plan's unit may use it; nothing is half-added."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from apps.audit.models import AuditEntry
from apps.plans.models import Plan, Target, Task, TaskAgency
from apps.plans.services import save_draft
from core.plandoc.diagnose import MANUAL_ROUTE, NO_TASKS, diagnose
from core.plandoc.model import PlanDraft
from core.plandoc.readers import read_document
from tests.apps.plans.test_bad_docs import NOTICE

PASTED = (
    "STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tThời hạn\n"
    "1\tRà soát thủ tục hành chính\tPhòng Kinh tế\tQuý II/2026\n"
    "2\tTuyên truyền cải cách hành chính\tPhòng Văn hóa - Xã hội\tHằng quý\n"
)


@pytest.fixture
def draft(world) -> Plan:
    """A draft of a notice in which nothing to follow up was found, with the import's diagnosis:
    what the import saves when extraction finds no task and no target."""
    data = NOTICE.read_bytes()
    doc = read_document(data, NOTICE.name)
    found = PlanDraft(document=NOTICE.name, source_text=doc.text, title="Thông báo lịch tiếp công dân")
    found.warnings = diagnose(doc, found)
    return save_draft(world.officer_a1, world.a1, found, data, NOTICE.name)


def _grid(rows: list[dict], kind: str = "tasks", action: str = "add") -> dict:
    data = {"kind": kind, "rows": str(len(rows)), "action": action}
    for i, row in enumerate(rows):
        data.update({f"row-{i}-{name}": value for name, value in row.items()})
    return data


def _xlsx(rows: list[list]) -> bytes:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def test_template_download_is_the_xlsx_template(world, login):
    response = login(world.viewer_a1).get(reverse("plans:template"))
    assert response.status_code == 200
    assert 'filename="mau-nhap-ke-hoach-cchc.xlsx"' in response["Content-Disposition"]
    wb = load_workbook(io.BytesIO(response.content))
    assert wb.sheetnames[:3] == ["Nhiệm vụ", "Chỉ tiêu", "Thông tin chung"]


def test_template_needs_a_login(client):
    response = client.get(reverse("plans:template"))
    assert response.status_code == 302 and "dang-nhap" in response["Location"]


def test_draft_page_shows_why_and_both_manual_routes(world, login, draft):
    body = login(world.officer_a1).get(reverse("plans:detail", args=[draft.pk])).content.decode()
    assert "Văn bản này là Thông báo" in body
    assert '<details class="card manual" id="nhap-tay" open>' in body
    assert reverse("plans:template") in body and reverse("plans:paste_preview", args=[draft.pk]) in body
    assert reverse("plans:workbook_add", args=[draft.pk]) in body


def test_paste_preview_shows_the_rows_as_read_and_saves_nothing(world, login, draft):
    client = login(world.officer_a1)
    url = reverse("plans:paste_preview", args=[draft.pk])
    response = client.post(url, {"kind": "tasks", "text": PASTED}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body  # the grid alone, swapped in place
    assert 'name="row-0-content"' in body and "Rà soát thủ tục hành chính" in body
    assert "Quý II/2026: 30/06/2026" in body  # the deadline as the milestone it will become
    assert "Đọc được 2 nhiệm vụ" in body
    assert not Task.objects.filter(plan=draft).exists()
    full = client.post(url, {"kind": "tasks", "text": PASTED}).content.decode()
    assert "<html" in full and 'name="row-1-content"' in full  # without HTMX: the whole page


@pytest.mark.parametrize(
    "text, message",
    [("", "Dán các dòng sao chép từ Excel vào ô này."), ("Rà soát\n" * 600, "Mỗi lần dán tối đa 500 dòng")],
)
def test_an_empty_or_too_long_paste_is_told_in_place(world, login, draft, text, message):
    url = reverse("plans:paste_preview", args=[draft.pk])
    body = (
        login(world.officer_a1)
        .post(url, {"kind": "tasks", "text": text}, HTTP_HX_REQUEST="true")
        .content.decode()
    )
    assert message in body and "Không có dòng nào để thêm" not in body
    assert body.count(message) == 1


def test_grid_with_a_bad_row_saves_nothing_then_the_fixed_grid_is_added(world, login, draft):
    client = login(world.officer_a1)
    url = reverse("plans:paste_add", args=[draft.pk])
    rows = [
        {"no": "1", "content": "Rà soát thủ tục", "lead": "Phòng Kinh tế", "deadline": "Quý II/2026"},
        {"no": "2", "content": "", "lead": "Công an xã", "area": "Thể thao"},
    ]
    body = client.post(url, _grid(rows), HTTP_HX_REQUEST="true").content.decode()
    assert "Dòng 2: thiếu nội dung nhiệm vụ" in body and "chưa thêm gì vào bản nháp" in body
    assert not Task.objects.filter(plan=draft).exists()

    rows[1].update(content="Cập nhật dữ liệu dân cư", area="Cải cách thủ tục hành chính")
    response = client.post(url, _grid(rows), HTTP_HX_REQUEST="true")
    assert response.status_code == 204 and response["HX-Redirect"] == reverse("plans:detail", args=[draft.pk])
    tasks = list(Task.objects.filter(plan=draft).order_by("position"))
    assert [(t.no, t.content, t.area) for t in tasks] == [
        ("1", "Rà soát thủ tục", "chi_dao"),
        ("2", "Cập nhật dữ liệu dân cư", "tthc"),
    ]
    assert tasks[0].spans == {}  # pasted rows point into no text of this plan
    link = TaskAgency.objects.get(task=tasks[0])
    assert link.printed == "Phòng Kinh tế" and link.agency == world.kt_a1  # resolved in the directory
    entry = AuditEntry.objects.get(model="plans.plan", action="event", message__startswith="Thêm 2 nhiệm vụ")
    assert entry.actor == world.officer_a1
    draft.refresh_from_db()
    assert not any(w.startswith(NO_TASKS) for w in draft.warnings)  # answered
    assert MANUAL_ROUTE in draft.warnings  # targets are still missing


def test_check_only_never_saves(world, login, draft):
    rows = [{"content": "Rà soát thủ tục", "lead": "Phòng Kinh tế"}]
    body = (
        login(world.officer_a1)
        .post(reverse("plans:paste_add", args=[draft.pk]), _grid(rows, action="check"))
        .content.decode()
    )
    assert "Đọc được 1 nhiệm vụ" in body and not Task.objects.filter(plan=draft).exists()


def test_dropped_rows_are_left_out_and_targets_can_be_pasted(world, login, draft):
    rows = [
        {"text": "Tỷ lệ hồ sơ đúng hạn", "value": "95%", "year": "2026"},
        {"text": "Bỏ dòng này", "value": "abc"},
    ]
    data = _grid(rows, kind="targets") | {"row-1-drop": "on"}
    response = login(world.officer_a1).post(reverse("plans:paste_add", args=[draft.pk]), data)
    assert response.status_code == 302
    target = Target.objects.get(plan=draft)
    assert (target.text, target.value, target.unit, target.year, target.indicator) == (
        "Tỷ lệ hồ sơ đúng hạn",
        95,
        "%",
        2026,
        "on_time_rate",
    )


def test_workbook_added_to_the_draft(world, login, draft):
    data = _xlsx(
        [
            ["Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"],
            ["Rà soát thủ tục", "Phòng Kinh tế", "Quý I/2026"],
        ]
    )
    response = login(world.officer_a1).post(
        reverse("plans:workbook_add", args=[draft.pk]), {"file": SimpleUploadedFile("nhiem-vu.xlsx", data)}
    )
    assert response.status_code == 302
    task = Task.objects.get(plan=draft)
    assert task.content == "Rà soát thủ tục" and task.spans == {}
    page = login(world.officer_a1).get(response["Location"]).content.decode()
    assert "Đã thêm 1 nhiệm vụ, 0 chỉ tiêu từ tệp nhiem-vu.xlsx vào bản nháp." in page
    assert AuditEntry.objects.filter(message__contains="từ tệp nhiem-vu.xlsx").exists()


def test_workbook_with_bad_rows_lists_them_and_adds_nothing(world, login, draft):
    data = _xlsx(
        [["Nội dung nhiệm vụ", "Cơ quan chủ trì"], ["Rà soát", "Phòng Kinh tế"], [None, "Công an xã"]]
    )
    body = (
        login(world.officer_a1)
        .post(reverse("plans:workbook_add", args=[draft.pk]), {"file": SimpleUploadedFile("sai.xlsx", data)})
        .content.decode()
    )
    assert "Có dòng chưa đúng nên chưa nhập gì" in body
    assert "Trang “Sheet”, dòng 3: thiếu nội dung nhiệm vụ" in body
    assert not Task.objects.filter(plan=draft).exists()


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("ke-hoach.docx", b"PK\x03\x04not really", "Chỉ nhận tệp Excel"),
        ("ke-hoach.xlsx", b"plain text", "Chỉ nhận tệp Excel (.xlsx)"),
    ],
)
def test_workbook_route_takes_only_workbooks(world, login, draft, name, data, message):
    body = (
        login(world.officer_a1)
        .post(reverse("plans:workbook_add", args=[draft.pk]), {"file": SimpleUploadedFile(name, data)})
        .content.decode()
    )
    assert message in body and not Task.objects.filter(plan=draft).exists()


def test_rows_are_not_added_to_a_confirmed_plan(world, login, draft):
    Plan.objects.filter(pk=draft.pk).update(status=Plan.Status.ACTIVE)
    rows = [{"content": "Rà soát thủ tục"}]
    body = (
        login(world.officer_a1)
        .post(reverse("plans:paste_add", args=[draft.pk]), _grid(rows))
        .content.decode()
    )
    assert "Chỉ thêm được nhiệm vụ, chỉ tiêu vào bản nháp" in body
    assert not Task.objects.filter(plan=draft).exists()


def test_a_province_officer_may_paste_into_a_commune_draft(world, login, draft):
    rows = [{"content": "Rà soát thủ tục"}]
    response = login(world.officer_a).post(reverse("plans:paste_add", args=[draft.pk]), _grid(rows))
    assert response.status_code == 302 and Task.objects.filter(plan=draft).count() == 1


ROUTES = [
    ("get", "plans:manual", {}),
    ("post", "plans:paste_preview", {"kind": "tasks", "text": PASTED}),
    ("post", "plans:paste_add", _grid([{"content": "Rà soát thủ tục"}])),
    ("post", "plans:workbook_add", {}),
]


@pytest.mark.parametrize("user, status", [("staff_a1", 403), ("head_a1", 403), ("viewer_a1", 403),
                                          ("leader_a1", 403), ("officer_b1", 404), ("nobody", 404)])  # fmt: skip
@pytest.mark.parametrize("method, name, data", ROUTES)
def test_only_who_manages_the_plan_may_use_the_manual_route(
    world, login, draft, user, status, method, name, data
):
    client = login(getattr(world, user))
    url = reverse(name, args=[draft.pk])
    response = client.get(url) if method == "get" else client.post(url, data)
    assert response.status_code == status
    assert not Task.objects.filter(plan=draft).exists()


def test_the_review_page_hides_the_manual_route_from_readers(world, login, draft):
    body = login(world.viewer_a1).get(reverse("plans:detail", args=[draft.pk])).content.decode()
    assert 'id="nhap-tay"' not in body and "Văn bản này là Thông báo" not in body


def test_manual_routes_need_a_login(client, world, draft):
    for name in ("plans:manual", "plans:paste_preview", "plans:paste_add"):
        response = client.post(reverse(name, args=[draft.pk]), {"text": PASTED})
        assert response.status_code == 302 and "dang-nhap" in response["Location"]
    assert not Task.objects.filter(plan=draft).exists()
