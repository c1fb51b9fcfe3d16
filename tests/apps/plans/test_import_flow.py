"""Upload -> draft with spans -> correct -> confirm creates milestones; all scoped by the policy."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.plans import services
from apps.plans.models import Milestone, Plan, Task, TaskAgency


def _upload(client, unit, data, name="ke-hoach.txt"):
    return client.post(reverse("plans:upload"), {"org_unit": unit.pk, "file": SimpleUploadedFile(name, data)})


def test_officer_uploads_seed_and_gets_a_draft(world, login, seed_bytes):
    client = login(world.officer_a1)
    response = _upload(client, world.a1, seed_bytes)
    plan = Plan.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("plans:detail", args=[plan.pk])
    assert plan.status == Plan.Status.DRAFT and plan.org_unit == world.a1
    assert plan.tasks.count() == 39 and plan.targets.count() == 9
    assert plan.decision_number == "" and plan.signed_date is None  # blanks stay blank
    assert not Milestone.objects.exists()  # milestones come with confirmation
    assert AuditEntry.objects.filter(model="plans.plan", action="event", actor=world.officer_a1).exists()


def test_every_task_span_points_at_its_text(world, login, seed_bytes):
    _upload(login(world.officer_a1), world.a1, seed_bytes)
    plan = Plan.objects.get()
    text = plan.source.text
    checked = 0
    for task in plan.tasks.all():
        start, end = task.spans["content"][:2]
        assert task.content[:30].split()[0] in text[start:end]
        checked += 1
    assert checked == 39


def test_review_page_shows_document_and_spans(world, login, seed_bytes):
    client = login(world.officer_a1)
    _upload(client, world.a1, seed_bytes)
    body = client.get(reverse("plans:detail", args=[Plan.objects.get().pk])).content.decode()
    assert 'id="source-doc"' in body and "data-span=" in body and "Xác nhận kế hoạch" in body


def test_confirm_lays_out_milestones_in_one_go(world, login, seed_bytes):
    client = login(world.officer_a1)
    _upload(client, world.a1, seed_bytes)
    plan = Plan.objects.get()
    client.post(reverse("plans:confirm", args=[plan.pk]), {"reason": "Đã rà soát."})
    plan.refresh_from_db()
    assert plan.status == Plan.Status.ACTIVE and plan.confirmed_by == world.officer_a1
    dated = Milestone.objects.filter(task__plan=plan, due__isnull=False)
    assert dated.exists()
    assert all(plan.period_start.year <= m.due.year <= plan.period_end.year + 1 for m in dated)
    # confirming twice is refused, nothing duplicated
    count = Milestone.objects.count()
    client.post(reverse("plans:confirm", args=[plan.pk]), {"reason": "Đã rà soát."})
    assert Milestone.objects.count() == count


def test_staff_cannot_import_or_confirm(world, login, seed_bytes):
    client = login(world.staff_a1)
    assert client.get(reverse("plans:upload")).status_code == 403
    officer = login(world.officer_a1)
    _upload(officer, world.a1, seed_bytes)
    plan = Plan.objects.get()
    client = login(world.staff_a1)
    assert client.post(reverse("plans:confirm", args=[plan.pk]), {"reason": "Đã rà soát."}).status_code == 403
    plan.refresh_from_db()
    assert plan.status == Plan.Status.DRAFT


def test_other_commune_cannot_see_the_plan(world, login, seed_bytes):
    _upload(login(world.officer_a1), world.a1, seed_bytes)
    plan = Plan.objects.get()
    client = login(world.officer_b1)
    assert client.get(reverse("plans:detail", args=[plan.pk])).status_code == 404
    assert client.get(reverse("plans:document", args=[plan.pk])).status_code == 404
    assert plan.title not in client.get(reverse("plans:list")).content.decode()


def test_original_document_served_to_allowed_users_only(world, login, seed_bytes):
    _upload(login(world.officer_a1), world.a1, seed_bytes)
    plan = Plan.objects.get()
    response = login(world.viewer_a1).get(reverse("plans:document", args=[plan.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == seed_bytes
    assert "attachment" in response["Content-Disposition"]


def test_commune_sees_superior_plan_read_only(world, login, seed_bytes):
    from tests.apps.plans.conftest import PROVINCE_SEED

    _upload(login(world.officer_a), world.a, PROVINCE_SEED.read_bytes())
    province_plan = Plan.objects.get(org_unit=world.a)
    _upload(login(world.officer_a1), world.a1, seed_bytes)
    commune_plan = Plan.objects.get(org_unit=world.a1)
    commune_plan.parent = province_plan
    commune_plan.save()
    client = login(world.officer_a1)
    body = client.get(reverse("plans:detail", args=[province_plan.pk])).content.decode()
    assert reverse("plans:confirm", args=[province_plan.pk]) not in body
    assert "/nhiem-vu/" not in body  # no task edit or delete controls
    assert client.post(reverse("plans:confirm", args=[province_plan.pk])).status_code == 403


def test_task_edit_records_audit_and_relays_agencies(world, login, seed_bytes):
    client = login(world.officer_a1)
    _upload(client, world.a1, seed_bytes)
    task = Task.objects.filter(plan__org_unit=world.a1).order_by("position").first()
    response = client.post(
        reverse("plans:task_edit", args=[task.pk]),
        {
            "version": task.version,
            "area": task.area,
            "no": task.no,
            "content": "Nội dung đã sửa",
            "products": "Báo cáo\nKế hoạch",
            "lead": "Phòng Kinh tế",
            "coordinating": "",
            "deadline_text": "Quý IV/2025",
            "notes": "",
        },
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and "Nội dung đã sửa" in response.content.decode()
    task.refresh_from_db()
    assert task.products == ["Báo cáo", "Kế hoạch"] and task.version == 2
    lead = task.agencies.get(role="lead")
    assert lead.agency == world.kt_a1
    entry = AuditEntry.objects.get(model="plans.task", object_id=str(task.pk), action="update")
    assert entry.changes["content"][1] == "Nội dung đã sửa"


def test_stale_edit_is_refused_not_overwritten(world, login, seed_bytes):
    client = login(world.officer_a1)
    _upload(client, world.a1, seed_bytes)
    task = Task.objects.filter(plan__org_unit=world.a1).order_by("position").first()
    data = {
        "area": task.area,
        "no": task.no,
        "products": "",
        "lead": "",
        "coordinating": "",
        "deadline_text": "",
        "notes": "",
    }
    client.post(
        reverse("plans:task_edit", args=[task.pk]),
        {**data, "version": 1, "content": "Bản của người thứ nhất"},
    )
    response = client.post(
        reverse("plans:task_edit", args=[task.pk]), {**data, "version": 1, "content": "Bản của người thứ hai"}
    )
    assert "vừa được người khác sửa" in response.content.decode()
    task.refresh_from_db()
    assert task.content == "Bản của người thứ nhất"


def test_unresolved_agency_choice_is_remembered(world, login):
    text = "KẾ HOẠCH\nCải cách hành chính năm 2025\n\nPhụ lục\nTT\tNội dung\tCơ quan chủ trì\tThời gian hoàn thành\nI. Cải cách thể chế\t\t\t\n1\tRà soát văn bản quy phạm pháp luật của xã\tBan Kinh tế xã hội\tQuý II/2025\n"
    client = login(world.officer_a1)
    _upload(client, world.a1, text.encode())
    link = TaskAgency.objects.get(printed="Ban Kinh tế xã hội")
    assert link.agency is None
    client.post(reverse("plans:agency_choose", args=[link.pk]), {"target": f"agency:{world.kt_a1.pk}"})
    link.refresh_from_db()
    assert link.agency == world.kt_a1
    assert world.kt_a1.aliases.filter(text="Ban Kinh tế xã hội").exists()


def test_choosing_an_agency_of_another_unit_is_refused(world, login):
    text = "KẾ HOẠCH\nCải cách hành chính năm 2025\n\nPhụ lục\nTT\tNội dung\tCơ quan chủ trì\tThời gian hoàn thành\nI. Cải cách thể chế\t\t\t\n1\tRà soát văn bản quy phạm pháp luật của xã\tBan Lạ\tQuý II/2025\n"
    client = login(world.officer_a1)
    _upload(client, world.a1, text.encode())
    link = TaskAgency.objects.get(printed="Ban Lạ")
    client.post(reverse("plans:agency_choose", args=[link.pk]), {"target": f"agency:{world.kt_a2.pk}"})
    link.refresh_from_db()
    assert link.agency is None


def test_retyped_deadline_keeps_milestones_that_carry_reports(world, login, seed_bytes):
    """Correcting a confirmed task's deadline must not delete a progress report already filed."""
    from apps.plans.services import update_task
    from apps.tracking.models import ProgressReport

    client = login(world.officer_a1)
    _upload(client, world.a1, seed_bytes)
    plan = Plan.objects.get()
    client.post(reverse("plans:confirm", args=[plan.pk]), {"reason": "Đã rà soát."})
    task = Task.objects.filter(plan=plan, milestones__due__isnull=False).order_by("position").first()
    reported = task.milestones.filter(due__isnull=False).first()
    ProgressReport.objects.create(milestone=reported, agency=world.kt_a1, text="Đã ban hành kế hoạch")
    untouched = set(task.milestones.exclude(pk=reported.pk).values_list("pk", flat=True))
    update_task(world.officer_a1, task, {"deadline_text": "Quý IV/2025"}, task.version)
    labels = set(task.milestones.values_list("label", flat=True))
    assert task.milestones.filter(pk=reported.pk).exists()
    assert ProgressReport.objects.filter(milestone=reported).exists()
    assert not task.milestones.filter(pk__in=untouched).exists()
    assert any("IV/2025" in label for label in labels)


def test_discarded_draft_takes_its_document_and_file_along(
    world, seed_bytes, django_capture_on_commit_callbacks
):
    """No orphan rows or files (issue 10, defect 4): discarding a draft removes its uploaded file."""
    from pathlib import Path

    from apps.plans.models import SourceDocument

    plan = services.import_plan(world.officer_a1, world.a1, seed_bytes, "ke-hoach.txt")
    path = Path(plan.source.file.path)
    assert path.is_file()
    with django_capture_on_commit_callbacks(execute=True):
        services.discard_draft(world.officer_a1, plan)
    assert not SourceDocument.objects.exists()
    assert not path.exists()


def test_a_failed_import_leaves_no_file(world, seed_bytes, monkeypatch, settings):
    from pathlib import Path

    def boom(*args, **kwargs):
        raise RuntimeError("hỏng giữa chừng")

    monkeypatch.setattr(services, "store_draft_rows", boom)
    with pytest.raises(RuntimeError):
        services.import_plan(world.officer_a1, world.a1, seed_bytes, "ke-hoach.txt")
    media = Path(settings.MEDIA_ROOT)
    assert not [p for p in media.rglob("*") if p.is_file()]


def test_source_document_named_by_title_and_shown_readably(world, login, seed_bytes):
    """Issue 14: the panel showed "000_60e74d9db19c0c48.txt" and raw Markdown."""
    client = login(world.officer_a1)
    hostile = seed_bytes + b"\n<script>alert('x')</script>\n"
    _upload(client, world.a1, hostile, name="000_60e74d9db19c0c48.txt")
    plan = Plan.objects.get()
    body = client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    assert f"{plan.title} (tệp .txt)" in body
    assert ">000_60e74d9db19c0c48.txt<" not in body
    assert 'class="md-h md-h' in body and 'class="md-mark"' in body  # headings marked, markers hidden
    assert "<script>alert(" not in body and "&lt;script&gt;alert(" in body
    findings = client.get(reverse("review:findings", args=[plan.pk])).content.decode()
    assert 'class="md-h md-h' in findings and "<script>alert(" not in findings


def test_a_meaningful_file_name_is_kept(world, login, seed_bytes):
    client = login(world.officer_a1)
    _upload(client, world.a1, seed_bytes, name="KH CCHC 2025 xa An Mot.txt")
    plan = Plan.objects.get()
    assert (
        "KH CCHC 2025 xa An Mot.txt" in client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    )
