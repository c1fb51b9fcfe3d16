"""Fixtures for the plan checks: the five seed plans as the importer reads them, and a tiny builder.

Hand-built plans are one commune ("xã A", 2025, signed 15/3/2025) with a few tasks and targets; each
test changes only what its rule is about, so a rule firing elsewhere shows up as a failure.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from core.checks import Finding, check_plan
from core.plandoc import parse_plan
from core.plandoc.model import AreaAssignment, OrgUnitRef, PlanDraft, TargetDraft, TaskDraft

SEEDS = {
    "000": "000_60e74d9db19c0c48.txt",
    "001": "001_2d17fb29c0483998.txt",
    "002": "002_7ac37e54dd30bcb3.txt",
    "003": "003_f36111fb650658dc.txt",
    "004": "004_53c1f6fe12ac9b9f.txt",
}


@pytest.fixture(scope="session")
def seed_plans(seeds_dir: Path) -> dict[str, PlanDraft]:
    return {key: parse_plan((seeds_dir / name).read_bytes(), name) for key, name in SEEDS.items()}


@pytest.fixture(scope="session")
def seed_findings(seed_plans: dict[str, PlanDraft]) -> dict[str, list[Finding]]:
    """Findings of each seed; 000 is checked against its superior, the province plan 002."""
    today = date(2026, 6, 1)
    return {
        key: check_plan(plan, superior=seed_plans["002"] if key == "000" else None, today=today)
        for key, plan in seed_plans.items()
    }


def task(
    area: str = "tthc",
    no: str = "1",
    content: str = "Rà soát, công bố, công khai thủ tục hành chính.",
    **fields,
) -> TaskDraft:
    fields.setdefault("products", ["Báo cáo kết quả thực hiện"])
    fields.setdefault("lead", ["Trung tâm Phục vụ hành chính công"])
    fields.setdefault("coordinating", ["Các phòng, ban, đơn vị cấp xã"])
    fields.setdefault("deadline_text", "Thường xuyên")
    return TaskDraft(area=area, no=no, content=content, **fields)


def target(
    text: str = "Bảo đảm trên 98% hồ sơ TTHC được giải quyết trước và đúng hạn", **fields
) -> TargetDraft:
    fields.setdefault("area", "tthc")
    fields.setdefault("indicator", "on_time_rate")
    fields.setdefault("comparator", ">=")
    fields.setdefault("value", 98)
    fields.setdefault("unit", "%")
    return TargetDraft(text=text, **fields)


def plan(
    tasks: list[TaskDraft] | None = None, targets: list[TargetDraft] | None = None, **fields
) -> PlanDraft:
    """A clean commune plan for 2025: checking it must give no finding."""
    fields.setdefault("document", "xa_a.txt")
    fields.setdefault("source_text", "")
    fields.setdefault("issuer", "UBND xã A")
    fields.setdefault("org_unit", OrgUnitRef("xã A", "commune", "Tỉnh B"))
    fields.setdefault("decision_number", "12/QĐ-UBND")
    fields.setdefault("signed_date", date(2025, 3, 15))
    fields.setdefault("signer", "Nguyễn Văn A")
    fields.setdefault("period_start", date(2025, 1, 1))
    fields.setdefault("period_end", date(2025, 12, 31))
    return PlanDraft(
        tasks=[task()] if tasks is None else tasks,
        targets=[target()] if targets is None else targets,
        **fields,
    )


def run(p: PlanDraft, **kwargs) -> list[Finding]:
    kwargs.setdefault("today", date(2025, 6, 1))
    return check_plan(p, **kwargs)


def rules(findings: list[Finding], rule: str | None = None) -> list[Finding]:
    return [f for f in findings if rule is None or f.rule == rule]


__all__ = ["AreaAssignment", "plan", "rules", "run", "target", "task"]
