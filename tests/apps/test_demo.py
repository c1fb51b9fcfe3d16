"""`cchc demo` builds the demo world and can run again without duplicating anything."""

from django.core.management import call_command

from apps.accounts.models import Membership, User
from apps.jobs.models import Job
from apps.orgs.models import Agency, Alias, OrgUnit
from apps.reports.models import PeriodicReport


def _counts():
    return [m.objects.count() for m in (OrgUnit, Agency, Alias, User, Membership, Job)]


def test_demo_is_idempotent(db, capsys):
    call_command("demo")
    first = _counts()
    call_command("demo")
    assert _counts() == first
    assert OrgUnit.objects.filter(name="xã Thường Xuân", parent__name="tỉnh Thanh Hóa").exists()
    assert Agency.objects.filter(org_unit__name="tỉnh Thanh Hóa", name="Sở Nội vụ").exists()
    assert "cv.thuongxuan" in capsys.readouterr().out
    # The province's Q3 draft was compiled by a real compile job, shown on its page.
    province = PeriodicReport.objects.get(org_unit__name="tỉnh Thanh Hóa", period_code="2025-Q3")
    job = Job.objects.get(kind="reports.compile")
    assert job.subject == province and job.status == "succeeded" and job.created_by.username == "snv.thanhhoa"
    assert len(province.compiled["rows"]) == job.total == 3


def test_demo_users_can_log_in(db, client):
    call_command("demo")
    assert (
        client.post(
            "/tai-khoan/dang-nhap/", {"username": "cv.thuongxuan", "password": "cchc-demo"}
        ).status_code
        == 302
    )
