"""Checks against the superior plan: what it asks of this level that the plan leaves out.

Only superior tasks that name this level (e.g. "UBND cấp xã" among the leads) are expected in the
plan; a province task led by Sở Tài chính alone is not a commune's job. A missing task the superior
gives this level to lead is a warning; one where this level only coordinates is worth a mention.
A superior plan of the wrong level or period is reported and the comparison skipped, since every
finding against it would be noise.
"""

from __future__ import annotations

from collections.abc import Iterator

from core.checks.context import LEVEL_RANK, CheckContext, task_label
from core.checks.finding import INFO, WARNING, Finding
from core.checks.mentions import INDICATOR_NAMES, qualifiers
from core.checks.registry import check
from core.plandoc.model import PlanDraft, TargetDraft


def mismatch(plan: PlanDraft, superior: PlanDraft) -> str | None:
    """Why ``superior`` cannot be this plan's superior, or None when it can."""
    own = LEVEL_RANK.get(plan.org_unit.level or "commune", 1)
    other = LEVEL_RANK.get(superior.org_unit.level or "", 0)
    if other <= own:
        return (
            f"Kế hoạch cấp trên đã chọn ({superior.org_unit.name or superior.document}) không ở cấp cao hơn "
            f"{plan.org_unit.name or 'đơn vị'}."
        )
    if plan.period_start and plan.period_end and superior.period_start and superior.period_end:
        if superior.period_end < plan.period_start or superior.period_start > plan.period_end:
            return (
                f"Kỳ của kế hoạch cấp trên ({superior.period_start:%Y}-{superior.period_end:%Y}) không trùng "
                f"kỳ của kế hoạch này ({plan.period_start:%Y}-{plan.period_end:%Y})."
            )
    return None


@check("superior_mismatch", needs_superior=True)
def superior_mismatch(ctx: CheckContext) -> Iterator[Finding]:
    assert ctx.superior is not None
    why = mismatch(ctx.plan, ctx.superior)
    if why:
        yield ctx.for_plan(
            "superior_mismatch",
            WARNING,
            f"{why} Chọn đúng kế hoạch cấp trên để đối chiếu; bỏ qua việc đối chiếu.",
        )


def _alignment(ctx: CheckContext):
    from core.alignment import align  # noqa: PLC0415 - core.alignment imports core.checks.mentions

    cached = getattr(ctx, "_alignment", None)
    if cached is None:
        assert ctx.superior is not None
        cached = align(ctx.plan, ctx.superior)
        ctx._alignment = cached  # type: ignore[attr-defined]
    return cached


@check("superior_task_not_covered", needs_superior=True)
def superior_task_not_covered(ctx: CheckContext) -> Iterator[Finding]:
    assert ctx.superior is not None
    if mismatch(ctx.plan, ctx.superior):
        return
    for coverage in _alignment(ctx).superior_tasks:
        if coverage.status != "missing" or coverage.applies == "none":
            continue
        sup = ctx.superior.tasks[coverage.superior_index]
        role = "chủ trì" if coverage.applies == "lead" else "phối hợp"
        message = (
            f"Kế hoạch cấp trên giao cấp này {role} {task_label(sup)} (“{sup.content[:120]}”), nhưng kế hoạch "
            "không có nhiệm vụ tương ứng. Bổ sung nhiệm vụ, hoặc ghi rõ lý do không thực hiện."
        )
        severity = WARNING if coverage.applies == "lead" else INFO
        yield ctx.for_plan(
            "superior_task_not_covered", severity, message, superior_area=sup.area, superior_no=sup.no
        )


@check("superior_target_not_covered", needs_superior=True)
def superior_target_not_covered(ctx: CheckContext) -> Iterator[Finding]:
    assert ctx.superior is not None
    if mismatch(ctx.plan, ctx.superior):
        return
    for coverage in _alignment(ctx).superior_targets:
        if coverage.status != "missing":
            continue
        target = ctx.superior.targets[coverage.superior_index]
        numeric = target.value is not None
        what = INDICATOR_NAMES.get(target.indicator or "", "") if numeric else ""
        message = (
            f"Kế hoạch cấp trên có chỉ tiêu “{target.text[:140]}”"
            f"{f' ({what})' if what else ''} nhưng kế hoạch này không có chỉ tiêu tương ứng. "
            "Bổ sung chỉ tiêu cho đơn vị mình."
        )
        yield ctx.for_plan(
            "superior_target_not_covered",
            WARNING if numeric else INFO,
            message,
            superior_target_index=coverage.superior_index,
        )


def _year(target: TargetDraft, plan: PlanDraft) -> int | None:
    if target.year:
        return target.year
    if plan.period_start and plan.period_end and plan.period_start.year == plan.period_end.year:
        return plan.period_start.year
    return None


@check("weaker_target", needs_superior=True)
def weaker_target(ctx: CheckContext) -> Iterator[Finding]:
    assert ctx.superior is not None
    if mismatch(ctx.plan, ctx.superior):
        return
    for index, own in enumerate(ctx.plan.targets):
        if not own.indicator or own.indicator == "other" or own.value is None:
            continue
        for sup in ctx.superior.targets:
            if (
                sup.indicator != own.indicator
                or sup.value is None
                or qualifiers(sup.text) != qualifiers(own.text)
            ):
                continue
            own_year, sup_year = _year(own, ctx.plan), _year(sup, ctx.superior)
            if own_year and sup_year and own_year != sup_year:
                continue
            lower_is_better = (sup.comparator or ">=").startswith("<")
            weaker = own.value > sup.value if lower_is_better else own.value < sup.value
            if not weaker:
                continue
            name = INDICATOR_NAMES.get(own.indicator, own.indicator)
            message = (
                f"Chỉ tiêu “{name}” của kế hoạch ({own.value:g}%) thấp hơn mức kế hoạch cấp trên giao "
                f"({sup.value:g}%). Nâng chỉ tiêu lên ít nhất bằng mức của cấp trên."
            )
            yield ctx.for_target("weaker_target", WARNING, message, index, superior_value=sup.value)
            break
