"""PlanDraft: what the importer extracts from a plan document, before an official confirms it.

Field names follow the gold schema (``shared/gold/SCHEMA.md``) and the glossary of DESIGN.md, so
``PlanDraft.to_gold_dict()`` is directly comparable with the gold annotations. Every object keeps a
``spans`` mapping from field name to the ``Span`` of source text it was read from; list fields use
``"lead.0"``, ``"products.2"`` and so on. From a scan, ``review`` names the fields whose text the
OCR was unsure of (same keys as ``spans``, each with its confidence 0-100), so the review page can
mark them for comparison with the paper.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from core.indicators import INDICATOR_CODES
from core.plandoc.document import Span

AREAS: dict[str, str] = {
    "chi_dao": "Công tác chỉ đạo, điều hành",
    "the_che": "Cải cách thể chế",
    "tthc": "Cải cách thủ tục hành chính",
    "bo_may": "Cải cách tổ chức bộ máy",
    "cong_vu": "Cải cách chế độ công vụ",
    "tai_chinh": "Cải cách tài chính công",
    "chinh_quyen_so": "Xây dựng chính quyền điện tử, chính quyền số",
}

# Short area codes for the one task numbering used on every page (plan, findings, timeline,
# alignment): a plan prints its tasks numbered within each area ("2.1. Cải cách thể chế: 1, 2, …"),
# so the printed number alone is ambiguous; the area code in front makes it unique plan-wide.
AREA_SHORT: dict[str, str] = {
    "chi_dao": "CĐ",
    "the_che": "TC",
    "tthc": "TTHC",
    "bo_may": "BM",
    "cong_vu": "CV",
    "tai_chinh": "TCC",
    "chinh_quyen_so": "CQS",
}


def task_ref(area: str | None, no: str | None) -> str:
    """A task's number as printed, prefixed by its area code: "TC.4", "TTHC.a"; "TC.-" unnumbered."""
    return f"{AREA_SHORT.get(area or '', '?')}.{(no or '').strip() or '-'}"


INDICATORS: tuple[str, ...] = INDICATOR_CODES  # the codes targets are classified into


@dataclass
class OrgUnitRef:
    name: str | None = None
    level: str | None = None  # "province", "district" or "commune"
    province: str | None = None


@dataclass
class TargetDraft:
    area: str | None
    text: str
    indicator: str | None = None
    comparator: str | None = None  # ">=", ">", "<=", "<"
    value: float | None = None
    unit: str | None = None
    year: int | None = None
    spans: dict[str, Span] = field(default_factory=dict)
    review: dict[str, float] = field(default_factory=dict)

    def to_gold_dict(self) -> dict:
        value = self.value
        if value is not None and float(value).is_integer():
            value = int(value)
        return {
            "area": self.area,
            "text": self.text,
            "indicator": self.indicator,
            "comparator": self.comparator,
            "value": value,
            "unit": self.unit,
            "year": self.year,
        }


@dataclass
class TaskDraft:
    area: str | None
    no: str | None
    content: str
    products: list[str] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    coordinating: list[str] = field(default_factory=list)
    deadline_text: str | None = None
    notes: str | None = None
    spans: dict[str, Span] = field(default_factory=dict)
    review: dict[str, float] = field(default_factory=dict)

    def to_gold_dict(self) -> dict:
        return {
            "area": self.area,
            "no": self.no,
            "content": self.content,
            "products": list(self.products),
            "lead": list(self.lead),
            "coordinating": list(self.coordinating),
            "deadline_text": self.deadline_text,
            "notes": self.notes,
        }


@dataclass
class AreaAssignment:
    """What the "Tổ chức thực hiện" section says: an area (or some of its task numbers) goes to an agency.

    ``task_numbers`` empty means the whole area. Used to fill leads when a plan has no annex, and by
    the ``lead_conflict`` check when it has one.
    """

    area: str
    agency: str
    task_numbers: list[str] = field(default_factory=list)
    span: Span | None = None
    # The verb that made the assignment ("chủ trì", "phụ trách", "chịu trách nhiệm", "tham mưu"):
    # a "chủ trì" outranks a "tham mưu" when the section names two agencies for one area.
    verb: str | None = None


@dataclass
class PlanDraft:
    document: str
    source_text: str
    issuer: str | None = None
    org_unit: OrgUnitRef = field(default_factory=OrgUnitRef)
    title: str | None = None
    decision_number: str | None = None
    signed_date: date | None = None
    signer: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    targets: list[TargetDraft] = field(default_factory=list)
    tasks: list[TaskDraft] = field(default_factory=list)
    assignments: list[AreaAssignment] = field(default_factory=list)
    spans: dict[str, Span] = field(default_factory=dict)
    review: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def to_gold_dict(self) -> dict:
        period = None
        if self.period_start or self.period_end:
            period = {
                "start": self.period_start.isoformat() if self.period_start else None,
                "end": self.period_end.isoformat() if self.period_end else None,
            }
        return {
            "document": self.document,
            "issuer": self.issuer,
            "org_unit": {
                "name": self.org_unit.name,
                "level": self.org_unit.level,
                "province": self.org_unit.province,
            },
            "title": self.title,
            "decision_number": self.decision_number,
            "signed_date": self.signed_date.isoformat() if self.signed_date else None,
            "signer": self.signer,
            "period": period,
            "targets": [t.to_gold_dict() for t in self.targets],
            "tasks": [t.to_gold_dict() for t in self.tasks],
        }
