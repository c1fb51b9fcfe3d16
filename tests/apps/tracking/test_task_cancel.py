"""A task with progress or evidence is never deleted: it is cancelled with a reason, kept, and left out
of the figures (issue 10, defect 4). Files of deleted records go with them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.plans import services as plan_services
from apps.plans.models import Milestone, Task
from apps.tracking import services
from apps.tracking.models import Evidence, ProgressReport
from tests.apps.tracking.conftest import opened

FIELDS = {"text": "Đã triển khai", "percent": 30, "progress": "in_progress", "reason": ""}
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def worked(world, plan_a1):
    """t_kt with a report on m_nov and an evidence file."""
    report = services.save_report(world.staff_a1, plan_a1.m_nov, FIELDS, expected_version=0)
    evidence = services.add_evidence_file(world.staff_a1, report, SimpleUploadedFile("qd.pdf", PDF))
    return report, evidence


def test_deleting_a_task_with_reports_is_refused_and_nothing_is_lost(world, plan_a1, worked, client):
    report, evidence = worked
    client.force_login(world.officer_a1)
    response = client.post(reverse("plans:task_delete", args=[plan_a1.t_kt.pk]), follow=True)
    assert "không xóa được" in response.content.decode()
    assert Task.objects.filter(pk=plan_a1.t_kt.pk).exists()
    assert ProgressReport.objects.filter(pk=report.pk).exists()
    assert Evidence.objects.filter(pk=evidence.pk).exists() and Path(evidence.file.path).is_file()


def test_a_task_without_work_is_still_deleted(world, plan_a1):
    plan_services.delete_task(world.officer_a1, plan_a1.t_event)
    assert not Task.objects.filter(pk=plan_a1.t_event.pk).exists()


def test_cancel_needs_a_reason_keeps_history_and_leaves_the_figures(world, plan_a1, worked, client):
    task = plan_a1.t_kt
    with pytest.raises(ValidationError, match="lý do"):
        plan_services.cancel_task(world.officer_a1, task, "  ", task.version)
    with pytest.raises(Exception):  # noqa: B017 - PermissionDenied for the agency's own staff
        plan_services.cancel_task(world.staff_a1, task, "Không còn phù hợp", task.version)
    client.force_login(world.officer_a1)
    response = client.post(
        reverse("plans:task_cancel", args=[task.pk]),
        {"reason": "Cấp trên điều chỉnh kế hoạch", "version": task.version},
    )
    assert response.status_code in (200, 302)
    task.refresh_from_db()
    assert task.cancelled_at is not None and task.cancel_reason == "Cấp trên điều chỉnh kế hoạch"
    assert ProgressReport.objects.filter(milestone__task=task).exists()  # history kept
    # out of the figures: dashboards, workspace, export, reminders, reports
    from apps.tracking.selectors import tracked_milestones

    assert not tracked_milestones().filter(task=task).exists()
    client.force_login(world.staff_a1)
    assert task.content not in client.get(reverse("tracking:workspace")).content.decode()
    with pytest.raises(ValidationError, match="dừng"):
        services.save_report(world.staff_a1, plan_a1.m_nov, FIELDS, expected_version=opened(plan_a1.m_nov))
    from apps.tracking.remind import plan_reminders

    with time_machine.travel(date(2025, 12, 30), tick=False):
        assert not {o.milestone_id for o in plan_reminders(date(2025, 12, 30))} & {
            plan_a1.m_nov.pk,
            plan_a1.m_q4.pk,
        }
    from apps.reports.gather import unit_facts
    from core.reporting.periods import parse_period

    facts = unit_facts([world.a1], parse_period("2025-Q4"))[world.a1.pk]
    assert task.content not in [t.content for t in facts.tasks]
    from core.measures import measure

    with time_machine.travel(date(2025, 12, 30), tick=False):  # the home page's rates, as the reports'
        done = measure("task_completion_rate", world.a1, "2025-Y")
    assert done is None or done.denominator == len({t.content for t in facts.tasks if t.due})
    body = client.get(reverse("plans:detail", args=[plan_a1.plan.pk])).content.decode()
    assert "Dừng thực hiện" in body and "Cấp trên điều chỉnh kế hoạch" in body


def test_restore_brings_the_task_back(world, plan_a1, worked):
    task = plan_a1.t_kt
    task = plan_services.cancel_task(world.officer_a1, task, "Tạm dừng", task.version)
    task = plan_services.restore_task(world.officer_a1, task, task.version)
    assert task.cancelled_at is None and task.cancel_reason == ""
    from apps.tracking.selectors import tracked_milestones

    assert tracked_milestones().filter(task=task).exists()


def test_files_of_deleted_records_are_removed(world, plan_a1, worked, django_capture_on_commit_callbacks):
    """Evidence removed with its report's milestone (a cascade), the file with it."""
    _report, evidence = worked
    path = Path(evidence.file.path)
    with django_capture_on_commit_callbacks(execute=True):
        Milestone.objects.filter(pk=plan_a1.m_nov.pk).delete()
    assert not Evidence.objects.exists()
    assert not path.exists()


def _row(html: str, task) -> str:
    start = html.index(f'id="task-{task.pk}"')
    return html[start : html.index("</article>", start)]


def test_refused_cancel_shows_beside_the_reason_in_the_row(world, plan_a1, client):
    """Issue 14 item 5: a server refusal (blank reason, stale version) was a banner; the row now
    shows it beside the reason box, with the typed reason kept and nothing changed."""
    task = plan_a1.t_kt
    client.force_login(world.officer_a1)
    url = reverse("plans:task_cancel", args=[task.pk])
    response = client.post(url, {"reason": "   ", "version": task.version})
    assert response.status_code == 200
    row = _row(response.content.decode(), task)
    assert "has-error" in row and "Vui lòng ghi lý do" in row and 'aria-invalid="true"' in row
    plan_services.update_task(world.officer_a1, task, {"notes": "Sửa bởi người khác"}, task.version)
    response = client.post(url, {"reason": "Cấp trên điều chỉnh kế hoạch", "version": task.version})
    assert response.status_code == 200
    row = _row(response.content.decode(), task)
    assert "has-error" in row and 'value="Cấp trên điều chỉnh kế hoạch"' in row
    other = _row(response.content.decode(), plan_a1.t_hcc)
    assert "has-error" not in other and "Cấp trên điều chỉnh" not in other
    task.refresh_from_db()
    assert task.cancelled_at is None


def test_refused_cancel_in_place_returns_the_row(world, plan_a1, client):
    task = plan_a1.t_kt
    client.force_login(world.officer_a1)
    response = client.post(
        reverse("plans:task_cancel", args=[task.pk]),
        {"reason": "Lý do", "version": task.version + 5},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith("<article") and "has-error" in html and 'value="Lý do"' in html
