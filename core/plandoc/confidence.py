"""Which extracted fields an official should check because the OCR was unsure of their text.

The contract between the readers and extraction is the ``Span``: every field of a ``PlanDraft``
keeps the span of canonical text it was read from (``spans`` on the plan, each target and each
task; list items as ``"lead.0"``), and an OCR'd ``Document`` knows the confidence of each
paragraph and cell (``Document.confidence_at``). Nothing in extraction needs to know about OCR:
this module joins the two after the fact.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.plandoc.document import Document
from core.plandoc.model import PlanDraft

# Below this mean word confidence (0-100), text is worth a second look. Tesseract gives clean
# print 90-97; a misread letter in a word pulls that word under ~70, and so its block's mean.
LOW_CONFIDENCE = 80.0


@dataclass(frozen=True)
class ReviewMark:
    """One field to check: ``path`` as in the plan JSON ("title", "tasks.3.lead.0"), and the
    confidence (0-100) of the least sure block its text came from."""

    path: str
    confidence: float


def fields_needing_review(
    plan: PlanDraft, doc: Document, threshold: float = LOW_CONFIDENCE
) -> list[ReviewMark]:
    """Fields of ``plan`` whose source text ``doc`` read with confidence under ``threshold``.

    Empty for a document that was not OCR'd (its text is what the file says).
    """
    if doc.ocr_confidence is None:
        return []
    marks: list[ReviewMark] = []
    groups = [("", plan.spans)]
    groups += [(f"targets.{i}.", t.spans) for i, t in enumerate(plan.targets)]
    groups += [(f"tasks.{i}.", t.spans) for i, t in enumerate(plan.tasks)]
    for prefix, spans in groups:
        for name, span in spans.items():
            confidence = doc.confidence_at(span)
            if confidence is not None and confidence < threshold:
                marks.append(ReviewMark(prefix + name, confidence))
    return marks


def mark_for_review(plan: PlanDraft, doc: Document, threshold: float = LOW_CONFIDENCE) -> list[ReviewMark]:
    """Record on each object of ``plan`` (``review``: field -> confidence) the fields to check, so
    they travel with the row they belong to into the database and onto the review page."""
    marks = fields_needing_review(plan, doc, threshold)
    for mark in marks:
        owner, name = plan, mark.path
        head, _, rest = mark.path.partition(".")
        if head in ("tasks", "targets") and rest:
            index, _, name = rest.partition(".")
            owner = (plan.tasks if head == "tasks" else plan.targets)[int(index)]
        owner.review[name] = round(mark.confidence, 1)
    return marks


_LABELS = {
    "title": "tên kế hoạch", "decision_number": "số ký hiệu", "signed_date": "ngày ký", "signer": "người ký",
    "issuer": "cơ quan ban hành", "content": "nội dung", "lead": "cơ quan chủ trì",
    "coordinating": "cơ quan phối hợp", "products": "sản phẩm", "deadline_text": "thời hạn", "no": "số thứ tự",
    "text": "nội dung", "value": "giá trị", "year": "năm",
}  # fmt: skip


def field_label(name: str) -> str:
    """The Vietnamese name of a field key ("lead.0" -> "cơ quan chủ trì")."""
    head = name.split(".")[0]
    return _LABELS.get(head, head)


def review_note(review: dict[str, float]) -> str:
    """What to check on one row, least sure first: "cơ quan chủ trì (54%); nội dung (71%)"."""
    worst: dict[str, float] = {}
    for key, confidence in review.items():
        label = field_label(key)
        worst[label] = min(confidence, worst.get(label, 100.0))
    return "; ".join(f"{label} ({conf:.0f}%)" for label, conf in sorted(worst.items(), key=lambda kv: kv[1]))


def review_warning(marks: list[ReviewMark], limit: int = 12) -> str:
    """One Vietnamese line naming the fields to check: "nhiệm vụ 4: cơ quan chủ trì (62%)"."""
    parts = []
    for mark in marks[:limit]:
        pieces = mark.path.split(".")
        if pieces[0] in ("tasks", "targets") and len(pieces) > 2:
            kind = "nhiệm vụ" if pieces[0] == "tasks" else "chỉ tiêu"
            where = f"{kind} {int(pieces[1]) + 1}: {field_label(pieces[2])}"
        else:
            where = field_label(pieces[0])
        parts.append(f"{where} ({mark.confidence:.0f}%)")
    more = f" và {len(marks) - limit} trường khác" if len(marks) > limit else ""
    return "Nhận dạng chữ không chắc chắn, cần đối chiếu với bản giấy: " + "; ".join(parts) + more + "."
