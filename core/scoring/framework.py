"""An index framework (Bộ chỉ số CCHC) as plain data, and the rules that make one valid.

Since 2025 each province sets its own index for its communes and departments (Nghị định 25/2025/NĐ-CP;
reference notes §9): the criteria, their points, the split between the appraised part and the survey
part (60/40, 70/30, ...) and the bands are all data. A framework is a tree of dotted codes:
lĩnh vực ``1`` → tiêu chí ``1.1`` → tiêu chí thành phần ``1.1.1``. Only the leaves are scored; a
parent's maximum must be the sum of its children's, and the lĩnh vực of each part must add up to
that part's declared maximum, so a typo in one cell of a 100-row sheet cannot pass unnoticed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from core.reporting.targets import number
from core.text import capitalise_first

TOLERANCE = 0.005  # points are written with at most two decimals
CODE_RE = re.compile(r"^\d{1,2}(\.\d{1,2}){0,2}$")
MAX_DEPTH = 3
_RATE_LABEL = re.compile(r"^\s*(?:≥|>=)\s*(\d+(?:[.,]\d+)?)\s*%")


class ScoringKind(StrEnum):
    YES_NO = "yes_no"  # đạt: full points, không đạt: 0
    LEVELS = "levels"  # one of the declared levels (chosen, or picked by a measured rate)
    RATE = "rate"  # proportional to a rate (measured, or declared with evidence)
    MANUAL = "manual"  # any number from 0 to the maximum


KIND_LABELS: dict[str, str] = {
    ScoringKind.YES_NO: "Có/không",
    ScoringKind.LEVELS: "Theo mức",
    ScoringKind.RATE: "Theo tỷ lệ",
    ScoringKind.MANUAL: "Chấm trực tiếp",
}


class NotApplicable(StrEnum):
    """What happens when a criterion does not apply to a unit (no such task, no such office)."""

    NOT_ALLOWED = "none"
    FULL_POINTS = "full"  # counted as met: full points, maximum unchanged
    REMOVED = "removed"  # left out: neither points nor maximum


NA_LABELS: dict[str, str] = {
    NotApplicable.NOT_ALLOWED: "Không có trường hợp không áp dụng",
    NotApplicable.FULL_POINTS: "Không áp dụng thì tính đủ điểm",
    NotApplicable.REMOVED: "Không áp dụng thì trừ khỏi điểm tối đa",
}


class Part(StrEnum):
    APPRAISAL = "appraisal"  # self-scored by the unit, appraised by the council
    SURVEY = "survey"  # điều tra xã hội học: supplied from outside, imported per unit


PART_LABELS: dict[str, str] = {Part.APPRAISAL: "Thẩm định", Part.SURVEY: "Khảo sát (điều tra xã hội học)"}


class Level(StrEnum):
    COMMUNE = "commune"
    DEPARTMENT = "department"


LEVEL_LABELS: dict[str, str] = {Level.COMMUNE: "UBND cấp xã", Level.DEPARTMENT: "Sở, ban, ngành"}


@dataclass(frozen=True)
class ScoreLevel:
    """One level of a "theo mức" criterion; ``min_rate`` set when a measured rate picks it ("≥ 80%")."""

    label: str
    points: float
    min_rate: float | None = None


@dataclass(frozen=True)
class CriterionSpec:
    code: str
    title: str
    max_points: float | None
    method: str = ""
    kind: ScoringKind = ScoringKind.MANUAL
    levels: tuple[ScoreLevel, ...] = ()
    full_at: float | None = None  # RATE: full points from this rate (default 100%)
    zero_below: float | None = None  # RATE: no points below this rate
    measure: str = ""  # a core.measures code the points are computed from
    evidence_required: bool = False
    not_applicable: NotApplicable = NotApplicable.NOT_ALLOWED
    part: Part | None = None  # on lĩnh vực rows; the criteria below inherit it
    row: int | None = None  # the source row, for messages

    @property
    def depth(self) -> int:
        return self.code.count(".") + 1

    @property
    def parent_code(self) -> str:
        return self.code.rsplit(".", 1)[0] if "." in self.code else ""

    @property
    def label(self) -> str:
        return f"dòng {self.row} (mã {self.code})" if self.row else f"tiêu chí {self.code}"


@dataclass(frozen=True)
class Band:
    """A xếp loại: from ``min_percent`` (inclusive) up to the next band."""

    label: str
    min_percent: float


@dataclass
class FrameworkSpec:
    title: str
    year: int
    level: str
    province: str
    total_max: float | None
    appraisal_max: float | None
    survey_max: float = 0.0
    decision: str = ""  # số, ngày của quyết định ban hành
    source: str = ""  # where the criteria come from
    bands: list[Band] = field(default_factory=list)
    criteria: list[CriterionSpec] = field(default_factory=list)

    def leaves(self) -> list[CriterionSpec]:
        parents = {c.parent_code for c in self.criteria}
        return [c for c in self.criteria if c.code not in parents]

    def part_of(self, code: str) -> Part:
        area = code.split(".", 1)[0]
        for c in self.criteria:
            if c.code == area:
                return c.part or Part.APPRAISAL
        return Part.APPRAISAL


def code_key(code: str) -> tuple[int, ...]:
    """Sort key of a dotted code: 1.2 before 1.10."""
    return tuple(int(p) for p in code.split(".") if p.isdigit())


def parse_number(value) -> float | None:
    """A cell as a number: 1.5, "1,5", "1.5", "" -> None; raises ValueError on other text."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    if not text:
        return None
    return float(text.replace(",", "."))


def parse_levels(text: str) -> tuple[ScoreLevel, ...]:
    """ "Ban hành đúng hạn: 1; Ban hành chậm: 0,5" or "≥ 95%: 2; ≥ 80%: 1; < 80%: 0"."""
    levels = []
    for chunk in re.split(r"[;\n]", text or ""):
        if not chunk.strip():
            continue
        label, sep, points = chunk.rpartition(":")
        if not sep or not label.strip():
            raise ValueError(chunk.strip())
        m = _RATE_LABEL.match(label)
        rate = float(m.group(1).replace(",", ".")) if m else None
        levels.append(ScoreLevel(label.strip(), parse_number(points) or 0.0, rate))
    return tuple(levels)


def validate(spec: FrameworkSpec) -> list[str]:
    """Every reason the framework cannot be used, in Vietnamese; empty when it is valid."""
    errors: list[str] = []
    if not spec.title.strip():
        errors.append("Thiếu tên bộ chỉ số.")
    if not 2000 <= spec.year <= 2100:
        errors.append(f"Năm áp dụng {spec.year} không hợp lệ.")
    if spec.level not in LEVEL_LABELS:
        errors.append("Cấp áp dụng phải là cấp xã hoặc sở, ban, ngành.")
    errors += _check_split(spec)
    errors += _check_rows(spec)
    if not errors:
        errors += _check_sums(spec)
    errors += _check_bands(spec.bands)
    return errors


def _check_split(spec: FrameworkSpec) -> list[str]:
    if spec.total_max is None or spec.total_max <= 0:
        return ["Chưa khai báo tổng điểm tối đa của bộ chỉ số."]
    if spec.appraisal_max is None or spec.appraisal_max <= 0:
        return ["Chưa khai báo điểm tối đa phần thẩm định."]
    if spec.survey_max < 0:
        return ["Điểm tối đa phần khảo sát không được âm."]
    if abs(spec.appraisal_max + spec.survey_max - spec.total_max) > TOLERANCE:
        return [
            f"Điểm thẩm định ({number(spec.appraisal_max)}) cộng điểm khảo sát ({number(spec.survey_max)}) "
            f"phải bằng tổng điểm tối đa ({number(spec.total_max)})."
        ]
    return []


def _check_rows(spec: FrameworkSpec) -> list[str]:
    errors: list[str] = []
    seen: set[str] = set()
    if not spec.criteria:
        return ["Bộ chỉ số chưa có tiêu chí nào."]
    parents = {c.parent_code for c in spec.criteria}
    for c in spec.criteria:
        where = capitalise_first(c.label)
        if not CODE_RE.match(c.code):
            errors.append(f"{where}: mã “{c.code}” không hợp lệ (viết dạng 1, 1.2 hoặc 1.2.3).")
            continue
        if c.code in seen:
            errors.append(f"{where}: mã {c.code} bị trùng.")
        seen.add(c.code)
        if c.depth > 1 and c.parent_code not in seen:
            errors.append(f"{where}: chưa có tiêu chí cấp trên {c.parent_code} ở các dòng phía trên.")
        if not c.title.strip():
            errors.append(f"{where}: thiếu nội dung tiêu chí.")
        if c.max_points is None:
            errors.append(f"{where}: tiêu chí chưa có điểm tối đa.")
            continue
        if c.max_points <= 0:
            errors.append(f"{where}: điểm tối đa phải lớn hơn 0.")
        if c.code not in parents:
            errors += [f"{where}: {e}" for e in _check_leaf(c, spec.part_of(c.code))]
    return errors


def _check_leaf(c: CriterionSpec, part: Part) -> list[str]:
    """Rules of a scored criterion: its kind's parameters must fit its maximum."""
    errors: list[str] = []
    mx = c.max_points or 0
    if part is Part.SURVEY and c.kind is not ScoringKind.MANUAL:
        errors.append(
            "tiêu chí phần khảo sát được nhập điểm từ kết quả khảo sát, cách chấm phải là chấm trực tiếp."
        )
    if c.kind is ScoringKind.LEVELS:
        if len(c.levels) < 2:
            errors.append("cách chấm theo mức cần ít nhất hai mức điểm.")
        for lv in c.levels:
            if lv.points < 0 or lv.points > mx + TOLERANCE:
                errors.append(
                    f"mức “{lv.label}” có {number(lv.points)} điểm, ngoài khoảng 0 – {number(mx)} điểm tối đa."
                )
        if c.levels and abs(max(lv.points for lv in c.levels) - mx) > TOLERANCE:
            errors.append(f"mức cao nhất phải bằng điểm tối đa ({number(mx)}).")
    if c.kind is ScoringKind.RATE:
        full = c.full_at if c.full_at is not None else 100.0
        if not 0 < full <= 100:
            errors.append("tỷ lệ đạt điểm tối đa phải trong khoảng 0 – 100%.")
        if c.zero_below is not None and not 0 <= c.zero_below < full:
            errors.append("tỷ lệ dưới mức không tính điểm phải nhỏ hơn tỷ lệ đạt điểm tối đa.")
    return errors


def _check_sums(spec: FrameworkSpec) -> list[str]:
    errors: list[str] = []
    children: dict[str, list[CriterionSpec]] = {}
    for c in spec.criteria:
        children.setdefault(c.parent_code, []).append(c)
    for c in spec.criteria:
        kids = children.get(c.code)
        if not kids:
            continue
        total = sum(k.max_points or 0 for k in kids)
        if abs(total - (c.max_points or 0)) > TOLERANCE:
            errors.append(
                f"{capitalise_first(c.label)}: điểm tối đa {number(c.max_points)} nhưng các tiêu chí "
                f"bên dưới cộng lại {number(total)}."
            )
    for part, declared in ((Part.APPRAISAL, spec.appraisal_max), (Part.SURVEY, spec.survey_max)):
        areas = [c for c in children.get("", []) if (c.part or Part.APPRAISAL) is part]
        total = sum(a.max_points or 0 for a in areas)
        if abs(total - (declared or 0)) > TOLERANCE:
            errors.append(
                f"Các lĩnh vực phần {PART_LABELS[part].lower()} cộng lại {number(total)} điểm, khác điểm tối đa "
                f"đã khai báo cho phần này ({number(declared or 0)})."
            )
    return errors


def _check_bands(bands: list[Band]) -> list[str]:
    if not bands:
        return ["Chưa khai báo xếp loại (ví dụ Xuất sắc từ 90%, Tốt từ 80%, ...)."]
    errors: list[str] = []
    labels = [b.label.strip() for b in bands]
    if len(set(labels)) != len(labels) or not all(labels):
        errors.append("Tên các mức xếp loại phải có và không được trùng nhau.")
    mins = [b.min_percent for b in bands]
    if any(not 0 <= m <= 100 for m in mins):
        errors.append("Ngưỡng xếp loại phải trong khoảng 0 – 100%.")
    if len(set(mins)) != len(mins):
        errors.append("Hai mức xếp loại không được có cùng ngưỡng.")
    if 0 not in mins:
        errors.append("Phải có một mức xếp loại bắt đầu từ 0% để đơn vị nào cũng được xếp loại.")
    return errors


def spec_from_dict(data: dict) -> FrameworkSpec:
    """A framework from its JSON form (the demo framework is kept as such a file).

    Criteria are ``{"code", "title", "max", "method", "kind", "levels": [[label, points], ...],
    "full_at", "zero_below", "measure", "evidence", "na", "part"}``, only ``code``, ``title`` and
    ``max`` required; a level label starting with "≥ N%" is picked by a measured rate."""

    def criterion(c: dict) -> CriterionSpec:
        levels = parse_levels("; ".join(f"{label}: {points}" for label, points in c.get("levels", [])))
        return CriterionSpec(
            code=c["code"],
            title=c["title"],
            max_points=c.get("max"),
            method=c.get("method", ""),
            kind=ScoringKind(c.get("kind", "manual")),
            levels=levels,
            full_at=c.get("full_at"),
            zero_below=c.get("zero_below"),
            measure=c.get("measure", ""),
            evidence_required=bool(c.get("evidence", False)),
            not_applicable=NotApplicable(c.get("na", "none")),
            part=Part(c["part"]) if c.get("part") else None,
        )

    return FrameworkSpec(
        title=data["title"],
        year=int(data["year"]),
        level=data["level"],
        province=data["province"],
        total_max=data.get("total_max"),
        appraisal_max=data.get("appraisal_max"),
        survey_max=data.get("survey_max", 0.0),
        decision=data.get("decision", ""),
        source=data.get("source", ""),
        bands=[Band(label, float(low)) for label, low in data.get("bands", [])],
        criteria=[criterion(c) for c in data.get("criteria", [])],
    )
