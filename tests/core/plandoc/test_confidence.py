"""OCR confidence travels from blocks to the fields read from them (``core.plandoc.confidence``)."""

from __future__ import annotations

from core.plandoc.confidence import fields_needing_review, review_warning
from core.plandoc.document import Cell, Document, Paragraph, Row, Segment, Span, Table
from core.plandoc.model import PlanDraft, TaskDraft


def _doc(ocr: float | None = 90.0) -> Document:
    text = "KẾ HOẠCH số 12/KH-UBND\n1\tRà soát TTHC\tSở Tư pháp"
    title = Paragraph(text[:22], Span(0, 22), confidence=95.0)
    cells = [
        Cell("1", Span(23, 24), [Segment("1", Span(23, 24))], confidence=97.0),
        Cell("Rà soát TTHC", Span(25, 37), [Segment("Rà soát TTHC", Span(25, 37))], confidence=88.0),
        Cell("Sở Tư pháp", Span(38, 48), [Segment("Sở Tư pháp", Span(38, 48))], confidence=54.0),
    ]
    table = Table([Row(cells, Span(23, 48))], Span(23, 48))
    return Document("x.pdf", text, [title, table], "ocr", ocr_confidence=ocr)


def _plan() -> PlanDraft:
    task = TaskDraft(area=None, no="1", content="Rà soát TTHC", lead=["Sở Tư pháp"])
    task.spans = {"content": Span(25, 37), "lead.0": Span(38, 48), "no": Span(23, 24)}
    plan = PlanDraft(document="x.pdf", source_text="", decision_number="12/KH-UBND", tasks=[task])
    plan.spans = {"decision_number": Span(12, 22)}
    return plan


def test_confidence_at_is_the_least_sure_block_touched():
    doc = _doc()
    assert doc.confidence_at(Span(38, 48)) == 54.0
    assert doc.confidence_at(Span(25, 48)) == 54.0  # spans two cells: the weaker one
    assert doc.confidence_at(Span(0, 5)) == 95.0
    assert doc.confidence_at(None) is None


def test_only_low_confidence_fields_are_marked():
    marks = fields_needing_review(_plan(), _doc())
    assert [(m.path, m.confidence) for m in marks] == [("tasks.0.lead.0", 54.0)]
    assert "nhiệm vụ 1: cơ quan chủ trì (54%)" in review_warning(marks)


def test_threshold_moves_the_line():
    marks = fields_needing_review(_plan(), _doc(), threshold=90)
    assert {m.path for m in marks} == {"tasks.0.lead.0", "tasks.0.content"}


def test_text_that_was_not_ocrd_needs_no_review():
    assert fields_needing_review(_plan(), _doc(ocr=None)) == []


def test_marks_are_recorded_on_the_row_they_belong_to():
    from core.plandoc.confidence import mark_for_review, review_note

    plan = _plan()
    marks = mark_for_review(plan, _doc(), threshold=90)
    assert {m.path for m in marks} == {"tasks.0.lead.0", "tasks.0.content"}
    assert plan.review == {} and plan.tasks[0].review == {"lead.0": 54.0, "content": 88.0}
    assert review_note(plan.tasks[0].review) == "cơ quan chủ trì (54%); nội dung (88%)"  # least sure first
