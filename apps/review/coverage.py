"""The superior level's view of the cascade: which of its tasks and targets each subordinate plan
took up (covered), adapted, or left out; and each unit's targets beside the superior's.

The matching is ``core.alignment.coverage_matrix`` (0.6 s for 200 communes x 60 tasks); this module
loads the plans in a fixed number of queries and lays the result out for the page and the XLSX
export. Links an official set by hand win over the matcher: a task linked by hand counts only for
the superior task it was linked to (nothing, when the official said it is the unit's own task).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils.safestring import mark_safe

from apps.accounts.policy import visible_units
from apps.plans.models import Plan
from apps.review.drafts import StoredPlan, load_plans, province_name
from apps.review.findings import CACHE_SECONDS, digest
from apps.review.models import TaskAlignment
from core.alignment import applies_to, coverage_matrix
from core.plandoc.model import AREA_SHORT, AREAS, PlanDraft, TargetDraft, task_ref

STATUS_LABELS = {"covered": "Có", "adapted": "Điều chỉnh", "missing": "Thiếu"}
STATUS_SYMBOLS = {"covered": "✓", "adapted": "≈", "missing": "✗"}
_CELL_HTML = {s: f'<td class="cv {s}">{STATUS_SYMBOLS[s]}</td>' for s in STATUS_SYMBOLS}
APPLIES_LABELS = {
    "lead": "cấp dưới chủ trì",
    "coordinating": "cấp dưới phối hợp",
    "none": "không giao cấp dưới",
}


@dataclass
class TaskColumn:
    index: int
    task_id: int
    area: str | None
    no: str | None
    content: str
    applies: str = "none"
    counts: dict[str, int] = field(default_factory=lambda: {"covered": 0, "adapted": 0, "missing": 0})

    @property
    def code(self) -> str:
        return task_ref(self.area, self.no)  # the one numbering of every page

    @property
    def area_label(self) -> str:
        return AREAS.get(self.area or "", "Không rõ lĩnh vực")


@dataclass
class TargetColumn:
    index: int
    text: str
    indicator: str | None
    comparator: str | None
    value: float | None
    unit: str | None

    @property
    def display(self) -> str:
        return _value_text(self.comparator, self.value, self.unit)


@dataclass
class TargetCell:
    status: str
    value: float | None = None
    text: str = ""
    weaker: bool = False


@dataclass
class UnitRow:
    plan: Plan
    cells: list[str]
    targets: list[TargetCell]
    counts: dict[str, int]

    @property
    def cells_html(self) -> str:
        """The row's task cells as HTML, built here: 12,000 cells through the template engine
        take most of a second. Statuses are our own constants, nothing to escape."""
        return mark_safe("".join(_CELL_HTML[s] for s in self.cells))  # noqa: S308

    @property
    def applicable(self) -> int:
        return sum(self.counts.values())

    @property
    def rate(self) -> int | None:
        """Share of the applicable superior tasks the unit covered or adapted, in percent."""
        if not self.applicable:
            return None
        return round(100 * (self.counts["covered"] + self.counts["adapted"]) / self.applicable)


@dataclass
class CoverageView:
    superior: Plan
    tasks: list[TaskColumn]
    targets: list[TargetColumn]
    rows: list[UnitRow]

    def area_groups(self) -> list[tuple[str, str, int]]:
        """(short code, label, number of columns) of consecutive task columns of one area."""
        groups: list[tuple[str, str, int]] = []
        for column in self.tasks:
            short = AREA_SHORT.get(column.area or "", "?")
            if groups and groups[-1][0] == short:
                groups[-1] = (short, groups[-1][1], groups[-1][2] + 1)
            else:
                groups.append((short, column.area_label, 1))
        return groups

    def area_legend(self) -> list[tuple[str, str]]:
        """(abbreviation, full area name) of the areas in the matrix, in their order: the key to
        the bare TC/TTHC/BM column headers, on the page and in the export."""
        return list(dict.fromkeys((short, label) for short, label, _span in self.area_groups()))


def _value_text(comparator: str | None, value: float | None, unit: str | None) -> str:
    if value is None:
        return ""
    sign = {">=": "≥", "<=": "≤"}.get(comparator or "", comparator or "")
    return f"{sign} {value:g}{unit or ''}".strip()


def _year(target: TargetDraft, plan: PlanDraft) -> int | None:
    if target.year:
        return target.year
    if plan.period_start and plan.period_end and plan.period_start.year == plan.period_end.year:
        return plan.period_start.year
    return None


def weaker(own: TargetDraft, own_plan: PlanDraft, sup: TargetDraft, sup_plan: PlanDraft) -> bool:
    """A lower bar than the superior's for the same indicator and year (as the weaker_target check)."""
    if own.value is None or sup.value is None:
        return False
    own_year, sup_year = _year(own, own_plan), _year(sup, sup_plan)
    if own_year and sup_year and own_year != sup_year:
        return False
    if (sup.comparator or ">=").startswith("<"):
        return own.value > sup.value
    return own.value < sup.value


def _target_cell(
    status: str, by: list[int], sup: TargetDraft, sup_plan: PlanDraft, plan: PlanDraft
) -> TargetCell:
    if status != "covered" or not by:
        text = "trong nội dung nhiệm vụ" if status == "adapted" else ""
        return TargetCell(status, text=text)
    own = [plan.targets[i] for i in by]
    valued = [t for t in own if t.value is not None] or own
    best = valued[0]
    return TargetCell(
        "covered",
        best.value,
        _value_text(best.comparator, best.value, best.unit) or "có",
        any(weaker(t, plan, sup, sup_plan) for t in valued),
    )


def _apply_hand_links(stored: StoredPlan, links: dict[int, int | None]) -> tuple[PlanDraft, set[int]]:
    """The plan without its hand-linked tasks (for the matcher), and the superior task ids they name."""
    if not links:
        return stored.draft, set()
    keep = [t for t, pk in zip(stored.draft.tasks, stored.task_ids, strict=True) if pk not in links]
    named = {parent for pk, parent in links.items() if parent is not None}
    draft = PlanDraft(
        document=stored.draft.document,
        source_text=stored.draft.source_text,
        org_unit=stored.draft.org_unit,
        period_start=stored.draft.period_start,
        period_end=stored.draft.period_end,
        tasks=keep,
        targets=stored.draft.targets,
    )
    return draft, named


def _matrix_cells(superior: PlanDraft, drafts: dict[str, PlanDraft]) -> dict[str, tuple[list[str], list]]:
    """Per plan: the status of each superior task, and (status, own target indexes) of each target.

    Cached under a digest of the plans as loaded, so the export right after the page (or a second
    official of the province) does not match 200 plans again; any change gives a new digest."""
    key = "review:coverage:" + digest(superior, sorted(drafts.items()))
    cells = cache.get(key)
    if cells is None:
        matrix = coverage_matrix(superior, drafts)
        cells = {
            name: ([c.status for c in matrix.tasks[name]], [(c.status, c.by) for c in matrix.targets[name]])
            for name in drafts
        }
        cache.set(key, cells, CACHE_SECONDS)
    return cells


def subordinate_plans(superior: Plan, user) -> list[Plan]:
    """Confirmed plans that name ``superior`` as their superior plan, of units the user sees."""
    return list(
        Plan.objects.filter(parent=superior, status=Plan.Status.ACTIVE, org_unit__in=visible_units(user))
        .select_related("org_unit")
        .order_by("org_unit__name", "pk")
    )


def coverage_view(superior: Plan, user) -> CoverageView:
    children = subordinate_plans(superior, user)
    province = province_name(superior.org_unit)
    sup = load_plans([superior], with_text=False, with_spans=False, province=province)[superior.pk]
    loaded = load_plans(children, with_text=False, with_spans=False, with_agencies=False, province=province)
    hand: dict[int, dict[int, int | None]] = {}
    for plan_id, task_id, parent_id in TaskAlignment.objects.filter(
        task__plan__in=children, manual=True
    ).values_list("task__plan_id", "task_id", "task__parent_task_id"):
        hand.setdefault(plan_id, {})[task_id] = parent_id
    drafts, named = {}, {}
    for plan in children:
        drafts[str(plan.pk)], named[plan.pk] = _apply_hand_links(loaded[plan.pk], hand.get(plan.pk, {}))
    cells = _matrix_cells(sup.draft, drafts)
    level = children[0].org_unit.level if children else "commune"
    columns = [
        TaskColumn(j, sup.task_ids[j], t.area, t.no, t.content, applies_to(t, level))
        for j, t in enumerate(sup.draft.tasks)
    ]
    targets = [
        TargetColumn(j, t.text, t.indicator, t.comparator, t.value, t.unit)
        for j, t in enumerate(sup.draft.targets)
    ]
    rows = []
    for plan in children:
        task_statuses, target_statuses = cells[str(plan.pk)]
        statuses, counts = [], {"covered": 0, "adapted": 0, "missing": 0}
        for column, status in zip(columns, task_statuses, strict=True):
            status = "covered" if column.task_id in named[plan.pk] else status
            statuses.append(status)
            column.counts[status] += 1
            if column.applies != "none":
                counts[status] += 1
        target_cells = [
            _target_cell(status, by, sup.draft.targets[j], sup.draft, loaded[plan.pk].draft)
            for j, (status, by) in enumerate(target_statuses)
        ]
        rows.append(UnitRow(plan, statuses, target_cells, counts))
    return CoverageView(superior, columns, targets, rows)
