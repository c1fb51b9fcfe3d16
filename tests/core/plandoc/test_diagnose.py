"""Never a silent zero: a missing part of a plan comes with the reason and the manual route.

``diagnose`` is a pure function of the read document and the draft, so each case gives it a real
document (read by the real readers) and the draft part that is missing.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from core.plandoc.diagnose import MANUAL_ROUTE, NO_TARGETS, NO_TASKS, current_warnings, diagnose
from core.plandoc.extract import extract_plan
from core.plandoc.model import PlanDraft, TargetDraft, TaskDraft
from core.plandoc.readers import read_document
from tests.core.plandoc.helpers import seed_path

MANUAL = Path(__file__).resolve().parents[3] / "fixtures" / "manual"


def _read(path: Path):
    return read_document(path.read_bytes(), path.name)


def _empty(doc) -> PlanDraft:
    return PlanDraft(document=doc.name, source_text=doc.text)


def _one(warnings: list[str], start: str) -> str:
    found = [w for w in warnings if w.startswith(start)]
    assert len(found) == 1, warnings
    return found[0]


def test_a_decree_is_named_and_its_parts_listed():
    doc = _read(MANUAL / "nghi-dinh.txt")
    warnings = diagnose(doc, _empty(doc))
    assert warnings[0].startswith("Văn bản này là Nghị định, không phải kế hoạch")
    no_tasks = _one(warnings, NO_TASKS)
    assert "“Chương I”" in no_tasks and "“Điều 1. Phạm vi điều chỉnh”" in no_tasks
    assert "Không có phần nhiệm vụ" in no_tasks
    assert _one(warnings, NO_TARGETS)
    assert warnings[-1] == MANUAL_ROUTE


def test_a_notice_is_named_even_when_something_was_read_as_a_task():
    doc = _read(MANUAL / "thong-bao.txt")
    draft = _empty(doc)
    draft.tasks = [TaskDraft(area=None, no=None, content="Nơi nhận: TT Đảng ủy")]
    draft.targets = [TargetDraft(area=None, text="x")]
    warnings = diagnose(doc, draft)
    assert warnings == [
        "Văn bản này là Thông báo, không phải kế hoạch hay chỉ thị giao nhiệm vụ; hệ thống chỉ theo dõi "
        "nhiệm vụ, chỉ tiêu của kế hoạch. Các nhiệm vụ đọc được dưới đây cần kiểm tra kỹ trước khi xác nhận."
    ]


def test_a_plan_read_in_full_needs_no_warning():
    doc = _read(seed_path("000"))
    assert diagnose(doc, extract_plan(doc)) == []


def test_a_plan_whose_tasks_were_not_read_points_at_its_tasks_section():
    doc = _read(seed_path("000"))
    draft = extract_plan(doc)
    draft.tasks = []
    warnings = diagnose(doc, draft)
    no_tasks = _one(warnings, NO_TASKS)
    assert "Các phần đã thấy trong văn bản: “I. MỤC ĐÍCH, YÊU CẦU”; “II. NHIỆM VỤ VÀ GIẢI PHÁP”" in no_tasks
    assert "Phần “II. NHIỆM VỤ VÀ GIẢI PHÁP”" in no_tasks and "có thể chứa nhiệm vụ" in no_tasks
    assert not any(w.startswith(NO_TARGETS) for w in warnings)  # its targets were read
    assert warnings[-1] == MANUAL_ROUTE


def test_a_directive_of_agency_paragraphs_counts_them_as_task_parts(tmp_path):
    text = (
        "ỦY BAN NHÂN DÂN TỈNH AN\n\nCHỈ THỊ\nVề tăng cường cải cách thủ tục hành chính\n\n"
        "1. Sở Nội vụ\n\nTheo dõi, đôn đốc việc thực hiện.\n\n2. Văn phòng UBND tỉnh\n\nKiểm soát thủ tục hành chính.\n"
    )
    path = tmp_path / "chi-thi.txt"
    path.write_text(text, encoding="utf-8")
    doc = _read(path)
    no_tasks = _one(diagnose(doc, _empty(doc)), NO_TASKS)
    assert "“1. Sở Nội vụ”; “2. Văn phòng UBND tỉnh” có thể chứa nhiệm vụ" in no_tasks


def test_a_text_table_with_no_known_column_is_named_with_its_header():
    doc = _read(MANUAL / "bang-khong-ro-tieu-de.txt")
    table = _one(diagnose(doc, _empty(doc)), f"{NO_TASKS} trong bảng 1")
    assert "“Họ và tên | Chức vụ | Đơn vị công tác”" in table
    assert "không cột nào được nhận ra là cột của bảng nhiệm vụ" in table


def test_a_word_table_made_by_libreoffice_is_named_with_its_header():
    """The .docx was written by LibreOffice Writer from an HTML page (tools/make_manual_fixtures.py)."""
    doc = _read(MANUAL / "bang-khong-ro-tieu-de.docx")
    warnings = diagnose(doc, _empty(doc))
    table = _one(warnings, f"{NO_TASKS} trong bảng 1")
    assert "“Họ và tên | Chức vụ | Đơn vị công tác”" in table
    no_tasks = _one(warnings, f"{NO_TASKS}. Các phần")
    assert "“II. THÀNH PHẦN THAM DỰ”" in no_tasks and "“III. THỜI GIAN, ĐỊA ĐIỂM”" in no_tasks


def _docx_with_table(rows: list[list[str]], columns: int) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH cải cách hành chính năm 2026 của Ủy ban nhân dân xã")
    document.add_paragraph("I. NHIỆM VỤ")
    table = document.add_table(rows=len(rows), cols=columns)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_partly_known_header_says_which_columns_were_recognised():
    data = _docx_with_table([["STT", "Tên cơ quan", "Thời gian"], ["1", "Sở Nội vụ", "Quý I/2026"]], 3)
    doc = read_document(data, "k.docx")
    table = _one(diagnose(doc, _empty(doc)), f"{NO_TASKS} trong bảng 1")
    assert "chỉ nhận ra cột STT, Thời hạn; không nhận ra: “Tên cơ quan”" in table
    assert "Thiếu cột nội dung nhiệm vụ" in table


def test_layout_tables_and_task_headers_are_not_reported():
    layout = _docx_with_table([["ỦY BAN NHÂN DÂN XÃ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]], 2)
    doc = read_document(layout, "k.docx")
    assert not any(w.startswith(f"{NO_TASKS} trong bảng") for w in diagnose(doc, _empty(doc)))
    tasks = _docx_with_table([["TT", "Nội dung", "Cơ quan chủ trì", "Thời hạn"]], 4)
    doc = read_document(tasks, "k.docx")
    assert not any(w.startswith(f"{NO_TASKS} trong bảng") for w in diagnose(doc, _empty(doc)))


@pytest.mark.parametrize(
    "has_tasks, has_targets, kept",
    [
        (False, False, [NO_TASKS, NO_TARGETS, MANUAL_ROUTE]),
        (True, False, [NO_TARGETS, MANUAL_ROUTE]),
        (False, True, [NO_TASKS, MANUAL_ROUTE]),
        (True, True, []),
    ],
)
def test_warnings_answered_by_rows_added_by_hand_are_dropped(has_tasks, has_targets, kept):
    other = "Tên tệp có phần mở rộng .docx nhưng nội dung là pdf."
    warnings = [other, f"{NO_TASKS}. Các phần …", f"{NO_TARGETS}: …", MANUAL_ROUTE]
    left = current_warnings(warnings, has_tasks, has_targets)
    assert left[0] == other
    assert [
        next(k for k in (NO_TASKS, NO_TARGETS, MANUAL_ROUTE) if w.startswith(k)) for w in left[1:]
    ] == kept


@pytest.mark.parametrize("name", ["nghi-dinh.txt", "thong-bao.txt", "bang-khong-ro-tieu-de.txt"])
def test_documents_that_assign_no_work_yield_no_task_and_say_why(name):
    """End to end: a decree, a notice and a table with no known column give no junk task (letterhead,
    definitions, a schedule, "Nơi nhận"), and the draft says why and offers the manual route."""
    from core.plandoc import parse_plan

    plan = parse_plan((MANUAL / name).read_bytes(), name)
    assert plan.tasks == []
    assert any(w.startswith(NO_TASKS) for w in plan.warnings)
    assert MANUAL_ROUTE in plan.warnings
