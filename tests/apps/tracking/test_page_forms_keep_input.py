"""Issue 14 item 5: the milestone page's smaller forms (contribution, scheduling an on-event
milestone, a coordinating agency's evidence) post back to the page itself; a refusal shows the
whole page again, the error beside its field and what was typed kept (as the report form does)."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.plans.models import Milestone
from apps.tracking import services
from apps.tracking.models import Contribution, Evidence
from core.bounds import REPORT_TEXT_MAX
from tests.apps.tracking.conftest import opened

FIELDS = {"text": "Đã ban hành quyết định", "percent": 100, "progress": "done", "reason": ""}


def field_block(html: str, name: str) -> str:
    """The ``field.html`` block that holds the input named ``name`` (its label, input and errors)."""
    for block in re.findall(r'<div class="field[^"]*">.*?</div>', html, flags=re.S):
        if f'name="{name}"' in block:
            return block
    raise AssertionError(f"no field {name!r} on the page")


@pytest.fixture
def report(world, plan_a1):
    return services.save_report(world.staff_a1, plan_a1.m_nov, FIELDS, expected_version=opened(plan_a1.m_nov))


def page(plan_a1, m=None) -> str:
    return reverse("tracking:milestone", args=[(m or plan_a1.m_nov).pk])


def test_too_long_contribution_keeps_the_text_beside_its_error(world, plan_a1, report, login):
    typed = "Trung tâm đã số hóa hồ sơ. " + "x" * REPORT_TEXT_MAX
    response = login(world.staff_a1_hcc).post(page(plan_a1), {"step": "phoi-hop", "text": typed})
    assert response.status_code == 200
    html = response.content.decode()
    assert plan_a1.m_nov.label in html and 'id="phoi-hop"' in html  # the whole page, not a bare form
    block = field_block(html, "text")
    assert "has-error" in block and "Nội dung phối hợp quá dài" in block
    assert "Trung tâm đã số hóa hồ sơ." in block
    assert not Contribution.objects.exists()


def test_contribution_saved_from_the_page(world, plan_a1, report, login):
    response = login(world.staff_a1_hcc).post(
        page(plan_a1), {"step": "phoi-hop", "text": "Đã số hóa 300 hồ sơ"}
    )
    assert response.status_code == 302 and response["Location"] == page(plan_a1)
    assert Contribution.objects.get().text == "Đã số hóa 300 hồ sơ"


def test_page_posts_the_small_forms_to_itself(world, plan_a1, report, login):
    html = login(world.staff_a1_hcc).get(page(plan_a1)).content.decode()
    for step in ("phoi-hop", "tai-lieu", "lien-ket"):
        assert f'name="step" value="{step}"' in html
    assert reverse("tracking:contribution_add", args=[plan_a1.m_nov.pk]) not in html
    assert reverse("tracking:evidence_add", args=[plan_a1.m_nov.pk]) not in html
    html = login(world.officer_a1).get(page(plan_a1, plan_a1.m_event)).content.decode()
    assert 'name="step" value="xac-dinh-han"' in html
    assert reverse("tracking:schedule", args=[plan_a1.m_event.pk]) not in html


def test_date_outside_the_plan_shows_beside_the_date_with_the_date_kept(world, plan_a1, login):
    url = page(plan_a1, plan_a1.m_event)
    response = login(world.officer_a1).post(url, {"step": "xac-dinh-han", "due": "15/01/2026"})
    assert response.status_code == 200
    block = field_block(response.content.decode(), "due")
    assert "has-error" in block and "nằm ngoài thời gian" in block and 'value="15/01/2026"' in block
    assert Milestone.objects.get(pk=plan_a1.m_event.pk).due is None


def test_unreadable_date_kept_as_typed(world, plan_a1, login):
    url = page(plan_a1, plan_a1.m_event)
    response = login(world.officer_a1).post(url, {"step": "xac-dinh-han", "due": "31/13/2025"})
    assert response.status_code == 200
    block = field_block(response.content.decode(), "due")
    assert "has-error" in block and 'value="31/13/2025"' in block


def test_schedule_from_the_page_and_only_officers(world, plan_a1, login):
    url = page(plan_a1, plan_a1.m_event)
    assert login(world.staff_a1).post(url, {"step": "xac-dinh-han", "due": "10/12/2025"}).status_code == 403
    response = login(world.officer_a1).post(url, {"step": "xac-dinh-han", "due": "10/12/2025"})
    assert response.status_code == 302 and response["Location"] == url
    assert Milestone.objects.get(pk=plan_a1.m_event.pk).due.isoformat() == "2025-12-10"


def test_refused_file_shows_beside_the_file_input(world, plan_a1, report, login):
    exe = SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00" + b"\x00" * 64)
    response = login(world.staff_a1_hcc).post(page(plan_a1), {"step": "tai-lieu", "file": exe})
    assert response.status_code == 200
    html = response.content.decode()
    block = field_block(html, "file")
    assert "has-error" in block and "không phải định dạng được chấp nhận" in block
    assert plan_a1.m_nov.label in html and not Evidence.objects.exists()


def test_bad_link_keeps_url_and_title(world, plan_a1, report, login):
    response = login(world.staff_a1_hcc).post(
        page(plan_a1), {"step": "lien-ket", "url": "ftp://vanban.gov.vn/qd-12", "title": "Quyết định 12"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "has-error" in field_block(html, "url") and 'value="ftp://vanban.gov.vn/qd-12"' in html
    assert 'value="Quyết định 12"' in field_block(html, "title")
    assert not Evidence.objects.exists()
