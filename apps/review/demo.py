"""Demo step: the Thanh Hóa commune plans linked task by task to the province plan, and one finding
dismissed with a reason, so a newcomer sees findings, cascade links and the coverage matrix."""

from __future__ import annotations

from apps.accounts.models import User
from apps.plans.models import Plan
from apps.review.findings import plan_findings
from apps.review.models import FindingDismissal, TaskAlignment
from apps.review.services import dismiss_finding, link_tasks
from apps.system.demo import demo_step

PROVINCE = "tỉnh Thanh Hóa"
DEMO_DISMISSAL = ("xã Thường Xuân", "cv.thuongxuan", "deadline_outside_period")


@demo_step(40, "Rà soát kế hoạch: đối chiếu các kế hoạch xã với kế hoạch tỉnh Thanh Hóa")
def align_demo_plans() -> None:
    children = Plan.objects.filter(parent__org_unit__name=PROVINCE, status=Plan.Status.ACTIVE).select_related(
        "org_unit"
    )
    for plan in children:
        if not TaskAlignment.objects.filter(task__plan=plan).exists():
            link_tasks(None, plan, quiet=True)
    unit, username, rule = DEMO_DISMISSAL
    plan = next((p for p in children if p.org_unit.name == unit), None)
    officer = User.objects.filter(username=username).first()
    if plan is None or officer is None or FindingDismissal.objects.filter(plan=plan).exists():
        return
    item = next((f for f in plan_findings(plan) if f.finding.rule == rule and f.dismissal is None), None)
    if item is not None:
        dismiss_finding(
            officer,
            plan,
            *item.key,
            "Báo cáo tổng kết năm nộp vào Quý I năm sau là đúng quy định, không phải lỗi thời hạn.",
        )
