"""Plan editing forms keep what was typed and show each error beside its field (header, targets,
tasks, the inline "add" rows), instead of closing the form behind a banner."""

from django.urls import reverse


def _field_html(body: str, name: str) -> str:
    start = body.index(f'name="{name}"')
    return body[body.rindex('<div class="field', 0, start) : body.index("</div>", start)]


def test_bad_date_in_header_keeps_issuer_number_signer(world, login, plan):
    data = {
        "version": plan.version,
        "title": plan.title,
        "issuer": "UBND xã Thử Nghiệm",
        "decision_number": "123/KH-UBND",
        "signed_date": "31/02/2025",
        "signer": "Nguyễn Văn A",
        "period_start": "01/01/2025",
        "period_end": "31/12/2025",
    }
    response = login(world.officer_a1).post(reverse("plans:header", args=[plan.pk]), data)
    body = response.content.decode()
    assert response.status_code == 400
    assert '<details id="sua-thong-tin" open>' in body
    for value in ("UBND xã Thử Nghiệm", "123/KH-UBND", "Nguyễn Văn A", "31/02/2025"):
        assert f'value="{value}"' in body
    field = _field_html(body, "signed_date")
    assert "has-error" in field and "error-text" in field
    plan.refresh_from_db()
    assert plan.signer != "Nguyễn Văn A"  # nothing saved


def test_period_problem_lands_beside_the_field(world, login, plan):
    data = {
        "version": plan.version,
        "title": plan.title,
        "period_start": "01/01/2025",
        "period_end": "01/01/2024",
    }
    body = login(world.officer_a1).post(reverse("plans:header", args=[plan.pk]), data).content.decode()
    assert "has-error" in _field_html(body, "period_end")
    assert 'value="01/01/2024"' in body


def test_target_form_keeps_input_with_field_error(world, login, plan):
    target = plan.targets.first()
    data = {
        "version": target.version,
        "area": "",
        "text": "Chỉ tiêu gõ lại",
        "value": "không phải số",
        "year": "2025",
    }
    response = login(world.officer_a1).post(reverse("plans:target_edit", args=[target.pk]), data)
    body = response.content.decode()
    assert response.status_code == 200 and "Chỉ tiêu gõ lại" in body
    assert "has-error" in _field_html(body, "value") and 'value="không phải số"' in body


def test_task_form_keeps_input_with_field_error(world, login, plan):
    task = plan.tasks.first()
    data = {
        "version": task.version,
        "area": task.area,
        "content": "x" * 20001,
        "notes": "Ghi chú vừa gõ",
        "deadline_text": "Quý III/2025",
    }
    body = login(world.officer_a1).post(reverse("plans:task_edit", args=[task.pk]), data).content.decode()
    assert "Ghi chú vừa gõ" in body and 'value="Quý III/2025"' in body
    assert "has-error" in _field_html(body, "content")


def test_inline_add_task_keeps_area_and_shows_error(world, login, plan):
    client = login(world.officer_a1)
    response = client.post(reverse("plans:task_add", args=[plan.pk]), {"area": "cong_vu", "content": "   "})
    body = response.content.decode()
    assert response.status_code == 400
    assert '<option value="cong_vu" selected>' in body and 'id="them-nhiem-vu-loi"' in body


def test_inline_add_target_error_is_beside_it(world, login, plan):
    response = login(world.officer_a1).post(reverse("plans:target_add", args=[plan.pk]), {"text": ""})
    assert response.status_code == 400 and 'id="them-chi-tieu-loi"' in response.content.decode()
