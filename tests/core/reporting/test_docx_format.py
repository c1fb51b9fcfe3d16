"""The report DOCX read back with python-docx: Nghị định 30/2020 header, page, fonts, outline, facts."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from docx import Document
from docx.shared import Pt

from core.reporting.docx_report import build_docx
from tests.core.reporting.sample import sample, with_communes


@pytest.fixture(scope="module")
def doc():
    return Document(io.BytesIO(build_docx(sample())))


def all_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def header_cells(doc):
    left, right = doc.tables[0].rows[0].cells
    return left, right


def test_header_block(doc):
    left, right = header_cells(doc)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right.text
    tieu_ngu = next(p for p in right.paragraphs if p.text == "Độc lập - Tự do - Hạnh phúc")
    run = tieu_ngu.runs[0]
    assert run.bold and run.underline and run.font.size == Pt(14)  # its rule is its underline
    quoc_hieu = right.paragraphs[0].runs[0]
    assert quoc_hieu.bold and quoc_hieu.font.size == Pt(13)
    assert "ỦY BAN NHÂN DÂN XÃ THƯỜNG XUÂN" in left.text
    assert "Số: 07/BC-UBND" in left.text  # leading zero below 10
    date_para = next(p for p in right.paragraphs if "ngày" in p.text)
    assert date_para.text == "Thường Xuân, ngày 05 tháng 9 năm 2025"
    assert date_para.runs[0].italic


def test_title(doc):
    texts = [p.text for p in doc.paragraphs]
    i = texts.index("BÁO CÁO")
    assert texts[i + 1] == "Kết quả thực hiện công tác cải cách hành chính quý III năm 2025"
    assert doc.paragraphs[i].runs[0].bold


def test_a4_margins_and_page_numbers_from_page_two(doc):
    s = doc.sections[0]
    mm = {
        name: round(getattr(s, name).mm, 1)
        for name in (
            "page_width",
            "page_height",
            "top_margin",
            "bottom_margin",
            "left_margin",
            "right_margin",
        )
    }
    assert (mm["page_width"], mm["page_height"]) == (210, 297)  # stored in twips: 1/1440 inch
    assert 20 <= mm["top_margin"] <= 25 and 20 <= mm["bottom_margin"] <= 25
    assert 30 <= mm["left_margin"] <= 35 and 15 <= mm["right_margin"] <= 20
    assert s.different_first_page_header_footer
    assert 'w:instr="PAGE"' in s.header._element.xml
    assert not s.first_page_header.paragraphs[0].text


def test_times_new_roman_and_body_size(doc):
    assert doc.styles["Normal"].font.name == "Times New Roman"
    assert doc.styles["Normal"].font.size == Pt(14)
    fonts = {r.font.name for p in doc.paragraphs for r in p.runs}
    assert fonts == {"Times New Roman"}
    body = [p for p in doc.paragraphs if p.text.startswith("Trong kỳ")]
    assert body and all(r.font.size in (Pt(13), Pt(14)) for p in body for r in p.runs)


def test_outline_sections_i_to_v_and_every_area(doc):
    texts = [p.text for p in doc.paragraphs]
    for heading in (
        "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
        "II. KẾT QUẢ THỰC HIỆN",
        "III. ĐÁNH GIÁ CHUNG",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
        "V. ĐỀ XUẤT, KIẾN NGHỊ",
    ):
        assert any(t.startswith(heading) for t in texts), heading
    for area in (
        "1. Cải cách thể chế",
        "2. Cải cách thủ tục hành chính",
        "3. Cải cách tổ chức bộ máy",
        "4. Cải cách chế độ công vụ",
        "5. Cải cách tài chính công",
        "6. Xây dựng chính quyền điện tử",
    ):
        assert any(t.startswith(area) for t in texts), area
    for part in ("1. Kết quả đạt được", "2. Tồn tại, hạn chế", "3. Nguyên nhân"):
        assert part in texts


def test_facts_are_in_the_document(doc):
    text = all_text(doc)
    assert "Đã rà soát 24 thủ tục" in text and "Kiểm chứng: Báo cáo số 45/BC-PKT (bc45.pdf)" in text
    assert "Quá hạn, chưa hoàn thành" in text and "Hoàn thành trễ hạn" in text
    assert "hoàn thành 2 (50%; đúng hạn 1, trễ hạn 1)" in text
    assert "97,5%" in text and "≥ 100%" in text and "Không đạt" in text and "Chưa có số liệu" in text
    counts = doc.tables[1]  # by area
    assert counts.rows[0].cells[0].text == "Lĩnh vực" and counts.rows[-1].cells[0].text == "Tổng cộng"
    assert counts.rows[-1].cells[1].text == "4"


def test_closing_recipients_and_signature(doc):
    left, right = doc.tables[-1].rows[0].cells
    first = left.paragraphs[0].runs[0]
    assert (
        left.paragraphs[0].text == "Nơi nhận:" and first.bold and first.italic and first.font.size == Pt(12)
    )
    assert left.paragraphs[1].text == "- UBND tỉnh Thanh Hóa (để báo cáo);"
    assert left.paragraphs[-1].text == "- Lưu: VT."
    assert left.paragraphs[1].runs[0].font.size == Pt(11)
    assert "TM. ỦY BAN NHÂN DÂN" in right.text and "CHỦ TỊCH" in right.text and "Bùi Văn Thành" in right.text


def test_compiled_report_has_the_communes_table():
    doc = Document(io.BytesIO(build_docx(with_communes(sample()))))
    text = all_text(doc)
    assert "1/2 đơn vị đã gửi báo cáo" in text
    assert "xã An Một" in text and "Đã gửi đúng hạn" in text and "Chưa gửi" in text


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice không có trên máy này")
def test_libreoffice_converts_it_to_pdf(tmp_path):
    path = tmp_path / "bao-cao.docx"
    path.write_bytes(build_docx(sample()))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        check=True,
        timeout=120,
        capture_output=True,
    )
    assert (tmp_path / "bao-cao.pdf").read_bytes().startswith(b"%PDF")


def test_task_table_columns_have_their_widths_in_the_grid(doc):
    """LibreOffice lays a table out by its grid (w:gridCol), Word by its cells: the "Nhiệm vụ" column
    is wide in both, so a long task name wraps in a readable column of the PDF too."""
    table = next(t for t in doc.tables if t.rows[0].cells[1].text == "Nhiệm vụ")
    widths = [round(c.width.cm, 1) for c in table.columns]
    assert widths == [1.2, 5.2, 2.8, 2.4, 4.9]
