"""Fields read from a scan with low OCR confidence are marked on their row until an official saves
them (issue 9, item 3: "low-confidence fields marked for review"), and the JSON output lists them.

The draft is extracted from a hand-built OCR'd ``Document`` (blocks with the confidences Tesseract
gives), so the test controls which text the OCR was unsure of; the OCR itself is tested in
tests/core/plandoc/readers."""

from __future__ import annotations

import pytest
from django.urls import reverse

from apps.plans.models import Plan, Task
from apps.plans.services import save_draft, set_task_agencies, update_plan, update_task
from core.plan_json import plan_json
from core.plandoc.confidence import mark_for_review
from core.plandoc.document import Cell, Document, Paragraph, Row, Segment, Span, Table
from core.plandoc.model import PlanDraft, TaskDraft

TEXT = "KẾ HOẠCH số 12/KH-UBND\n1\tRà soát TTHC\tSở Tư pháp"


def _scan() -> Document:
    title = Paragraph(TEXT[:22], Span(0, 22), confidence=61.0)
    cells = [
        Cell("1", Span(23, 24), [Segment("1", Span(23, 24))], confidence=97.0),
        Cell("Rà soát TTHC", Span(25, 37), [Segment("Rà soát TTHC", Span(25, 37))], confidence=93.0),
        Cell("Sở Tư pháp", Span(38, 48), [Segment("Sở Tư pháp", Span(38, 48))], confidence=54.0),
    ]
    return Document(
        "kh.pdf", TEXT, [title, Table([Row(cells, Span(23, 48))], Span(23, 48))], "ocr", ocr_confidence=80.0
    )


def _draft() -> PlanDraft:
    task = TaskDraft(
        area="tthc", no="1", content="Rà soát TTHC", lead=["Sở Tư pháp"], deadline_text="Quý II/2025"
    )
    task.spans = {"content": Span(25, 37), "lead.0": Span(38, 48), "no": Span(23, 24)}
    plan = PlanDraft(document="kh.pdf", source_text=TEXT, title="Kế hoạch CCHC", decision_number="12/KH-UBND",
                     tasks=[task])  # fmt: skip
    plan.spans = {"decision_number": Span(12, 22)}
    mark_for_review(plan, _scan())
    return plan


def test_marks_travel_with_their_row_and_into_the_json():
    draft = _draft()
    assert draft.review == {"decision_number": 61.0}
    assert draft.tasks[0].review == {"lead.0": 54.0}
    data = plan_json(draft, with_spans=False)
    assert data["review"] == {"decision_number": 61.0}
    assert data["tasks"][0]["review"] == {"lead.0": 54.0}


@pytest.fixture
def plan(world):
    return save_draft(world.officer_a1, world.a1, _draft(), TEXT.encode(), "kh.pdf")


def test_the_review_page_shows_what_to_compare_with_the_paper(plan, world, login):
    page = login(world.officer_a1).get(reverse("plans:detail", args=[plan.pk])).content.decode()
    assert "Đối chiếu bản giấy: cơ quan chủ trì (54%)" in page
    assert "Đối chiếu bản giấy: số ký hiệu (61%)" in page


def test_saving_a_field_clears_only_its_mark(plan, world):
    task = plan.tasks.get()
    task.review = {"lead.0": 54.0, "content": 70.0}
    Task.objects.filter(pk=task.pk).update(review=task.review)
    set_task_agencies(world.officer_a1, task, "lead", ["Sở Tư pháp"])
    assert Task.objects.get(pk=task.pk).review == {"content": 70.0}
    task = Task.objects.get(pk=task.pk)
    update_task(
        world.officer_a1, task, {"content": "Rà soát thủ tục hành chính"}, expected_version=task.version
    )
    assert Task.objects.get(pk=task.pk).review == {}
    update_plan(world.officer_a1, plan, {"signer": "Nguyễn Văn A"}, expected_version=plan.version)
    assert Plan.objects.get(pk=plan.pk).review == {"decision_number": 61.0}  # the number was not re-typed
