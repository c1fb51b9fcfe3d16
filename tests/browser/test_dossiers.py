"""Dossier import and the indicator pages in a real browser: a file uploaded and imported through the
job box, the dashboard and its drill-down on a phone (nothing sticks out, clean console)."""

from __future__ import annotations

import pytest

from apps.dossiers.models import Dossier
from tests.apps.dossiers.conftest import catalogue, row, write_csv  # noqa: F401 - fixtures, reused
from tests.browser.conftest import RESULTS_DIR, log_in
from tests.browser.test_phone_pages import check

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_upload_a_file_and_follow_the_import(page, world, catalogue, write_csv, settings):  # noqa: F811
    settings.CCHC_TODAY = "2025-11-25"
    path = write_csv([row(), row(MaHoSo="HS-2", KenhThucHien="2"), row(MaHoSo="BAD", DonVi="xã Không Có")])
    log_in(page, "officer_a1")
    page.goto(page.base + "/ho-so/")
    page.get_by_label("Tệp hồ sơ (CSV hoặc Excel .xlsx)").set_input_files(str(path))
    page.get_by_role("button", name="Tải lên và nhập").click()
    page.get_by_text("Đã thêm 2 hồ sơ").first.wait_for(timeout=20_000)
    assert "xã Không Có" in page.content()
    assert Dossier.objects.count() == 2
    RESULTS_DIR.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS_DIR / "dossier-import.png"), full_page=True)
    page.goto(page.base + f"/chi-so/?don-vi={world.a1.pk}&ky=2025-Q3")
    page.locator("svg.trend").first.wait_for()
    on_time = page.locator("#chi-so-on_time_rate").inner_text()
    assert "2/2" in on_time and "100,00%" in on_time
    page.screenshot(path=str(RESULTS_DIR / "indicators-desktop.png"), full_page=True)


def test_indicator_pages_fit_a_phone(phone, world, catalogue, write_csv, settings):  # noqa: F811
    from apps.dossiers.pipeline import ImportRequest, import_file

    settings.CCHC_TODAY = "2025-11-25"
    rows = [row(MaHoSo=f"HS-{i}", KenhThucHien=str(1 + i % 2), NgayKetThucXuLy="" if i % 4 == 0 else "20250702100000",
                NgayTra="", TrangThaiHoSo="") for i in range(12)]  # fmt: skip
    import_file(write_csv(rows), ImportRequest())
    faults: list[str] = []
    log_in(phone, "officer_a")
    check(
        phone,
        f"/chi-so/?don-vi={world.a.pk}&ky=2025-Q3",
        faults,
        ready="svg.trend",
        shot="indicators-province",
    )
    phone.get_by_role("link", name="xã An Một").first.click()
    phone.wait_for_load_state("load")
    assert "Hộ tịch" in phone.content()
    check(phone, f"/chi-so/?don-vi={world.a1.pk}&ky=2025-Q3&linh-vuc={catalogue['ht'].pk}", faults)
    check(phone, f"/chi-so/tre-han/?don-vi={world.a1.pk}&ky=2025-Q3", faults, shot="late-dossiers")
    check(phone, f"/chi-so/ho-so/?don-vi={world.a1.pk}&ky=2025-Q3", faults)
    check(phone, f"/chi-so/ho-so/{Dossier.objects.get(code='HS-0').pk}/", faults)
    check(phone, "/ho-so/", faults)
    assert not faults, "\n".join(faults)
