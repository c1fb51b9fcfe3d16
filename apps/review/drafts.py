"""Stored plans back into core ``PlanDraft``s, so the pure checks and alignment run on the plan as
the officials corrected it, not as the importer first read it.

Everything the checks read comes back: header fields, targets, tasks with the agencies as printed,
the "Tổ chức thực hiện" assignments, the source text and every span (so body findings skip task
text and each finding still points into the document). Rows are read with ``values_list`` in a
fixed number of queries whatever the number of plans, because the province's coverage matrix
loads every commune plan at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from apps.orgs.models import OrgUnit
from apps.plans.directory import agency_directory
from apps.plans.models import Plan, SourceDocument, Target, Task, TaskAgency
from apps.review.models import AreaAssignment
from core.agencies import AgencyDirectory, AgencyEntry
from core.plandoc.document import Span
from core.plandoc.model import AreaAssignment as AssignmentDraft
from core.plandoc.model import OrgUnitRef, PlanDraft, TargetDraft, TaskDraft

HAND_CHOSEN_SCORE = 1.0  # apps.plans.directory.choose_agency stores this score for an official's choice


@dataclass
class StoredPlan:
    """A plan as a ``PlanDraft``, with the row ids of its tasks and targets in the same order."""

    plan: Plan
    draft: PlanDraft
    task_ids: list[int] = field(default_factory=list)
    target_ids: list[int] = field(default_factory=list)

    def task_index(self, pk: int) -> int | None:
        try:
            return self.task_ids.index(pk)
        except ValueError:
            return None


def to_span(value) -> Span | None:
    """A stored ``[start, end]`` or ``[start, end, page]`` as a core Span; anything else is None."""
    if not isinstance(value, list | tuple) or len(value) < 2:
        return None
    try:
        start, end = int(value[0]), int(value[1])
    except (TypeError, ValueError):
        return None
    if end <= start:
        return None
    page = int(value[2]) if len(value) > 2 and value[2] is not None else None
    return Span(start, end, page)


def to_spans(data) -> dict[str, Span]:
    if not isinstance(data, dict):
        return {}
    spans = {key: to_span(value) for key, value in data.items()}
    return {key: span for key, span in spans.items() if span is not None}


def province_name(unit: OrgUnit) -> str | None:
    """The province a unit belongs to, as plans print it ("Thanh Hóa")."""
    chain = [unit, *unit.ancestors()]
    top = next((u for u in reversed(chain) if u.level == OrgUnit.Level.PROVINCE), None)
    return top.short_name if top else None


def _float(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def load_plans(
    plans: list[Plan],
    *,
    with_text: bool = True,
    with_spans: bool = True,
    with_agencies: bool = True,
    province: str | None = None,
) -> dict[int, StoredPlan]:
    """``StoredPlan`` of each plan (``org_unit`` should be select_related).

    The coverage matrix passes ``with_text=False, with_spans=False``: it compares task texts and
    targets only (no spans, products, deadlines or notes), and skipping 200 source documents keeps
    it fast. ``with_agencies=False`` leaves the tasks' agencies out: the matrix reads those of the
    superior plan only (which tasks it gives the subordinate level)."""
    ids = [p.pk for p in plans]
    tasks: dict[int, list[tuple]] = {pk: [] for pk in ids}
    # Without spans (the coverage matrix) only what alignment reads: decoding 12,000 JSON product
    # lists would cost more than the matching itself.
    task_fields = ["pk", "plan_id", "area", "no", "content"]
    task_fields += ["products", "deadline_text", "notes", "spans"] if with_spans else []
    for row in (
        Task.objects.filter(plan_id__in=ids).order_by("plan_id", "position", "pk").values_list(*task_fields)
    ):
        tasks[row[1]].append(row if with_spans else (*row, [], "", "", {}))
    printed: dict[int, tuple[list[str], list[str]]] = {}
    agencies = TaskAgency.objects.filter(task__plan_id__in=ids if with_agencies else [])
    for task_id, role, name in agencies.order_by("task_id", "role", "position", "pk").values_list(
        "task_id", "role", "printed"
    ):
        lead, coordinating = printed.setdefault(task_id, ([], []))
        (lead if role == TaskAgency.Role.LEAD else coordinating).append(name)
    targets: dict[int, list[tuple]] = {pk: [] for pk in ids}
    target_fields = ["pk", "plan_id", "area", "text", "indicator", "comparator", "value", "unit", "year"]
    for row in (
        Target.objects.filter(plan_id__in=ids)
        .order_by("plan_id", "position", "pk")
        .values_list(*target_fields, *(["spans"] if with_spans else []))
    ):
        targets[row[1]].append(row)
    assignments: dict[int, list[AssignmentDraft]] = {pk: [] for pk in ids}
    for plan_id, area, agency, numbers, verb, span in (
        AreaAssignment.objects.filter(plan_id__in=ids)
        .order_by("plan_id", "position")
        .values_list("plan_id", "area", "agency", "task_numbers", "verb", "span")
    ):
        assignments[plan_id].append(
            AssignmentDraft(area, agency, list(numbers or []), to_span(span), verb or None)
        )
    sources: dict[int, tuple[str, str]] = {}
    if with_text:
        source_ids = [p.source_id for p in plans if p.source_id]
        for pk, filename, text in SourceDocument.objects.filter(pk__in=source_ids).values_list(
            "pk", "filename", "text"
        ):
            sources[pk] = (filename, text)
    result = {}
    for plan in plans:
        filename, text = sources.get(plan.source_id or 0, (f"ke-hoach-{plan.pk}", ""))
        draft = PlanDraft(
            document=filename,
            source_text=text,
            issuer=plan.issuer or None,
            org_unit=OrgUnitRef(
                plan.org_unit.name,
                plan.org_unit.level,
                province if province else province_name(plan.org_unit),
            ),
            title=plan.title or None,
            decision_number=plan.decision_number or None,
            signed_date=plan.signed_date,
            signer=plan.signer or None,
            period_start=plan.period_start,
            period_end=plan.period_end,
            spans=to_spans(plan.spans) if with_spans else {},
            assignments=assignments[plan.pk],
        )
        stored = StoredPlan(plan, draft)
        for row in tasks[plan.pk]:
            lead, coordinating = printed.get(row[0], ([], []))
            draft.tasks.append(
                TaskDraft(
                    area=row[2] or None,
                    no=row[3] or None,
                    content=row[4],
                    products=list(row[5] or []),
                    lead=list(lead),
                    coordinating=list(coordinating),
                    deadline_text=row[6] or None,
                    notes=row[7] or None,
                    spans=to_spans(row[8]),
                )
            )
            stored.task_ids.append(row[0])
        for row in targets[plan.pk]:
            draft.targets.append(
                TargetDraft(
                    area=row[2] or None,
                    text=row[3],
                    indicator=row[4] or None,
                    comparator=row[5] or None,
                    value=_float(row[6]),
                    unit=row[7] or None,
                    year=row[8],
                    spans=to_spans(row[9]) if with_spans else {},
                )
            )
            stored.target_ids.append(row[0])
        result[plan.pk] = stored
    return result


def load_plan(plan: Plan, **kwargs) -> StoredPlan:
    return load_plans([plan], **kwargs)[plan.pk]


def unit_directory(plan: Plan) -> AgencyDirectory:
    """The unit's agency directory (its agencies, groups and aliases, and its superiors'), plus the
    names an official mapped by hand on this plan without remembering them as aliases: a name the
    official already settled must not be reported as unknown."""
    directory = agency_directory(plan.org_unit)
    chosen: dict[str, list[str]] = {}
    for name, agency_id, group_id in TaskAgency.objects.filter(
        task__plan=plan, score=HAND_CHOSEN_SCORE
    ).values_list("printed", "agency_id", "group_id"):
        key = f"agency:{agency_id}" if agency_id else f"group:{group_id}" if group_id else None
        if key:
            chosen.setdefault(key, []).append(name)
    if not chosen:
        return directory
    entries = [
        AgencyEntry(e.key, e.name, [*e.aliases, *chosen.get(e.key, [])], e.kind) for e in directory.entries
    ]
    return AgencyDirectory(entries, directory.threshold)


def plan_queryset():
    return Plan.objects.select_related("org_unit__parent__parent", "source", "parent")
