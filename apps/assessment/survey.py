"""Survey points (điều tra xã hội học) per unit, imported from XLSX: all rows or none.

The survey part of the index is measured outside CCHC (Sở Nội vụ's sociological survey, or the
national SIPAS) and arrives as a sheet with one row per unit and one column per survey criterion.
Every row is checked first (known unit, a number within the criterion's maximum); one bad cell
and nothing is saved, with the list of rows to fix.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils.exceptions import InvalidFileException

from apps.accounts.policy import require
from apps.assessment.models import Assessment, AssessmentRound, Score, ScoreChange
from apps.assessment.services import show
from apps.audit.context import acting_as
from apps.audit.recorder import record_event
from core.scoring.rules import pts
from core.scoring.xlsx import parse_number, put
from core.text import fold

SHEET = "Điểm khảo sát"
UNIT_HEADER = "Đơn vị"


@dataclass
class SurveyImport:
    errors: list[str] = field(default_factory=list)
    units: int = 0
    changed: int = 0


def _survey_criteria(rnd: AssessmentRound):
    return list(rnd.framework.criteria.filter(is_leaf=True, part="survey").order_by("position"))


def template_bytes(rnd: AssessmentRound) -> bytes:
    """One row per unit of the round, one column per survey criterion (code and maximum shown)."""
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    criteria = _survey_criteria(rnd)
    headers = [UNIT_HEADER] + [f"{c.code} — {c.title} (tối đa {pts(float(c.max_points))})" for c in criteria]
    for col, text in enumerate(headers, 1):
        put(ws, 1, col, text).font = Font(bold=True)
        ws.column_dimensions[ws.cell(1, col).column_letter].width = 40 if col == 1 else 28
    points = {
        (s.assessment_id, s.criterion_id): s.survey_points
        for s in Score.objects.filter(assessment__round=rnd, criterion__in=criteria)
    }
    for row, a in enumerate(
        rnd.assessments.select_related("org_unit", "agency").order_by("org_unit__name"), 2
    ):
        put(ws, row, 1, a.name)
        for col, c in enumerate(criteria, 2):
            value = points.get((a.pk, c.pk))
            put(ws, row, col, float(value) if value is not None else None)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _read(data: bytes):
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, KeyError, OSError, ValueError, TypeError, zipfile.BadZipFile):
        raise ValidationError("Không đọc được tệp: cần tệp Excel .xlsx theo mẫu điểm khảo sát.") from None
    ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    wb.close()
    if not rows:
        raise ValidationError("Tệp không có dữ liệu.")
    return rows


def import_survey(actor, rnd: AssessmentRound, data: bytes) -> SurveyImport:
    """Validate every row, then store the points of every unit in one transaction, or nothing."""
    require(actor, "assessment.manage", rnd)
    result = SurveyImport()
    rows = _read(data)
    criteria = _survey_criteria(rnd)
    if not criteria:
        raise ValidationError("Bộ chỉ số của đợt này không có phần khảo sát.")
    by_code = {c.code: c for c in criteria}
    header = [str(v or "").split("—")[0].strip() for v in rows[0]]
    columns = {i: by_code[h] for i, h in enumerate(header) if h in by_code}
    if fold(header[0] if header else "") != fold(UNIT_HEADER) or not columns:
        raise ValidationError(
            f"Dòng đầu phải là “{UNIT_HEADER}” và mã các tiêu chí khảo sát ({', '.join(by_code)}), như tệp mẫu."
        )
    assessments = {fold(a.name): a for a in rnd.assessments.select_related("org_unit", "agency")}
    planned: list[tuple[Assessment, object, Decimal | None]] = []
    for r, row in enumerate(rows[1:], 2):
        if not row or all(v in (None, "") for v in row):
            continue
        name = str(row[0] or "").strip()
        a = assessments.get(fold(name))
        if a is None:
            result.errors.append(f"Dòng {r}: không có đơn vị “{name}” trong đợt đánh giá.")
            continue
        if a.status == Assessment.Status.PUBLISHED:
            result.errors.append(f"Dòng {r}: kết quả của {a.name} đã công bố, không sửa điểm khảo sát.")
            continue
        for i, c in columns.items():
            cell = row[i] if i < len(row) else None
            try:
                value = parse_number(cell)
            except ValueError:
                result.errors.append(f"Dòng {r}, cột {c.code}: “{cell}” không phải là số.")
                continue
            if value is not None and not 0 <= value <= float(c.max_points):
                result.errors.append(
                    f"Dòng {r}, cột {c.code}: {pts(value)} điểm ngoài khoảng 0 – {pts(float(c.max_points))}."
                )
                continue
            planned.append((a, c, None if value is None else Decimal(str(round(value, 2)))))
        result.units += 1
    if result.errors:
        result.units = 0
        return result
    result.changed = _store(actor, rnd, planned)
    return result


def _store(actor, rnd: AssessmentRound, planned) -> int:
    scores = {
        (s.assessment_id, s.criterion_id): s
        for s in Score.objects.filter(assessment__round=rnd, criterion__part="survey").select_related(
            "criterion"
        )
    }
    changed = 0
    with transaction.atomic(), acting_as(actor):
        for a, c, value in planned:
            s = scores[(a.pk, c.pk)]
            if s.survey_points == value:
                continue
            old = show(s.survey_points, False)
            s.survey_points = value
            s.save(update_fields=["survey_points", "updated_at"])
            ScoreChange.objects.create(
                score=s,
                stage=ScoreChange.Stage.SURVEY,
                old=old,
                new=show(value, False),
                actor=actor,
                actor_name=str(actor),
            )
            changed += 1
        record_event(rnd, f"Nhập điểm khảo sát: {changed} điểm thay đổi.")
    return changed
