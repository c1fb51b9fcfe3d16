"""The system administrator's home card: background jobs that failed in the last 7 days and people
with no role, for administrators only and each within their own scope."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.jobs.models import Job
from apps.reports.jobs import KIND as COMPILE
from tests.apps.conftest import _user
from tests.apps.queries import queries_with_more_data

CARD = 'id="quan-tri"'


def failed(unit, days_ago: float = 1, **extra) -> Job:
    """A job that failed ``days_ago`` days ago (a report compilation, whose page asks reports.view)."""
    fields = {"kind": COMPILE, "org_unit": unit, "status": Job.Status.FAILED, "error": "Lỗi thử nghiệm"}
    job = Job.objects.create(**(fields | extra))
    Job.objects.filter(pk=job.pk).update(finished_at=timezone.now() - timedelta(days=days_ago))
    return job


@pytest.fixture
def jobs(world):
    """Failed lately: one of commune A1, one of province B, one system-wide (no unit). Not counted:
    one that failed 8 days ago, one that succeeded, one still queued."""
    return {
        "a1": failed(world.a1),
        "b1": failed(world.b1, days_ago=2),
        "system": failed(None, days_ago=0.5),
        "old": failed(world.a1, days_ago=8),
        "ok": failed(world.a1, status=Job.Status.SUCCEEDED),
        "queued": Job.objects.create(kind=COMPILE, org_unit=world.a1),
    }


def home(login, user) -> str:
    response = login(user).get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def test_superuser_sees_every_failed_job_and_people_without_a_role(world, jobs, login):
    body = home(login, world.root)
    assert CARD in body
    assert "Tác vụ nền thất bại trong 7 ngày qua (3)" in body
    for key in ("a1", "b1", "system"):
        assert reverse("jobs:status", args=[jobs[key].pk]) in body
    for key in ("old", "ok", "queued"):
        assert reverse("jobs:status", args=[jobs[key].pk]) not in body
    assert "Lỗi thử nghiệm" in body
    # world.nobody holds no role; the superuser needs none; a locked account is left out.
    _user("locked_out", is_active=False)
    body = home(login, world.root)
    assert "Người dùng chưa được giao vai trò (1)" in body
    assert reverse("accounts:user_detail", args=[world.nobody.pk]) in body


def test_unit_admin_sees_only_the_failed_jobs_of_the_units_they_administer(world, jobs, login):
    body = home(login, world.admin_a)
    assert CARD in body and "Tác vụ nền thất bại trong 7 ngày qua (1)" in body
    assert f"#{jobs['a1'].pk}" in body
    assert f"#{jobs['b1'].pk}" not in body  # another province
    assert f"#{jobs['system'].pk}" not in body  # system-wide: the superuser's
    assert "chưa được giao vai trò" not in body  # people with no unit are not theirs to open


def test_a_job_link_is_shown_only_when_the_job_page_opens(world, jobs, login):
    page = reverse("jobs:status", args=[jobs["a1"].pk])
    # The commune's own admin may read the commune's reports, so the job page opens for them.
    assert page in home(login, world.admin_a1)
    assert login(world.admin_a1).get(page).status_code == 200
    # The province admin sees the failure listed but not a link the job page would refuse.
    assert page not in home(login, world.admin_a)
    assert login(world.admin_a).get(page).status_code == 404


def test_the_card_counts_nothing_when_nothing_failed(world, login):
    failed(world.a1, days_ago=10)
    body = home(login, world.admin_a1)
    assert "Tác vụ nền thất bại trong 7 ngày qua (0)" in body
    assert "Không có tác vụ nền nào thất bại" in body


@pytest.mark.parametrize(
    "who",
    ["officer_a", "officer_a1", "head_a1", "staff_a1", "leader_a1", "viewer_a1", "appraiser_a", "nobody"],
)
def test_no_other_role_sees_the_card(world, jobs, login, who):
    body = home(login, getattr(world, who))
    assert CARD not in body and "Tác vụ nền thất bại" not in body
    assert reverse("jobs:status", args=[jobs["a1"].pk]) not in body


@pytest.mark.parametrize("who", ["root", "admin_a1"])
def test_query_count_does_not_grow_with_failures_or_people(world, login, who):
    """Each list is one bounded query; the subjects a unit admin's links depend on are prefetched."""
    client = login(getattr(world, who))

    def add(n):
        for i in range(n):
            failed(world.a1, days_ago=i / 10, subject=world.a1 if i % 2 else None)
            _user(f"moi_{n}_{i}")

    body, few, many = queries_with_more_data(client, reverse("home"), add)
    assert "Tác vụ nền thất bại trong 7 ngày qua (22)" in body
    assert many == few, f"{few} truy vấn với ít dữ liệu, {many} với nhiều"
