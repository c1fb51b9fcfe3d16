"""The documents, read back by real readers: the self-assessment report and the province's decision
in Word (Nghị định 30 header), the results workbook (every criterion, formula-safe)."""

import io
from datetime import date

from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from apps.assessment import rounds, services
from apps.orgs.models import OrgUnit
from tests.apps.assessment.conftest import fill
from tests.apps.assessment.test_workflow import full_round


def text_of(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def test_self_assessment_report(world, par, login):
    fill(par.a1, world.officer_a1)
    services.submit(world.officer_a1, par.a1)
    response = login(world.officer_a1).get(reverse("assessment:self_report", args=[par.a1.pk]))
    doc = Document(io.BytesIO(b"".join(response.streaming_content)))
    text = text_of(doc)
    left, right = doc.tables[0].rows[0].cells
    assert "ỦY BAN NHÂN DÂN XÃ AN MỘT" in left.text and "Số:" in left.text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right.text and "ngày 01 tháng 10 năm 2025" in right.text
    assert "Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2025" in text
    assert "Quyết định số 12/QĐ-UBND ngày 10/01/2025" in text
    assert "Tổng điểm tự đánh giá phần thẩm định: 3,1/5 điểm áp dụng" in text  # 1.4 not applicable
    assert "Kiểm chứng: ke-hoach.pdf" in text  # the evidence is listed under its criterion
    assert "Không áp dụng" in text and "Nơi nhận:" in text
    s = doc.sections[0]
    assert round(s.left_margin.mm) == 30 and round(s.page_width.mm) == 210


def test_decision_and_results_workbook(world, par, today, login):
    full_round(world, par, today)
    par.a1.org_unit.name = '=HYPERLINK("http://x","xã")'  # a hostile unit name
    OrgUnit.objects.filter(pk=world.a1.pk).update(name=par.a1.org_unit.name)
    rounds.publish(world.officer_a, par.round, number="45", day=date(2025, 12, 20), signer="Nguyễn Văn A")
    client = login(world.officer_a2)  # published: the province reads the results
    doc = Document(
        io.BytesIO(
            b"".join(client.get(reverse("assessment:decision_docx", args=[par.round.pk])).streaming_content)
        )
    )
    text = text_of(doc)
    assert "QUYẾT ĐỊNH" in text and "Số: 45/QĐ-UBND" in text
    assert (
        "Phê duyệt và công bố Chỉ số cải cách hành chính năm 2025 của UBND các xã, phường trên địa bàn tỉnh An"
        in text
    )
    assert "Căn cứ Quyết định số 12/QĐ-UBND ngày 10/01/2025" in text
    assert (
        "Nguyễn Văn A" in text
        and "PHỤ LỤC" in text
        and "(Kèm theo Quyết định số 45/QĐ-UBND ngày 20/12/2025" in text
    )
    annex = doc.tables[-1]
    assert [c.text for c in annex.rows[0].cells][:2] == ["Xếp hạng", "Đơn vị"]
    assert len(annex.rows) == 3
    data = b"".join(client.get(reverse("assessment:results_xlsx", args=[par.round.pk])).streaming_content)
    wb = load_workbook(io.BytesIO(data))
    ranking = wb["Kết quả"]
    assert ranking["A3"].value == "Xếp hạng" and ranking["H3"].value == "Chỉ số (%)"
    names = [ranking.cell(r, 2).value for r in (4, 5)]
    assert par.a1.org_unit.name in names
    hostile = next(ranking.cell(r, 2) for r in (4, 5) if ranking.cell(r, 2).value.startswith("="))
    assert hostile.data_type == "s"  # text, not a formula
    assert b"<f>" not in _sheet_xml(data)
    per = wb["Theo tiêu chí"]
    assert [per.cell(1, c).value for c in range(1, 4)] == ["Đơn vị", "1.1 (tối đa 1)", "1.2 (tối đa 2)"]
    assert wb["Tiêu chí đạt thấp"]["A2"].value is not None


def _sheet_xml(data: bytes) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return b"".join(z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))


def test_results_page_shows_ranking_radar_and_weak_criteria(world, par, today, login):
    full_round(world, par, today)
    page = login(world.appraiser_a).get(
        reverse("assessment:results", args=[par.round.pk]) + f"?don-vi={par.a2.pk}"
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert '<svg class="radar' in html and "Bình quân toàn tỉnh" in html
    assert "Tiêu chí đạt thấp nhất toàn tỉnh" in html and "1.3" in html
    assert "Chưa công bố" in html
