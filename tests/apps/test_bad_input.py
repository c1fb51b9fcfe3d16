"""Bad input gets a Vietnamese message or a 4xx, never a 500 or a traceback (issue 10, defect 7).

Pages, query strings, path numbers, the command line, the environment and a database that has
become read-only, each as the adversarial review found them."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from apps.plans import services as plan_services
from apps.plans.models import Plan, Task
from tests.apps.test_cli_errors import CCHC, cchc


@pytest.fixture
def plan(world):
    p = Plan.objects.create(
        org_unit=world.a1, title="Kế hoạch", period_start=date(2025, 1, 1), period_end=date(2025, 12, 31)
    )
    Task.objects.create(plan=p, area="tthc", content="Báo cáo", deadline_text="Định kỳ hằng quý", position=1)
    return p


def test_plan_period_to_year_9999_is_refused_in_vietnamese(world, plan, client):
    client.force_login(world.officer_a1)
    data = {"title": "Kế hoạch", "period_start": "01/01/2025", "period_end": "31/12/9999", "version": 1}
    response = client.post(reverse("plans:header", args=[plan.pk]), data, follow=True)
    # The form comes back open with what was typed, the error beside the period (HTTP 400).
    assert response.status_code == 400 and "năm" in response.content.decode()
    assert 'value="31/12/9999"' in response.content.decode()
    plan.refresh_from_db()
    assert plan.period_end == date(2025, 12, 31)
    with pytest.raises(Exception, match="năm"):
        plan_services.update_plan(world.officer_a1, plan, {"period_end": date(9999, 12, 31)}, plan.version)


def test_confirming_a_plan_stored_with_absurd_dates_is_a_message_not_a_500(world, plan, client):
    Plan.objects.filter(pk=plan.pk).update(period_end=date(9999, 12, 31))
    client.force_login(world.officer_a1)
    response = client.post(reverse("plans:confirm", args=[plan.pk]), {"reason": "thử"}, follow=True)
    assert response.status_code == 200 and "năm" in response.content.decode()
    assert Plan.objects.get(pk=plan.pk).status == Plan.Status.DRAFT


def test_audit_filter_with_year_one_is_a_message(world, client):
    client.force_login(world.admin_a)
    response = client.get(reverse("audit:list"), {"from": "01/01/0001", "to": "31/12/9999"})
    assert response.status_code == 200 and "không hợp lệ" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/ke-hoach/99999999999999999999/",
        "/theo-doi/moc/99999999999999999999/",
        "/theo-doi/bang-theo-doi/?don_vi=99999999999999999999",
        "/theo-doi/?ke_hoach=99999999999999999999",
        "/theo-doi/lich-lam-viec/?nam=0",
        "/theo-doi/lich-lam-viec/?nam=99999",
        "/bao-cao/?ky=9999-Q1",
    ],
)
def test_absurd_numbers_in_urls_are_4xx_or_a_page(world, client, url):
    client.force_login(world.root)
    assert client.get(url).status_code in (200, 400, 404)


def test_cli_workdays_with_a_huge_count_says_so(db):
    with pytest.raises(CommandError, match="ngày làm việc"):
        call_command("workdays", "add", "2025-01-24", "99999999")


@pytest.mark.parametrize("as_of", ["9999-12-31", "0001-01-01"])
def test_cli_remind_far_date_says_so(db, as_of):
    with pytest.raises(CommandError, match="năm"):
        call_command("remind", "--as-of", as_of)


@pytest.mark.skipif(not CCHC.exists(), reason=".venv/bin/cchc chưa được cài")
@pytest.mark.parametrize(
    "name, value",
    [
        ("LOGIN_FAILURE_LIMIT", "abc"),
        ("LOGIN_FAILURE_LIMIT", "0"),
        ("LOGIN_FAILURE_WINDOW_SECONDS", "-5"),
        ("UPLOAD_MAX_BYTES", "1e9"),
        ("DEBUG", "maybe"),
        ("CCHC_TODAY", "31/12/2025"),
        ("EMAIL_PORT", "99999"),
    ],
)
def test_bad_environment_is_one_vietnamese_line(tmp_path, name, value):
    result = cchc("check", var_dir=tmp_path, **{name: value})
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    assert name in result.stderr and "cchc:" in result.stderr


def test_serve_with_a_bad_port_is_one_line(tmp_path):
    result = cchc("serve", "--port", "99999", var_dir=tmp_path)
    assert result.returncode != 0 and "Traceback" not in result.stderr and "cổng" in result.stderr


def _read_only():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET default_transaction_read_only = on")
            cursor.execute("SET transaction_read_only = on")
        else:
            cursor.execute("PRAGMA query_only = ON")


def _writable():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET default_transaction_read_only = off")
        else:
            cursor.execute("PRAGMA query_only = OFF")


def test_healthz_checks_that_the_database_can_be_written(transactional_db, client):
    assert client.get("/healthz").status_code == 200
    _read_only()
    try:
        response = client.get("/healthz")
    finally:
        _writable()
    assert response.status_code == 503 and "ghi" in response.json()["detail"]


def test_a_read_only_database_gives_a_vietnamese_page_not_a_bare_500(transactional_db, world, client):
    client.raise_request_exception = False
    _read_only()
    try:
        response = client.post(reverse("accounts:login"), {"username": "officer_a1", "password": "x"})
    finally:
        _writable()
    assert response.status_code == 503
    assert "không ghi được dữ liệu" in response.content.decode()


def test_an_unexpected_error_page_is_vietnamese(client, settings):
    from cchc.views import server_error

    response = server_error(_request())
    assert response.status_code == 500 and "Đã có lỗi" in response.content.decode()


def _request():
    from django.test import RequestFactory

    return RequestFactory().get("/")
