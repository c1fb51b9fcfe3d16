"""Fixtures for follow-up tests, on top of the shared named world (tests/apps/conftest.py).

``plan_a1``: an active 2025 plan of commune A1 with three tasks:
- ``t_kt``: lead Phòng Kinh tế A1 (head_a1, staff_a1), coordinating Trung tâm HCC A1 (staff_a1_hcc);
  milestones: ``m_q4`` due 31/12/2025 and ``m_nov`` due 28/11/2025.
- ``t_hcc``: lead Trung tâm HCC A1; milestone ``m_hcc`` due 15/12/2025.
- ``t_event``: lead Phòng Kinh tế A1; on-event milestone ``m_event`` (no date).
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from apps.plans.models import Milestone, Plan, Task, TaskAgency
from tests.apps.conftest import _user

PASSWORD = "mat-khau-thu-nghiem-1"


def make_task(plan: Plan, no: str, lead, coordinating=(), area: str = "tthc") -> Task:
    task = Task.objects.create(
        plan=plan, area=area, no=no, content=f"Nhiệm vụ {no} của kế hoạch", position=int(no)
    )
    for i, agency in enumerate([lead] if lead else []):
        TaskAgency.objects.create(task=task, role="lead", position=i, printed=agency.name, agency=agency)
    for i, agency in enumerate(coordinating):
        TaskAgency.objects.create(
            task=task, role="coordinating", position=i, printed=agency.name, agency=agency
        )
    return task


def active_plan(
    unit,
    title: str = "Kế hoạch CCHC năm 2025",
    first: date = date(2025, 1, 1),
    last: date = date(2025, 12, 31),
) -> Plan:
    """An active plan of ``unit`` in force from ``first`` to ``last`` (the year 2025 unless said)."""
    return Plan.objects.create(
        org_unit=unit, title=title, period_start=first, period_end=last, status=Plan.Status.ACTIVE
    )


def milestone(task: Task, due: date | None, label: str = "Báo cáo kết quả", kind: str = "once") -> Milestone:
    return Milestone.objects.create(task=task, label=label, kind=kind, due=due)


@pytest.fixture
def plan_a1(world):
    p = SimpleNamespace()
    p.plan = active_plan(world.a1, "Kế hoạch CCHC năm 2025 của xã An Một")
    p.t_kt = make_task(p.plan, "1", world.kt_a1, [world.hcc_a1], area="tthc")
    p.t_hcc = make_task(p.plan, "2", world.hcc_a1, area="chinh_quyen_so")
    p.t_event = make_task(p.plan, "3", world.kt_a1, area="the_che")
    p.m_q4 = milestone(p.t_kt, date(2025, 12, 31), "Báo cáo quý IV")
    p.m_nov = milestone(p.t_kt, date(2025, 11, 28), "Hoàn thành tháng 11")
    p.m_hcc = milestone(p.t_hcc, date(2025, 12, 15))
    p.m_event = milestone(p.t_event, None, "Khi có hướng dẫn", kind="on_event")
    world.head_hcc_a1 = _user("head_hcc_a1", world.a1, "head", world.hcc_a1)
    return p


@pytest.fixture
def emails(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from django.core import mail

    return mail.outbox


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Evidence files go to a temporary MEDIA_ROOT, never into var/."""
    settings.MEDIA_ROOT = tmp_path / "media"


def opened(obj) -> int:
    """The version an editor opening ``obj`` now would hold (optimistic locking, issue 10 defect 3):
    a report's current version, or for a milestone its report's version, 0 when it has none."""
    from apps.tracking.models import ProgressReport

    if isinstance(obj, ProgressReport):
        return ProgressReport.objects.get(pk=obj.pk).version
    report = ProgressReport.objects.filter(milestone_id=obj.pk).first()
    return report.version if report else 0
