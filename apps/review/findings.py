"""Findings of a stored plan: run the core checks on it (with its superior plan and the unit's real
agency directory), place each finding on a task or target row, and attach the dismissals.

Checks run each time the plan is shown, so a correction clears its finding at once. A run costs
~0.1-0.2 s; its result is cached under a digest of everything the checks read (both plans as
drafts, the directory, today's date), so an unchanged plan is not checked twice and any change,
by whatever path, is checked afresh. No version counter to forget to bump.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.core.cache import cache

from apps.plans.models import Plan
from apps.review.drafts import StoredPlan, load_plan, unit_directory
from apps.review.models import FindingDismissal
from cchc import clock
from core.checks import ERROR, INFO, WARNING, Finding, check_plan
from core.plandoc.model import AREAS, task_ref
from core.text import collapse

CACHE_SECONDS = 24 * 3600

SEVERITY_LABELS = {ERROR: "Lỗi", WARNING: "Cảnh báo", INFO: "Lưu ý"}
RULE_LABELS = {
    "missing_number": "Thiếu số ký hiệu",
    "missing_date": "Ngày ký",
    "missing_signer": "Thiếu người ký",
    "editorial_note": "Còn ghi chú soạn thảo",
    "foreign_scope": "Câu chữ của cấp hoặc đơn vị khác",
    "deadline_outside_period": "Thời hạn ngoài kỳ kế hoạch",
    "deadline_before_issue": "Thời hạn trước ngày ban hành",
    "unparsed_deadline": "Không hiểu thời hạn",
    "missing_tasks": "Không có nhiệm vụ",
    "missing_targets": "Không có chỉ tiêu",
    "missing_lead": "Thiếu cơ quan chủ trì",
    "missing_deadline": "Thiếu thời hạn",
    "missing_product": "Thiếu sản phẩm",
    "unknown_agency": "Tên cơ quan lạ",
    "lead_conflict": "Cơ quan chủ trì không thống nhất",
    "duplicate_task": "Nhiệm vụ trùng lặp",
    "inconsistent_target": "Chỉ tiêu không thống nhất",
    "superior_mismatch": "Kế hoạch cấp trên không phù hợp",
    "superior_task_not_covered": "Thiếu nhiệm vụ của cấp trên",
    "superior_target_not_covered": "Thiếu chỉ tiêu của cấp trên",
    "weaker_target": "Chỉ tiêu thấp hơn cấp trên",
}


def location_of(finding: Finding) -> str:
    """Where a finding sits, stable across runs: "task:<area>/<no>", "target:<index>" or "plan"."""
    if finding.target_index is not None:
        return f"target:{finding.target_index}"
    if finding.area is not None or finding.no is not None:
        return f"task:{finding.area or ''}/{finding.no or ''}"
    return "plan"


def message_hash(message: str) -> str:
    return hashlib.sha256(collapse(message).encode()).hexdigest()[:16]


@dataclass
class Located:
    """A finding with the rows it points at, and its dismissal if an official dismissed it."""

    finding: Finding
    location: str
    message_hash: str
    task_id: int | None = None
    target_id: int | None = None
    superior_task_id: int | None = None
    superior_plan_id: int | None = None
    dismissal: FindingDismissal | None = None

    @property
    def severity(self) -> str:
        return self.finding.severity

    @property
    def severity_label(self) -> str:
        return SEVERITY_LABELS[self.finding.severity]

    @property
    def rule_label(self) -> str:
        return RULE_LABELS.get(self.finding.rule, self.finding.rule)

    @property
    def where(self) -> str:
        f = self.finding
        if f.target_index is not None:
            return f"Chỉ tiêu số {f.target_index + 1}"
        if self.location.startswith("task:"):
            # The same number the plan page and the timeline show: the printed one, with its area code.
            label = f"Nhiệm vụ {task_ref(f.area, f.no)}" if f.no else "Nhiệm vụ không số"
            return f"{label} — {AREAS.get(f.area or '', 'không rõ lĩnh vực')}"
        return "Toàn kế hoạch"

    @property
    def span_attr(self) -> str:
        span = self.finding.span
        return f"{span.start}-{span.end}" if span else ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.finding.rule, self.location, self.message_hash)


def digest(*parts: object) -> str:
    h = hashlib.sha1(usedforsecurity=False)
    for part in parts:
        h.update(repr(part).encode())
        h.update(b"\x00")
    return h.hexdigest()


def run_checks(plan: Plan) -> tuple[list[Finding], StoredPlan, StoredPlan | None]:
    """Check ``plan`` (against its superior plan when it has one); cached by content."""
    stored = load_plan(plan)
    superior = load_plan(plan.parent, with_text=False, with_spans=False) if plan.parent_id else None
    directory = unit_directory(plan)
    today = clock.today()
    key = "review:findings:" + digest(
        stored.draft, superior.draft if superior else None, directory.entries, today
    )
    findings = cache.get(key)
    if findings is None:
        findings = check_plan(
            stored.draft, superior=superior.draft if superior else None, agencies=directory, today=today
        )
        cache.set(key, findings, CACHE_SECONDS)
    return findings, stored, superior


def _task_id(
    stored: StoredPlan, area: str | None, no: str | None, finding: Finding | None = None
) -> int | None:
    """The task row a finding names; several tasks with one number: the one whose text holds the span."""
    candidates = [
        i for i, t in enumerate(stored.draft.tasks) if t.area == area and (t.no or None) == (no or None)
    ]
    if not candidates:
        return None
    if len(candidates) > 1 and finding is not None and finding.span is not None:
        for i in candidates:
            spans = stored.draft.tasks[i].spans.values()
            if any(s.start <= finding.span.start < s.end for s in spans):
                return stored.task_ids[i]
    return stored.task_ids[candidates[0]]


def locate(findings: list[Finding], stored: StoredPlan, superior: StoredPlan | None) -> list[Located]:
    located = []
    for f in findings:
        item = Located(f, location_of(f), message_hash(f.message))
        if f.target_index is not None and f.target_index < len(stored.target_ids):
            item.target_id = stored.target_ids[f.target_index]
        elif item.location.startswith("task:"):
            item.task_id = _task_id(stored, f.area, f.no, f)
        if superior is not None and "superior_area" in f.context:
            item.superior_task_id = _task_id(
                superior, f.context["superior_area"], f.context.get("superior_no")
            )
            item.superior_plan_id = superior.plan.pk
        located.append(item)
    return located


def plan_findings(plan: Plan) -> list[Located]:
    """Every finding of the plan, located, with ``dismissal`` set on the dismissed ones."""
    findings, stored, superior = run_checks(plan)
    located = locate(findings, stored, superior)
    dismissals = {
        (d.rule, d.location, d.message_hash): d
        for d in FindingDismissal.objects.filter(plan=plan).select_related("dismissed_by")
    }
    for item in located:
        item.dismissal = dismissals.get(item.key)
    return located


def describe(item: Located) -> str:
    """One line naming a finding for the audit trail and messages."""
    return f"“{item.rule_label}” ({item.where.lower() if item.location == 'plan' else item.where})"


__all__ = ["RULE_LABELS", "SEVERITY_LABELS", "Located", "locate", "plan_findings", "run_checks"]
