"""The working-day calendar lives in the database: seeded, edited by superusers only, used by commands."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from apps.tracking import services
from apps.tracking.calendar import work_calendar
from apps.tracking.models import CalendarDay
from core.workdays import OFFICIAL_OVERRIDES


def run(*args: str) -> str:
    out = StringIO()
    call_command("workdays", *args, stdout=out)
    return out.getvalue().strip()


@pytest.mark.django_db
def test_seeded_with_the_official_schedules_of_2024_to_2026():
    expected = {o.day for year in (2024, 2025, 2026) for o in OFFICIAL_OVERRIDES[year]}
    assert expected <= set(CalendarDay.objects.values_list("day", flat=True))


@pytest.mark.django_db
def test_add_over_tet_2025():
    assert run("add", "2025-01-24", "3") == "2025-02-05"


@pytest.mark.django_db
def test_between_counts_working_days():
    assert run("between", "2025-01-24", "2025-02-05") == "3"
    assert run("between", "24/01/2025", "05/02/2025") == "3"
    assert run("is", "2025-04-26") == "làm việc"  # làm bù Saturday


@pytest.mark.django_db
def test_bad_date_is_one_clear_line():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="Ngày không hợp lệ"):
        run("add", "24-01-2025", "3")


def test_an_edit_is_seen_at_once(world):
    day = date(2025, 11, 24)  # a Monday
    assert work_calendar().is_working_day(day)
    row = services.save_calendar_day(world.root, day, "off", "Nghỉ theo quyết định riêng")
    assert not work_calendar().is_working_day(day)
    services.delete_calendar_day(world.root, row)
    assert work_calendar().is_working_day(day)


def test_a_work_row_cancels_a_library_holiday(world):
    """holidays 0.109 makes 24/11/2026 a holiday; an admin who has no notice for it can cancel it."""
    day = date(2026, 11, 24)
    assert not work_calendar().is_working_day(day)
    services.save_calendar_day(world.root, day, "work", "Chưa có văn bản hướng dẫn")
    assert work_calendar().is_working_day(day)


def test_make_up_day_must_be_a_weekend(world):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="đã là ngày làm việc"):
        services.save_calendar_day(world.root, date(2025, 11, 24), "work", "")


def test_page_for_superuser_only(world, login):
    url = reverse("tracking:calendar_days") + "?nam=2025"
    assert login(world.admin_a).get(url).status_code == 403
    response = login(world.root).get(url)
    assert response.status_code == 200
    assert "Làm bù cho thứ Sáu 02/5/2025" in response.content.decode()
    response = login(world.root).post(url, {"day": "22/11/2025", "kind": "work", "note": "Làm bù"})
    assert response.status_code == 302
    assert CalendarDay.objects.filter(day=date(2025, 11, 22), kind="work").exists()


def test_denied_edit_by_province_admin(world):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.save_calendar_day(world.admin_a, date(2025, 11, 24), "off", "")
