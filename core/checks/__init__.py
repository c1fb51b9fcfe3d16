"""Plan quality checks: ``check_plan(plan)`` lists what an official should fix before tracking it.

Each theme lives in its own module (header, text, tasks, deadlines, targets, superior) and registers
its checks in ``registry.CHECKS``; importing this package imports them all. Findings are sorted by
severity, then by their place in the document.
"""

from __future__ import annotations

from datetime import date

from core.agencies import AgencyDirectory

# Importing the theme modules registers their checks.
from core.checks import deadlines, header, targets, tasks, text  # noqa: F401
from core.checks import superior as superior_checks  # noqa: F401
from core.checks.context import CheckContext
from core.checks.finding import ERROR, INFO, RULES, SEVERITIES, WARNING, Finding
from core.checks.registry import CHECKS, Check
from core.plandoc.model import PlanDraft

__all__ = ["CHECKS", "ERROR", "INFO", "RULES", "SEVERITIES", "WARNING", "Check", "Finding", "check_plan"]


def check_plan(
    plan: PlanDraft,
    *,
    superior: PlanDraft | None = None,
    agencies: AgencyDirectory | None = None,
    today: date | None = None,
) -> list[Finding]:
    """All findings on ``plan`` (and against ``superior`` when given), most serious first."""
    ctx = CheckContext(plan, superior, agencies, today)
    findings: list[Finding] = []
    for item in CHECKS:
        if item.needs_superior and superior is None:
            continue
        findings.extend(item.fn(ctx))
    return sorted(findings, key=Finding.sort_key)
