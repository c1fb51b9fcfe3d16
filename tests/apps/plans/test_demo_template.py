"""The demo's draft typed into the XLSX template: read through the real import path, once."""

from __future__ import annotations

from apps.plans.demo import TEMPLATE_DEMO_TASKS, load_template_draft
from apps.plans.models import Plan
from apps.system.demo import load_orgs
from core.plandoc.diagnose import MANUAL_ROUTE, NO_TARGETS


def test_demo_template_draft_is_read_and_not_duplicated(db):
    load_orgs()
    load_template_draft()
    load_template_draft()
    plan = Plan.objects.get(org_unit__name="xã Anh Sơn")
    assert plan.status == Plan.Status.DRAFT and plan.source.format == "xlsx"
    assert plan.title == "Kế hoạch kiểm tra công tác cải cách hành chính năm 2026"
    assert (plan.period_start.isoformat(), plan.period_end.isoformat()) == ("2026-01-01", "2026-12-31")
    tasks = list(plan.tasks.order_by("position"))
    assert [t.content for t in tasks] == [row[2] for row in TEMPLATE_DEMO_TASKS]
    assert [t.area for t in tasks] == ["chi_dao", "chi_dao", "tthc", "cong_vu", "chi_dao"]
    leads = [a.agency.name for a in tasks[2].agencies.filter(role="lead")]
    assert leads == ["Công chức Văn phòng - Thống kê"]  # resolved in the commune's directory
    assert plan.warnings[0].startswith(f"{NO_TARGETS}: trang “Chỉ tiêu” chưa có dòng chỉ tiêu")
    assert plan.warnings[-1] == MANUAL_ROUTE
