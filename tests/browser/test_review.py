"""Plan review in a real browser: the findings panel an officer reads on a plan page (HTMX), and the
province officer's coverage matrix of the commune plans with its Excel download.

The plans are the real seeds, saved through the plans services as an import would: the province plan
(seed 002) in tỉnh An and the commune plan (seed 000, with its drafting defects) in xã An Một under it.
"""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from openpyxl import load_workbook

from apps.review.models import FindingDismissal
from tests.apps.review.conftest import COMMUNE_SEED, PROVINCE_SEED, store
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser

NOTE = "đổi thành cấp tỉnh"  # the editorial note left in task 2 of "chỉ đạo điều hành" of seed 000
REASON = "Ghi chú đã được xử lý trong bản ký"


@pytest.fixture
def seeded(world, settings, tmp_path):
    """world.province_plan (seed 002, tỉnh An) and world.commune_plan (seed 000, xã An Một, under it)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()  # findings and the coverage matrix are cached by content; each test starts afresh
    world.province_plan = store(world.a, PROVINCE_SEED)
    world.commune_plan = store(world.a1, COMMUNE_SEED, parent=world.province_plan)
    return world


def open_findings(page, plan) -> None:
    """Open a plan page and wait until HTMX has swapped the findings panel into its slot."""
    page.goto(page.base + f"/ke-hoach/{plan.pk}/")
    page.locator("#review-panel li.finding").first.wait_for()


def test_findings_panel_highlight_dismiss_show_again_and_alignment(page, seeded):
    plan = seeded.commune_plan
    task = plan.tasks.get(area="chi_dao", no="2")
    log_in(page, "officer_a1")
    open_findings(page, plan)
    panel = page.locator("#review-panel")
    assert "Đang kiểm tra kế hoạch" not in panel.inner_text()  # the placeholder was replaced
    assert panel.locator("details.finding-group.sev-error").count() == 1
    errors_badge = panel.locator(".badge.bad", has_text=re.compile(r"^\d+ lỗi$"))
    errors_before = int(errors_badge.inner_text().split()[0])

    # Clicking the finding's place: its task card is flagged and the source text it points at is marked.
    finding = panel.locator("li.finding", has_text=NOTE)
    assert finding.count() == 1
    assert "Còn ghi chú soạn thảo" in finding.locator(".finding-head").inner_text()
    card = page.locator(f"#task-{task.pk}")
    # The flag lasts 2.5 s: record that it was raised rather than race its removal.
    card.evaluate(
        "card => { window.flagged = false; new MutationObserver(() => {"
        " window.flagged ||= card.classList.contains('finding-target'); })"
        ".observe(card, {attributes: true, attributeFilter: ['class']}); }"
    )
    finding.locator("a.finding-link").click()
    page.wait_for_function("() => window.flagged")
    assert page.url.endswith(f"#task-{task.pk}")
    mark = page.locator("#source-doc mark")
    mark.wait_for()
    assert NOTE in mark.inner_text()
    assert card.is_visible()

    # Dismiss it with a reason: the panel comes back (HTMX) without it, one error fewer.
    finding.get_by_text("Bỏ qua phát hiện này").click()
    finding.get_by_label("Lý do bỏ qua").fill(REASON)
    with page.expect_response(lambda r: "/bo-qua/" in r.url and r.request.method == "POST") as answer:
        finding.get_by_role("button", name="Bỏ qua", exact=True).click()
    assert answer.value.status == 200
    show = panel.get_by_role("link", name="Hiện cả 1 phát hiện đã bỏ qua")
    show.wait_for()
    assert panel.locator("li.finding", has_text=NOTE).count() == 0
    assert int(errors_badge.inner_text().split()[0]) == errors_before - 1
    dismissal = FindingDismissal.objects.get()
    assert (dismissal.rule, dismissal.reason, dismissal.dismissed_by) == (
        "editorial_note",
        REASON,
        seeded.officer_a1,
    )

    # "Show dismissed" brings it back, greyed, with the reason and a way to restore it.
    show.click()
    back = panel.locator("li.finding.dismissed", has_text=NOTE)
    back.wait_for()
    assert f"Đã bỏ qua: “{REASON}”" in back.inner_text()
    assert panel.get_by_role("link", name="Ẩn 1 phát hiện đã bỏ qua").is_visible()
    back.get_by_role("button", name="Khôi phục").click()
    panel.locator("li.finding:not(.dismissed)", has_text=NOTE).wait_for()
    assert not FindingDismissal.objects.exists()

    # From the panel to the alignment with the province plan: each task, linked or the unit's own.
    panel.get_by_role("link", name="Xem và sửa đối chiếu").click()
    page.get_by_role("heading", name="Đối chiếu với kế hoạch cấp trên", level=1).wait_for()
    rows = page.locator("table.align-table tbody tr")
    assert rows.count() == plan.tasks.count()
    linked = plan.tasks.filter(parent_task__isnull=False).count()
    assert 0 < linked < rows.count()
    own = page.locator("table.align-table tbody td .muted", has_text="nhiệm vụ riêng của đơn vị")
    assert own.count() == rows.count() - linked


def test_province_officer_opens_the_coverage_matrix_and_downloads_it(page, seeded, tmp_path):
    log_in(page, "officer_a")
    open_findings(page, seeded.province_plan)
    page.get_by_role("link", name="Bảng đối chiếu các kế hoạch cấp dưới").click()
    page.get_by_role("heading", name="Đối chiếu kế hoạch của 1 đơn vị cấp dưới").wait_for()
    row = page.locator("table.coverage:not(.targets) tbody tr", has_text="xã An Một")
    assert row.count() == 1
    counts = [int(row.locator("td.num").nth(i).inner_text()) for i in range(3)]  # có, ≈, thiếu
    n_tasks = seeded.province_plan.tasks.count()
    symbols = row.locator("td.cv").all_inner_texts()
    assert len(symbols) == n_tasks and set(symbols) <= {"✓", "≈", "✗"}
    assert sum(counts) > 0 and "✓" in symbols  # the commune plan does implement the province's tasks

    with page.expect_download() as info:
        page.get_by_role("link", name="Tải bảng Excel (.xlsx)").click()
    download = info.value
    assert download.suggested_filename == f"doi-chieu-cap-duoi-tinh-an-{seeded.province_plan.pk}.xlsx"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    assert ws["A1"].value == "Đối chiếu nhiệm vụ của kế hoạch cấp dưới — tỉnh An"
    unit_row = next(r for r in ws.iter_rows(min_row=6, values_only=True) if r[1] == "xã An Một")
    assert list(unit_row[2 + n_tasks : 2 + n_tasks + 3]) == counts  # the same counts as on the page
    assert len(wb.worksheets) >= 2
