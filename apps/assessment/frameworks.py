"""Writes of index frameworks: import from XLSX, save a validated spec, copy to a new year, delete.

A framework is saved whole or not at all: the spec is validated first (points add up, every
criterion has a maximum, bands cover 0-100%), then written in one transaction. Importing for a
year, level and province that already has a framework adds a new version; a framework that a
round uses is never changed or deleted, since scores point into it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from apps.accounts.policy import require
from apps.assessment.models import Criterion, IndexFramework
from apps.audit.context import acting_as
from apps.audit.recorder import record_event
from apps.orgs.models import OrgUnit
from core import measures
from core.scoring.framework import FrameworkSpec, Part, validate
from core.scoring.xlsx import read_framework


@dataclass
class ImportOutcome:
    framework: IndexFramework | None = None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def unmeasured(spec: FrameworkSpec) -> list[str]:
    """Criteria naming a measure nobody computes here yet: scored by hand until one is registered."""
    return [
        f"Tiêu chí {c.code}: chưa có nguồn số liệu “{c.measure}” trên hệ thống, đơn vị sẽ chấm trực tiếp "
        "cho đến khi có số liệu."
        for c in spec.leaves()
        if c.measure and not measures.is_measurable(c.measure)
    ]


def _criterion_rows(framework: IndexFramework, spec: FrameworkSpec) -> list[Criterion]:
    parents = {c.parent_code for c in spec.criteria}
    return [
        Criterion(
            framework=framework,
            code=c.code,
            position=i,
            depth=c.depth,
            title=c.title,
            max_points=c.max_points,
            method=c.method,
            kind=c.kind.value,
            levels=[{"label": lv.label, "points": lv.points, "min_rate": lv.min_rate} for lv in c.levels],
            full_at=c.full_at,
            zero_below=c.zero_below,
            measure=c.measure,
            evidence_required=c.evidence_required,
            not_applicable=c.not_applicable.value,
            part=spec.part_of(c.code).value,
            is_leaf=c.code not in parents,
        )
        for i, c in enumerate(spec.criteria)
    ]


def save_framework(actor, province: OrgUnit, spec: FrameworkSpec, *, copied_from=None) -> IndexFramework:
    """Validate and store a framework as the next version for its year and level (actor None:
    an operator at the command line)."""
    if actor is not None:
        require(actor, "assessment.manage", province)
    if province.level != OrgUnit.Level.PROVINCE:
        raise ValidationError(f"{province} không phải cấp tỉnh: bộ chỉ số do tỉnh ban hành.")
    errors = validate(spec)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic(), acting_as(actor):
        latest = IndexFramework.objects.filter(province=province, year=spec.year, level=spec.level).aggregate(
            v=Max("version")
        )["v"]
        framework = IndexFramework.objects.create(
            province=province,
            year=spec.year,
            level=spec.level,
            version=(latest or 0) + 1,
            title=spec.title,
            decision=spec.decision,
            source=spec.source,
            total_max=spec.total_max,
            appraisal_max=spec.appraisal_max,
            survey_max=spec.survey_max,
            bands=[{"label": b.label, "min_percent": b.min_percent} for b in spec.bands],
            copied_from=copied_from,
            created_by=actor,
        )
        rows = Criterion.objects.bulk_create(_criterion_rows(framework, spec))
        by_code = {c.code: c for c in rows}
        for c in rows:
            parent = c.code.rsplit(".", 1)[0] if "." in c.code else None
            c.parent = by_code.get(parent) if parent else None
        Criterion.objects.bulk_update([c for c in rows if c.parent], ["parent"])
        leaves = sum(1 for c in rows if c.is_leaf)
        record_event(
            framework,
            f"Lưu bộ chỉ số {spec.title} (phiên bản {framework.version}): {len(rows)} dòng, {leaves} tiêu chí chấm điểm.",
        )
    return framework


def import_framework(actor, province: OrgUnit, data: bytes, *, year: int, level: str) -> ImportOutcome:
    """Read an uploaded workbook and save it, or report row by row why nothing was saved."""
    read = read_framework(data, year=year, level=level, province=province.name)
    if read.errors or read.spec is None:
        return ImportOutcome(errors=read.errors)
    errors = validate(read.spec)
    if errors:
        return ImportOutcome(errors=errors)
    try:
        framework = save_framework(actor, province, read.spec)
    except ValidationError as exc:
        return ImportOutcome(errors=exc.messages)
    return ImportOutcome(framework, warnings=unmeasured(read.spec))


def copy_framework(actor, framework: IndexFramework, year: int) -> IndexFramework:
    """Start next year's framework from this one: same criteria, points and bands, the year changed."""
    if actor is not None:
        require(actor, "assessment.manage", framework)
    spec = framework.spec()
    title = re.sub(rf"\b{framework.year}\b", str(year), spec.title)
    if title == spec.title:
        title = f"{spec.title} ({year})"
    copy = replace(spec, year=year, title=title, decision="")
    return save_framework(actor, framework.province, copy, copied_from=framework)


def in_use(framework: IndexFramework) -> bool:
    return framework.rounds.exists()


def delete_framework(actor, framework: IndexFramework) -> None:
    require(actor, "assessment.manage", framework)
    if in_use(framework):
        raise ValidationError(
            "Bộ chỉ số đã được dùng cho một đợt đánh giá: không thể xóa (điểm đã chấm gắn với nó)."
        )
    with transaction.atomic(), acting_as(actor):
        record_event(framework.province, f"Xóa bộ chỉ số {framework} (năm {framework.year}).")
        framework.criteria.all().delete()
        framework.delete()


def survey_leaves(framework: IndexFramework) -> list[Criterion]:
    return list(framework.criteria.filter(is_leaf=True, part=Part.SURVEY).order_by("position"))
