"""Issue 14 item 10: the periodic report and the unit figures (home cockpit, plan targets, PAR
INDEX criteria) count the same tasks as done, by one rule: the latest report sent says "Hoàn
thành". Before, the figure also counted a task done when the officer accepted a report that said
"Đang thực hiện", so the home page showed more tasks done than the report sent upward."""

from datetime import date

from django.utils import timezone

from apps.plans.models import Milestone
from apps.reports.gather import unit_facts
from apps.tracking.models import ProgressReport
from core import measures
from core.reporting.facts import count_tasks
from core.reporting.periods import parse_period
from tests.apps.tracking.conftest import active_plan, make_task, milestone


def _report(m, sent: date, progress: str, status: str = "accepted"):
    Milestone.objects.filter(pk=m.pk).update(report_status=status, submitted_on=sent)
    ProgressReport.objects.create(
        milestone=m, agency=m.task.agencies.first().agency, text="Kết quả", progress=progress, percent=50
    )


def test_report_done_count_equals_the_completion_figure(world, monkeypatch):
    monkeypatch.setenv("CCHC_TODAY", "2026-01-20")
    plan = active_plan(world.a1, "Kế hoạch CCHC năm 2025")
    accepted_running, done, late_done, recurring, missed, cancelled = (
        make_task(plan, str(i), world.kt_a1) for i in range(1, 7)
    )
    _report(milestone(accepted_running, date(2025, 6, 30)), date(2025, 6, 28), "in_progress")
    _report(milestone(done, date(2025, 9, 30)), date(2025, 9, 29), "done", status="submitted")
    _report(milestone(late_done, date(2025, 5, 31)), date(2025, 6, 10), "done")
    # "Báo cáo định kỳ hằng quý": every quarter reported "Hoàn thành" and accepted.
    for q, (day, sent) in enumerate(
        [((3, 31), (3, 30)), ((6, 30), (6, 29)), ((9, 30), (9, 30)), ((12, 31), (12, 26))], start=1
    ):
        m = milestone(recurring, date(2025, *day), f"Báo cáo quý {q}", kind="recurring")
        _report(m, date(2025, *sent), "done")
    milestone(missed, date(2025, 10, 31))
    _report(milestone(cancelled, date(2025, 4, 30)), date(2025, 4, 29), "done")
    cancelled.cancelled_at = timezone.now()
    cancelled.save()

    facts = unit_facts([world.a1], parse_period("2025-Y"))[world.a1.pk]
    in_report = count_tasks(facts.tasks)
    figure = measures.measure("task_completion_rate", world.a1, "2025-Y")
    on_time = measures.measure("task_on_time_rate", world.a1, "2025-Y")

    assert in_report.done == figure.numerator == 3  # done, late_done, recurring
    assert in_report.total == figure.denominator == 5
    assert in_report["done_on_time"] == on_time.numerator == 2


def test_a_report_drafted_before_its_cut_off_agrees_with_the_home_page(world, monkeypatch):
    """On 25/11 the year's report (cut-off 14/12) does not call a deadline of 28/11 missed: it is
    a picture of today, like the figure on the home page."""
    monkeypatch.setenv("CCHC_TODAY", "2025-11-25")
    plan = active_plan(world.a1, "Kế hoạch CCHC năm 2025")
    recurring, missed = (make_task(plan, str(i), world.kt_a1) for i in (1, 2))
    _report(milestone(recurring, date(2025, 10, 31), kind="recurring"), date(2025, 10, 30), "done")
    milestone(recurring, date(2025, 11, 28), kind="recurring")  # still ahead on 25/11
    milestone(missed, date(2025, 11, 20))

    facts = unit_facts([world.a1], parse_period("2025-Y"))[world.a1.pk]
    in_report = count_tasks(facts.tasks)
    figure = measures.measure("task_completion_rate", world.a1, "2025-Y")
    assert in_report.done == figure.numerator == 1
    assert in_report["overdue"] == 1
