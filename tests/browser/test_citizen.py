"""Citizen voice in a real browser on a phone (390×844): send a petition with a file and the
challenge, look it up, rate a dossier from its QR link (and be refused the second time), fill a
survey; the pages fit the screen and the console stays clean (strict CSP, no inline code).
Then an officer handles the petition on a desktop."""

from __future__ import annotations

from datetime import date

import pytest
from captcha.models import CaptchaStore

from apps.citizen.models import Petition, Rating, SurveyResponse
from apps.citizen.rating_codes import rating_path
from apps.citizen.services import surveys
from tests.apps.citizen.conftest import make_dossier
from tests.browser.conftest import RESULTS_DIR, log_in
from tests.browser.test_phone_pages import PAGE_FITS, STICKING_OUT

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _today(monkeypatch, settings):
    monkeypatch.setenv("CCHC_TODAY", "2025-11-10")
    settings.CITIZEN_RATE_LIMITS = {k: "1000/3600" for k in settings.CITIZEN_RATE_LIMITS}


def _fits(page, label: str) -> None:
    assert page.evaluate(PAGE_FITS), (
        f"{label}: trang rộng {page.evaluate('document.scrollingElement.scrollWidth')}px"
    )
    assert page.evaluate(STICKING_OUT) == [], f"{label}: tràn màn hình"


def _solve(page) -> None:
    key = page.locator('input[name="captcha_0"]').input_value()
    page.locator('input[name="captcha_1"]').fill(CaptchaStore.objects.get(hashkey=key).response)


def test_send_and_look_up_on_a_phone(phone, world, tmp_path):
    phone.goto(phone.base + "/nguoi-dan/")
    _fits(phone, "trang chủ công khai")
    phone.get_by_role("link", name="Gửi phản ánh, kiến nghị").first.click()
    phone.get_by_label("Gửi đến").select_option(label=world.a1.name)
    phone.get_by_label("Thủ tục hành chính", exact=True).check()
    phone.get_by_label("Nội dung", exact=True).fill(
        "Bộ phận Một cửa yêu cầu nộp bản sao có chứng thực dù đã có dữ liệu điện tử."
    )
    phone.get_by_label("Họ và tên").fill("Trần Thị Bình")
    pdf = tmp_path / "giay-hen.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + b"1" * 3000)
    phone.get_by_label("Tệp đính kèm").set_input_files(str(pdf))
    assert phone.locator("img.captcha").evaluate("img => img.complete && img.naturalWidth > 0")
    _fits(phone, "mẫu gửi phản ánh")
    _solve(phone)
    RESULTS_DIR.mkdir(exist_ok=True)
    phone.screenshot(path=str(RESULTS_DIR / "citizen-form-phone.png"), full_page=True)
    phone.get_by_role("button", name="Gửi phản ánh").click()
    phone.wait_for_load_state("load")
    p = Petition.objects.get()
    assert phone.locator(".code").inner_text() == p.code and p.attachments.count() == 1
    assert "Trần Thị Bình" not in phone.content()
    _fits(phone, "tra cứu")
    RESULTS_DIR.mkdir(exist_ok=True)
    phone.screenshot(path=str(RESULTS_DIR / "citizen-lookup-phone.png"), full_page=True)


def test_empty_text_keeps_the_form_and_says_why(phone, world):
    phone.goto(phone.base + "/nguoi-dan/phan-anh/")
    phone.get_by_label("Gửi đến").select_option(label=world.a1.name)
    phone.get_by_label("Không nêu tên").check()
    _solve(phone)
    phone.get_by_role("button", name="Gửi phản ánh").click()
    phone.wait_for_load_state("load")
    errors = " ".join(phone.locator(".error-text").all_inner_texts())
    assert "Vui lòng nhập nội dung phản ánh" in errors and "Phản ánh, kiến nghị về" in phone.content()
    assert Petition.objects.count() == 0


def test_rate_from_the_qr_link_once(phone, world):
    d = make_dossier(
        world.a1,
        "H56-251103-0007",
        received=date(2025, 11, 3),
        due=date(2025, 11, 4),
        finished=date(2025, 11, 4),
    )
    phone.goto(phone.base + rating_path(d.code))
    _fits(phone, "đánh giá")
    phone.get_by_label("Rất hài lòng").check()
    phone.get_by_label("Góp ý thêm (nếu có)").fill("Nhanh, đúng hẹn")
    phone.get_by_role("button", name="Gửi đánh giá").click()
    phone.wait_for_load_state("load")
    assert "Xin cảm ơn" in phone.content() and Rating.objects.get().score == 5
    phone.goto(phone.base + rating_path(d.code))
    assert "đã được đánh giá" in phone.content()


def test_survey_on_a_phone(phone, world):
    r = surveys.create_round(
        world.officer_a1, world.a1, "Khảo sát 2025", date(2025, 11, 1), date(2025, 11, 30)
    )
    r = surveys.set_state(world.officer_a1, r, "open")
    phone.goto(phone.base + f"/nguoi-dan/khao-sat/{r.token}/")
    _fits(phone, "phiếu khảo sát")
    for group in phone.locator("fieldset.likert").all()[:5]:
        group.get_by_label("Hài lòng", exact=True).check()
    _solve(phone)
    phone.get_by_role("button", name="Gửi phiếu").click()
    phone.wait_for_load_state("load")
    assert "Xin cảm ơn" in phone.content()
    assert len(SurveyResponse.objects.get().answers) == 5


def test_officer_classifies_and_assigns(page, world):
    from apps.citizen.services import petitions as svc
    from tests.apps.citizen.conftest import petition_data

    p = svc.submit_public(world.a1, petition_data(world.a1))
    log_in(page, "officer_a1")
    page.goto(page.base + "/y-kien/phan-anh/")
    page.get_by_role("link", name=p.code).click()
    page.get_by_label("Giao ngay cho cơ quan (không bắt buộc)").select_option(label="Phòng Kinh tế")
    page.get_by_role("button", name="Tiếp nhận xử lý").click()
    page.wait_for_load_state("load")
    assert "Đang xử lý" in page.content()
    p.refresh_from_db()
    assert p.status == "assigned" and p.agency == world.kt_a1
