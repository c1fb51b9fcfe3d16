"""Demo step: believable progress on the demo plans as of DEMO_DATE (late 2025), idempotent.

Each dated milestone up to the demo date gets a fate chosen from a hash of its id (stable across
runs and databases): most accepted (some sent late), some returned with a comment, some waiting
for the head or the officer, some never reported. Milestones that already have a report are left
alone, so re-running adds nothing. Set CCHC_TODAY=2025-11-25 to view it "as of" that day.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from apps.accounts.models import Membership, Role
from apps.plans.models import Milestone, Plan, TaskAgency
from apps.system.demo import demo_step
from apps.tracking.models import ProgressReport
from apps.tracking.remind import ensure_checkins

DEMO_DATE = date(2025, 11, 25)
TEXTS = [
    "Đã ban hành kế hoạch triển khai và phân công cán bộ phụ trách.",
    "Đã tổ chức rà soát, tổng hợp kết quả, báo cáo theo đúng mẫu.",
    "Đã cập nhật thông tin lên Cổng thông tin điện tử của xã.",
    "Đã tổ chức hội nghị quán triệt; 100% cán bộ, công chức tham dự.",
]
IN_PROGRESS_TEXT = "Đang triển khai, dự kiến hoàn thành trong tháng tới."
RETURN_COMMENTS = [
    "Đề nghị bổ sung số liệu cụ thể và tài liệu kiểm chứng.",
    "Chưa nêu rõ kết quả so với chỉ tiêu.",
]


def _fate(pk: int) -> int:
    return int(hashlib.sha256(f"cchc-demo-{pk}".encode()).hexdigest()[:6], 16) % 100


def _people() -> dict[tuple[int, str], int]:
    rows = Membership.objects.filter(role__in=[Role.STAFF, Role.HEAD, Role.OFFICER])
    return {(m.agency_id or m.org_unit_id, m.role): m.user_id for m in rows}


def _report_for(m: Milestone, agency_id: int, fate: int, people) -> tuple[ProgressReport, str, date | None]:
    """What happened to this milestone: (report, workflow status, first submission day)."""
    late = fate % 7 == 0
    sent = m.due + timedelta(days=3 + fate % 9) if late else m.due - timedelta(days=fate % 5)
    sent = min(sent, DEMO_DATE)
    status = (
        "accepted"
        if fate < 62
        else "returned"
        if fate < 70
        else "approved"
        if fate < 76
        else "submitted"
        if fate < 82
        else "draft"
    )
    # The text agrees with the progress: a report marked done never says "đang triển khai".
    text = TEXTS[fate % len(TEXTS)] if status == "accepted" or fate % 5 else IN_PROGRESS_TEXT
    report = ProgressReport(
        milestone=m, agency_id=agency_id, text=text,
        percent=100 if status == "accepted" else 40 + fate % 50,
        progress="done" if status == "accepted" else "in_progress",
        created_by_id=people.get((agency_id, Role.STAFF)) or people.get((agency_id, Role.HEAD)),
        submitted_by_id=people.get((agency_id, Role.STAFF)), review_comment=RETURN_COMMENTS[fate % 2] if status == "returned" else "",
    )  # fmt: skip
    if status != "draft":  # stamped on the business dates, as cchc.clock.now() stamps real sends
        report.submitted_at = _at(sent, 9)
        if status in ("approved", "accepted"):
            report.approved_at = _at(min(sent + timedelta(days=1), DEMO_DATE), 14)
    return report, status, (sent if status != "draft" else None)


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


@demo_step(40, "Tiến độ thực hiện mẫu (đến 25/11/2025)")
def load_progress() -> None:
    ensure_checkins()
    leads = dict(
        TaskAgency.objects.filter(role="lead", agency__isnull=False, task__plan__status=Plan.Status.ACTIVE)
        .order_by("task_id", "-position")
        .values_list("task_id", "agency_id")
    )
    todo = Milestone.objects.filter(
        task__plan__status=Plan.Status.ACTIVE,
        due__isnull=False,
        due__lte=DEMO_DATE + timedelta(days=20),
        report__isnull=True,
    ).order_by("pk")
    people, reports, updates = _people(), [], []
    for m in todo:
        fate, agency_id = _fate(m.pk), leads.get(m.task_id)
        if agency_id is None or (m.due > DEMO_DATE and fate > 30) or (m.due <= DEMO_DATE and 82 <= fate < 92):
            continue  # later milestones mostly untouched; about one in ten past ones never reported
        report, status, sent = _report_for(m, agency_id, fate if m.due <= DEMO_DATE else 90, people)
        if status in ("submitted", "approved"):
            report.waiting_since = sent  # the queue's "days waiting" count from it
        reports.append(report)
        m.report_status, m.submitted_on = status, sent
        updates.append(m)
    ProgressReport.objects.bulk_create(reports, batch_size=1000)
    Milestone.objects.bulk_update(updates, ["report_status", "submitted_on"], batch_size=1000)
