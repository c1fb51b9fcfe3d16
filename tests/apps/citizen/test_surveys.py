"""Local survey rounds: questionnaire, public link, paper forms, results with intervals, XLSX
export (formula-safe), official SIPAS imported and shown beside, never mixed."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from apps.citizen.models import OfficialSipasResult, SurveyResponse
from apps.citizen.services import surveys as svc
from core import measures
from core.satisfaction import DEFAULT_ITEMS
from tests.apps.citizen.conftest import challenge


@pytest.fixture(autouse=True)
def _setup(settings, monkeypatch):
    settings.CITIZEN_RATE_LIMITS = {k: "1000/3600" for k in settings.CITIZEN_RATE_LIMITS}
    monkeypatch.setenv("CCHC_TODAY", "2025-11-10")


@pytest.fixture
def open_round(world):
    r = svc.create_round(world.officer_a, world.a, "Khảo sát quý IV/2025", date(2025, 11, 1), date(2025, 11, 30),
                         units=[world.a1, world.a2, world.b1])  # fmt: skip
    return svc.set_state(world.officer_a, r, "open")


def _answers(r, value=5, **override):
    out = {str(q.pk): value for q in r.questions.all()}
    out.update(override)
    return out


def test_round_gets_the_sipas_questionnaire_and_only_own_units(world, open_round):
    assert open_round.questions.count() == len(DEFAULT_ITEMS)
    assert set(open_round.units.all()) == {world.a1, world.a2}  # B1 is not under province A
    assert {q.factor for q in open_round.questions.all()} == {
        "tiep_can",
        "thu_tuc",
        "cong_chuc",
        "ket_qua",
        "gop_y",
    }
    with pytest.raises(PermissionDenied):
        svc.create_round(world.staff_a1, world.a1, "x", date(2025, 11, 1), date(2025, 11, 30))
    with pytest.raises(PermissionDenied):
        svc.create_round(world.officer_a1, world.a, "x", date(2025, 11, 1), date(2025, 11, 30))


def test_public_form_by_link(client, world, open_round):
    url = f"/nguoi-dan/khao-sat/{open_round.token}/"
    page = client.get(url)
    assert page.status_code == 200 and "Tiếp cận dịch vụ" in page.content.decode()
    data = {"org_unit": world.a1.pk, "comment": "Cán bộ nhiệt tình", **challenge(page.content.decode())}
    data.update({f"q{k}": v for k, v in _answers(open_round, 4).items()})
    r = client.post(url, data)
    assert r.status_code == 200 and "Xin cảm ơn" in r.content.decode()
    resp = SurveyResponse.objects.get()
    assert resp.channel == "web" and resp.org_unit == world.a1 and set(resp.answers.values()) == {4}
    # an empty questionnaire is refused
    page = client.get(url)
    r = client.post(url, {"org_unit": world.a1.pk, **challenge(page.content.decode())})
    assert "chưa trả lời câu nào" in r.content.decode() and SurveyResponse.objects.count() == 1


def test_closed_or_draft_rounds_take_no_answers(client, world, open_round):
    svc.set_state(world.officer_a, open_round, "closed")
    assert client.get(f"/nguoi-dan/khao-sat/{open_round.token}/").status_code == 410
    with pytest.raises(ValidationError, match="không nhận phiếu"):
        svc.submit_public(open_round, world.a1, _answers(open_round))
    assert client.get("/nguoi-dan/khao-sat/khong-co/").status_code == 404


def test_paper_forms(world, open_round):
    svc.enter_paper(world.officer_a, open_round, world.a2, _answers(open_round, 2), "P-001")
    with pytest.raises(ValidationError, match="đã được nhập"):
        svc.enter_paper(world.officer_a, open_round, world.a2, _answers(open_round, 2), "P-001")
    with pytest.raises(ValidationError, match="không thuộc đợt"):
        svc.enter_paper(world.officer_a, open_round, world.b1, _answers(open_round), "P-002")
    first = str(open_round.questions.first().pk)
    with pytest.raises(ValidationError, match="từ 1 đến 5"):
        svc.enter_paper(world.officer_a, open_round, world.a2, _answers(open_round, **{first: 7}), "P-003")
    with pytest.raises(PermissionDenied):
        svc.enter_paper(world.officer_a1, open_round, world.a1, _answers(open_round), "P-004")
    assert SurveyResponse.objects.filter(channel="paper").count() == 1


def test_questionnaire_is_frozen_once_answered(world):
    r = svc.create_round(world.officer_a1, world.a1, "Khảo sát", date(2025, 11, 1), date(2025, 11, 30))
    q = svc.add_question(world.officer_a1, r, "gop_y", "Kết quả xử lý góp ý được thông báo rõ ràng")
    svc.remove_question(world.officer_a1, q)
    svc.set_state(world.officer_a1, r, "open")
    with pytest.raises(ValidationError, match="không sửa bộ câu hỏi"):
        svc.add_question(world.officer_a1, r, "gop_y", "Một câu hỏi thêm sau khi đã mở đợt")


def _fill(world, r):
    for i in range(30):
        svc.enter_paper(world.officer_a, r, world.a1, _answers(r, 5 if i % 3 else 2), f"A1-{i}")
    for i in range(10):
        svc.enter_paper(
            world.officer_a, r, world.a2, _answers(r, 4), f"A2-{i}", '=HYPERLINK("http://x","bấm")'
        )


def test_results_page_with_intervals_and_official_beside(world, open_round, login):
    _fill(world, open_round)
    OfficialSipasResult.objects.create(
        year=2025, org_unit=world.a1, factor="index", value="81.50", source="BNV"
    )
    html = login(world.officer_a).get(f"/y-kien/khao-sat/{open_round.pk}/").content.decode()
    assert "66.7%" in html or "66,7%" in html  # A1: 20 of 30 satisfied on every item
    assert "30 phiếu" in html and "10 phiếu" in html
    assert "SIPAS chính thức 2025" in html and "81.5" in html.replace(",", ".")
    assert "<svg" in html  # the QR code of the public link
    assert login(world.officer_b1).get(f"/y-kien/khao-sat/{open_round.pk}/").status_code == 404
    # the measure of the local survey never reads the official value
    m = measures.measure("local_survey_index", world.a1, "2025-Q4")
    assert m.value == pytest.approx(66.67, abs=0.01) and m.denominator == 30
    assert measures.measure("sipas_index", world.a1, "2025-Q4").value == 81.5


def test_xlsx_export_is_real_and_formula_safe(world, open_round, login):
    _fill(world, open_round)
    r = login(world.officer_a).get(f"/y-kien/khao-sat/{open_round.pk}/xlsx/")
    assert r.status_code == 200
    wb = load_workbook(io.BytesIO(r.content))
    ws = wb["Theo yếu tố"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=5)]
    a1_index = next(row for row in rows if row[0] == world.a1.name and row[1].startswith("Chỉ số chung"))
    assert (
        a1_index[2] == 30
        and a1_index[3] == pytest.approx(66.67, abs=0.01)
        and a1_index[4] < a1_index[3] < a1_index[5]
    )
    comments = [row[-1].value for row in wb["Phiếu"].iter_rows(min_row=2) if row[-1].value]
    assert comments and all(c.startswith("=HYPERLINK") for c in comments)
    with zipfile.ZipFile(io.BytesIO(r.content)) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert not any("<f>" in s for s in sheets)


def _xlsx(rows) -> SimpleUploadedFile:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    out = io.BytesIO()
    wb.save(out)
    return SimpleUploadedFile("sipas.xlsx", out.getvalue())


def test_import_official_sipas(world, login):
    c = login(world.officer_a)
    header = ["Năm", "Đơn vị", "Chỉ số SIPAS", "Tiếp cận dịch vụ", "Thủ tục hành chính",
              "Công chức trực tiếp giải quyết công việc", "Kết quả dịch vụ", "Tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị"]  # fmt: skip
    good = _xlsx([header, [2024, "tỉnh An", 83.94, 84.1, 82.5, 86.0, 85.2, 81.9]])
    r = c.post("/y-kien/khao-sat/sipas/", {"file": good, "source": "Báo cáo SIPAS 2024"})
    assert r.status_code == 302
    assert OfficialSipasResult.objects.get(year=2024, org_unit=world.a, factor="index").value == Decimal(
        "83.94"
    )
    assert OfficialSipasResult.objects.count() == 6
    bad = _xlsx(
        [
            header,
            [2025, "tỉnh An", 85],
            [2025, "tỉnh Không Có", 80],
            ["năm", "tỉnh An", 80],
            [2025, "tỉnh An", 180],
        ]
    )
    r = c.post("/y-kien/khao-sat/sipas/", {"file": bad, "source": "x"})
    html = r.content.decode()
    assert "Dòng 3: không tìm thấy đơn vị" in html and "Dòng 4: năm" in html and "Dòng 5" in html
    assert not OfficialSipasResult.objects.filter(year=2025).exists()  # nothing half-imported
    r = c.post(
        "/y-kien/khao-sat/sipas/", {"file": SimpleUploadedFile("x.xlsx", b"not a workbook"), "source": "x"}
    )
    assert "tệp Excel" in r.content.decode()
    assert login(world.staff_a1).get("/y-kien/khao-sat/sipas/").status_code == 403


def test_official_results_of_another_province_are_refused(world, login):
    header = ["Năm", "Đơn vị", "Chỉ số SIPAS"]
    r = login(world.officer_a).post(
        "/y-kien/khao-sat/sipas/", {"file": _xlsx([header, [2024, "tỉnh Bình", 80]]), "source": "x"}
    )
    assert "không tìm thấy đơn vị" in r.content.decode() and OfficialSipasResult.objects.count() == 0
