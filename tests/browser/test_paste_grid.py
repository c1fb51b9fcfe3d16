"""Paste from Excel in a real browser: rows copied as Excel copies them (tab-separated, a quoted
multi-line cell) are pasted into the review page, shown as a grid of what they became, a bad cell is
fixed, and the rows are added to the draft. On a desktop and on a 390 px phone, with no console
error and no CSP violation (the page fixtures fail the test on either)."""

from __future__ import annotations

import re

import pytest

from apps.plans.models import Plan, Task
from apps.plans.services import save_draft
from core.plandoc.diagnose import diagnose
from core.plandoc.model import PlanDraft
from core.plandoc.readers import read_document
from tests.apps.plans.test_bad_docs import NOTICE
from tests.browser.conftest import RESULTS_DIR, log_in

pytestmark = pytest.mark.browser

NO_PAGE_OVERFLOW = "document.scrollingElement.scrollWidth <= window.innerWidth"
# What Excel puts on the clipboard for a header row and three rows, the second without its content.
COPIED = (
    "STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tThời hạn\tSản phẩm\n"
    '1\tRà soát, đơn giản hóa thủ tục hành chính\tPhòng Kinh tế\tQuý II/2026\t"Báo cáo rà soát\nQuyết định công bố"\n'
    "2\t\tCông an xã\tHằng quý\t\n"
    "3\tTuyên truyền cải cách hành chính\tPhòng Văn hóa - Xã hội\tThường xuyên\t\n"
)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def draft(world) -> Plan:
    data = NOTICE.read_bytes()
    doc = read_document(data, NOTICE.name)
    found = PlanDraft(document=NOTICE.name, source_text=doc.text, title="Thông báo lịch tiếp công dân")
    found.warnings = diagnose(doc, found)
    return save_draft(world.officer_a1, world.a1, found, data, NOTICE.name)


def _paste(page, text: str) -> None:
    """Put ``text`` on the clipboard and press Ctrl+V in the paste box, as an official does."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=page.base)
    page.evaluate("text => navigator.clipboard.writeText(text)", text)
    box = page.get_by_label("Các dòng sao chép từ Excel")
    box.click()
    page.keyboard.press("Control+V")


@pytest.mark.parametrize("device", ["page", "phone"])
def test_paste_rows_fix_a_cell_and_add_them_to_the_draft(request, live_server, world, draft, device):
    page = request.getfixturevalue(device)
    log_in(page, "officer_a1")
    page.goto(f"{page.base}/ke-hoach/{draft.pk}/")
    assert page.locator("#nhap-tay").get_attribute("open") is not None  # open: tasks are missing
    assert page.get_by_text("Văn bản này là Thông báo").is_visible()

    _paste(page, COPIED)  # the paste itself asks for the preview (no button press)
    grid = page.locator("table.paste-grid")
    grid.wait_for()
    assert (
        page.get_by_label("Nội dung nhiệm vụ, dòng 1").input_value()
        == "Rà soát, đơn giản hóa thủ tục hành chính"
    )
    assert page.get_by_label("Sản phẩm, dòng 1").input_value() == "Báo cáo rà soát\nQuyết định công bố"
    assert page.get_by_text("Quý II/2026: 30/06/2026").is_visible()
    error = page.get_by_text("Dòng 2: thiếu nội dung nhiệm vụ").first
    assert error.is_visible()
    assert not Task.objects.filter(plan=draft).exists()  # a preview saves nothing

    page.get_by_label("Nội dung nhiệm vụ, dòng 2").fill("Cập nhật dữ liệu dân cư")
    page.get_by_role("button", name="Đọc lại các dòng").click()
    page.get_by_text("Đọc được 3 nhiệm vụ").wait_for()
    assert page.evaluate(NO_PAGE_OVERFLOW), "lưới dán làm trang tràn ngang"
    # On a phone each row is a card of labelled cells; on a desktop, a table.
    assert page.locator("table.paste-grid thead").is_visible() == (device == "page")
    RESULTS_DIR.mkdir(exist_ok=True)
    page.locator("#nhap-tay").screenshot(path=str(RESULTS_DIR / f"{device}-paste-grid.png"))

    page.get_by_role("button", name="Thêm vào bản nháp").click()
    page.wait_for_url(re.compile(rf"/ke-hoach/{draft.pk}/$"))
    page.get_by_text("Đã thêm 3 nhiệm vụ vào bản nháp").wait_for()
    assert list(Task.objects.filter(plan=draft).order_by("position").values_list("content", flat=True)) == [
        "Rà soát, đơn giản hóa thủ tục hành chính",
        "Cập nhật dữ liệu dân cư",
        "Tuyên truyền cải cách hành chính",
    ]
    assert page.get_by_text("Cập nhật dữ liệu dân cư").is_visible()
    assert page.get_by_text("Không tìm thấy nhiệm vụ nào").count() == 0  # the answered reason is gone
