"""The search box: accent-free matching, grouped results, and nothing outside the user's scope."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from apps.plans.models import Milestone, Plan, Task, TaskAgency
from apps.reports.models import PeriodicReport
from apps.search import selectors
from apps.tracking.models import ProgressReport


def _plan(unit, title, status=Plan.Status.ACTIVE):
    return Plan.objects.create(
        org_unit=unit,
        title=title,
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        status=status,
    )


def _task(plan, no, content, lead, report_text=None):
    task = Task.objects.create(plan=plan, area="tthc", no=no, content=content, position=int(no))
    TaskAgency.objects.create(task=task, role="lead", position=0, printed=lead.name, agency=lead)
    m = Milestone.objects.create(
        task=task, label=f"Báo cáo nhiệm vụ {no}", kind="once", due=date(2025, 11, 28)
    )
    if report_text:
        ProgressReport.objects.create(milestone=m, agency=lead, text=report_text)
    return task


def _report(unit, code="2025-Q3", status="draft", **extra):
    return PeriodicReport.objects.create(
        org_unit=unit,
        period_code=code,
        period_start=date(2025, 6, 15),
        period_end=date(2025, 9, 14),
        due=date(2025, 9, 20),
        status=status,
        **extra,
    )


@pytest.fixture
def data(world):
    d = type("D", (), {})()
    d.plan_a1 = _plan(world.a1, "Kế hoạch cải cách hành chính năm 2025 của xã An Một")
    d.task_kt = _task(
        d.plan_a1,
        "1",
        "Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực đất đai",
        world.kt_a1,
        "Đã cải cách quy trình cấp giấy chứng nhận quyền sử dụng đất",
    )
    d.task_hcc = _task(
        d.plan_a1,
        "2",
        "Cải cách thủ tục tại Trung tâm Phục vụ hành chính công",
        world.hcc_a1,
        "Bộ phận một cửa đã cải cách cách tiếp nhận hồ sơ",
    )
    d.plan_a2 = _plan(world.a2, "Kế hoạch cải cách hành chính năm 2025 của xã An Hai")
    d.task_a2 = _task(
        d.plan_a2,
        "1",
        "Cải cách thủ tục hành chính về đất đai của xã An Hai",
        world.kt_a2,
        "Xã An Hai đã cải cách thủ tục đất đai",
    )
    d.plan_b1 = _plan(world.b1, "Kế hoạch cải cách hành chính năm 2025 của xã Bình Một")
    d.report_a1 = _report(world.a1, achievements="Cải cách thủ tục hành chính đạt kết quả tốt")
    d.report_a2 = _report(world.a2, status="submitted", achievements="Cải cách thủ tục đạt yêu cầu")
    return d


def _found(user, query):
    """{kind: [title or url, ...]} for a query."""
    return {g.kind: [h.url for h in g.hits] for g in selectors.run(user, query).groups}


def test_accent_free_query_finds_accented_text_and_case_does_not_matter(world, data):
    plain = _found(world.officer_a1, "cai cach")
    assert reverse("plans:detail", args=[data.plan_a1.pk]) in plain["plans"]
    assert _found(world.officer_a1, "CẢI CÁCH") == plain == _found(world.officer_a1, "Cải   Cách")
    # every word must appear: "dat dai" narrows the tasks to the land one
    tasks = _found(world.officer_a1, "thu tuc dat dai")["tasks"]
    assert tasks == [reverse("plans:detail", args=[data.plan_a1.pk]) + f"#task-{data.task_kt.pk}"]


def test_commune_officer_never_sees_another_communes_plans_tasks_or_reports(world, data):
    found = _found(world.officer_a1, "cai cach")
    every_url = [u for urls in found.values() for u in urls]
    assert reverse("plans:detail", args=[data.plan_a2.pk]) not in every_url
    assert not any(f"#task-{data.task_a2.pk}" in u for u in every_url)
    a2_milestone = data.task_a2.milestones.get()
    assert reverse("tracking:milestone", args=[a2_milestone.pk]) not in every_url
    assert not any(f"/don-vi/{world.a2.pk}/" in u for u in every_url)
    assert not any(f"/don-vi/{world.b1.pk}/" in u for u in every_url)
    # ...while its own are all there
    assert found["tasks"] == [reverse("plans:detail", args=[data.plan_a1.pk]) + f"#task-{data.task_hcc.pk}"]
    assert len(found["progress"]) == 2 and len(found["reports"]) == 1
    # and a commune of another province finds nothing of province A
    other = _found(world.officer_b1, "cai cach")
    assert other == {"plans": [reverse("plans:detail", args=[data.plan_b1.pk])]}


def test_agency_staff_finds_only_their_agencys_progress_reports(world, data):
    found = _found(world.staff_a1, "cai cach")
    kt = reverse("tracking:milestone", args=[data.task_kt.milestones.get().pk])
    hcc = reverse("tracking:milestone", args=[data.task_hcc.milestones.get().pk])
    assert found["progress"] == [kt] and hcc not in found["progress"]
    # the plan page shows every task of the plan to them, so the search does too
    assert found["tasks"] == [reverse("plans:detail", args=[data.plan_a1.pk]) + f"#task-{data.task_hcc.pk}"]


def test_periodic_reports_follow_reports_view(world, data):
    # province officer: the commune's submitted report, never its draft
    found = _found(world.officer_a, "cai cach")
    assert found["reports"] == [reverse("reports:report", args=[world.a2.pk, "2025-Q3"]) + "?phien-ban=1"]
    # found by period in words, without accents
    mine = _found(world.officer_a1, "quy iii 2025")
    assert mine["reports"] == [reverse("reports:report", args=[world.a1.pk, "2025-Q3"]) + "?phien-ban=1"]
    assert _found(world.viewer_a1, "bao cao quy iii")["reports"] == mine["reports"]
    assert "reports" not in _found(world.officer_b1, "quy iii")


def test_agencies_of_visible_units_only(world, data):
    mine = _found(world.officer_a1, "phong kinh te")["agencies"]
    assert mine == [reverse("orgs:unit_detail", args=[world.a1.pk]) + f"#agency-{world.kt_a1.pk}"]
    province = _found(world.admin_a, "phong kinh te")["agencies"]
    assert len(province) == 2 and f"#agency-{world.kt_a2.pk}" in " ".join(province)


def test_page_groups_results_and_refuses_anonymous(world, data, client):
    assert client.get(reverse("search:search"), {"q": "cai cach"}).status_code == 302
    client.force_login(world.officer_a1)
    page = client.get(reverse("search:search"), {"q": "cai cach"}).content.decode()
    for label in ("Kế hoạch", "Nhiệm vụ", "Báo cáo tiến độ", "Báo cáo định kỳ"):
        assert f"<h2>{label} " in page
    assert "xã An Hai" not in page
    assert 'value="cai cach"' in page  # the box keeps what was typed
    nothing = client.get(reverse("search:search"), {"q": "khong co gi nhu the nay"}).content.decode()
    assert "Không tìm thấy kết quả nào" in nothing
    short = client.get(reverse("search:search"), {"q": "a"}).content.decode()
    assert "ít nhất một từ" in short
