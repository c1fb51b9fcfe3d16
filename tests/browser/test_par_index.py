"""PAR INDEX in a real browser: a commune officer self-scores in place (HTMX) and submits; the
appraiser changes a score with its reason; the results page draws its radar; the pages fit a phone
(390 px) with a clean console (the fixtures fail the test on any console error or CSP violation)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from apps.assessment.models import Assessment
from tests.apps.assessment.conftest import fill, par, score, today  # noqa: F401 - fixtures, reused
from tests.browser.conftest import log_in
from tests.browser.test_phone_pages import check, switch_to

pytestmark = pytest.mark.browser


def test_self_score_submit_and_appraise(page, par, today, world):  # noqa: F811
    page.on("dialog", lambda dialog: dialog.accept())
    log_in(page, "officer_a1")
    page.goto(page.base + f"/chi-so-cchc/danh-gia/{par.a1.pk}/")
    expect(page.get_by_role("heading", name="Trước khi gửi")).to_be_visible()
    block = page.locator("#c-1\\.3")
    block.get_by_label("Mức").select_option(label="Một nửa (0,5)")
    block.get_by_role("button", name="Lưu").click()
    expect(page.locator("#c-1\\.3 dd strong").first).to_have_text("0,5")  # swapped in place
    expect(page.locator("#totals")).to_contain_text("0,5")
    assert score(par.a1, "1.3").self_points == 0.5
    block = page.locator("#c-1\\.3")
    block.get_by_label("Mức").select_option(label="Đủ (1)")
    block.locator("textarea").fill("Gửi đủ 4 báo cáo")
    block.get_by_role("button", name="Lưu").click()
    expect(page.locator("#c-1\\.3")).to_contain_text("Gửi đủ 4 báo cáo")
    fill(par.a1, world.officer_a1)  # every criterion through the services (1.3 back to 0,5)
    page.reload()
    page.get_by_role("button", name="Gửi kết quả tự đánh giá").click()
    expect(page.locator(".msg.success")).to_contain_text("Đã gửi kết quả tự đánh giá")
    assert Assessment.objects.get(pk=par.a1.pk).status == "submitted"
    page.context.clear_cookies()
    log_in(page, "appraiser_a")
    page.goto(page.base + f"/chi-so-cchc/danh-gia/{par.a1.pk}/")
    form = page.locator("#c-1\\.3 form.appraise")
    form.get_by_label("Điểm thẩm định").fill("0")
    form.get_by_role("button", name="Lưu điểm thẩm định").click()
    expect(page.locator("#c-1\\.3 .msg.error")).to_contain_text("lý do")  # refused without a reason
    form = page.locator("#c-1\\.3 form.appraise")
    form.get_by_label("Điểm thẩm định").fill("0")
    form.locator("textarea").fill("Thiếu báo cáo quý III")
    form.get_by_role("button", name="Lưu điểm thẩm định").click()
    expect(page.locator("#c-1\\.3")).to_contain_text("Thiếu báo cáo quý III")
    assert score(par.a1, "1.3").appraisal1_points == 0 and score(par.a1, "1.3").self_points == 0.5
    page.goto(page.base + f"/chi-so-cchc/dot/{par.round.pk}/ket-qua/")
    expect(page.locator("svg.radar").first).to_be_visible()


def test_par_index_pages_fit_a_phone(phone, par, world):  # noqa: F811
    faults: list[str] = []
    log_in(phone, "officer_a1")
    check(phone, "/chi-so-cchc/", faults)
    check(phone, f"/chi-so-cchc/danh-gia/{par.a1.pk}/", faults, shot="par-assessment")
    check(phone, f"/chi-so-cchc/diem/{score(par.a1, '1.1').pk}/", faults)
    check(phone, f"/chi-so-cchc/bo-chi-so/{par.framework.pk}/", faults)
    switch_to(phone, "officer_a")
    check(phone, f"/chi-so-cchc/dot/{par.round.pk}/", faults)
    check(phone, f"/chi-so-cchc/dot/{par.round.pk}/ket-qua/", faults, shot="par-results")
    assert not faults, "\n".join(faults)
