"""The plan import flow in a real browser: upload, see the source beside the extraction, correct, confirm."""

from __future__ import annotations

import re

import pytest

from apps.plans.models import Plan
from tests.apps.plans.conftest import COMMUNE_SEED
from tests.browser.conftest import log_in


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _upload_seed(page):
    page.goto(page.base + "/ke-hoach/nhap/")
    page.get_by_label("Tệp kế hoạch").set_input_files(str(COMMUNE_SEED))
    page.get_by_role("button", name="Tải lên và đọc").click()
    page.wait_for_url(re.compile(r"/ke-hoach/\d+/$"))


def test_upload_review_highlight_edit_confirm(page, world):
    log_in(page, "officer_a1")
    _upload_seed(page)
    assert "Bản nháp từ văn bản" in page.content()
    plan = Plan.objects.get()
    task = plan.tasks.order_by("position").first()

    # Clicking a task highlights the text it was read from in the document panel.
    page.locator(f"#task-{task.pk} header").click()
    marks = page.locator("#source-doc mark")
    marks.first.wait_for()
    assert task.content[:25] in " ".join(marks.all_inner_texts()).replace("\n", " ")
    # The document reads as a document: Markdown markers hidden, the text itself unchanged.
    assert (
        page.locator("#source-doc .md-mark").count() == 0
        or not page.locator("#source-doc .md-mark").first.is_visible()
    )

    # Correct the task in place (HTMX): the card is replaced by the saved version.
    page.locator(f"#task-{task.pk}").get_by_role("button", name="Sửa").click()
    page.get_by_label("Thời hạn").fill("Quý IV/2025")
    page.get_by_role("button", name="Lưu").click()
    page.locator(f"#task-{task.pk}").get_by_text("Quý IV/2025").first.wait_for()
    task.refresh_from_db()
    assert task.deadline_text == "Quý IV/2025"

    # Confirming lists what is still open; without a reason it is refused beside the field.
    page.get_by_role("link", name="Xác nhận kế hoạch…").click()
    page.get_by_role("button", name="Vẫn xác nhận, ghi lý do").click()
    page.locator(".has-error .error-text").wait_for()
    page.get_by_label("Lý do vẫn xác nhận").fill("Đúng như văn bản đã ký.")
    page.get_by_role("button", name="Vẫn xác nhận, ghi lý do").click()
    page.wait_for_load_state("load")
    assert "Đang thực hiện" in page.content()
    plan.refresh_from_db()
    assert plan.status == Plan.Status.ACTIVE


def test_bad_file_gets_vietnamese_message_in_browser(page, world, tmp_path):
    empty = tmp_path / "ke-hoach.txt"
    empty.write_text("Biên bản họp chi bộ tháng 3.", encoding="utf-8")
    log_in(page, "officer_a1")
    page.goto(page.base + "/ke-hoach/nhap/")
    page.get_by_label("Tệp kế hoạch").set_input_files(str(empty))
    page.get_by_role("button", name="Tải lên và đọc").click()
    page.wait_for_load_state("load")
    assert "không có nội dung của một kế hoạch" in page.content()
    assert not Plan.objects.exists()
