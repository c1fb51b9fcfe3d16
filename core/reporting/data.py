"""What a periodic report says, as plain data: the one input of the DOCX and XLSX builders.

The builders take a ``ReportData`` and nothing else, so the document is testable without a
database, and a signed report can freeze its data as JSON (``to_dict``/``from_dict``): the file
generated again next year must say what was signed, not what the database says by then.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import date

from core.plandoc.model import AREAS
from core.reporting.nd30 import number_line

AREA_CODES: tuple[str, ...] = tuple(AREAS)
# Section II of the report covers the six reform areas; chỉ đạo, điều hành is section I.
RESULT_AREAS: tuple[str, ...] = tuple(code for code in AREA_CODES if code != "chi_dao")


@dataclass
class EvidenceRef:
    """A tài liệu kiểm chứng as the report cites it: its title and where to find it."""

    title: str
    ref: str = ""


@dataclass
class TaskFact:
    """A task of the plan, its state on the cut-off day and what its agencies reported."""

    area: str
    no: str
    content: str
    state: str  # a core.reporting.facts.TaskState value
    lead: list[str] = field(default_factory=list)
    coordinating: list[str] = field(default_factory=list)
    deadline_text: str = ""
    due: date | None = None
    result: str = ""  # the reported results, joined
    percent: int | None = None
    evidence: list[EvidenceRef] = field(default_factory=list)
    unit: str = ""  # the commune, in a compiled province report


@dataclass
class IndicatorFact:
    """An indicator's value in the period against the plan's target."""

    code: str
    name: str
    unit: str = "%"
    target_text: str = ""
    comparator: str = ""
    target_value: float | None = None
    year: int | None = None
    value: float | None = None
    source: str = ""
    evidence_note: str = ""
    verdict: str = "no_data"  # core.reporting.targets.Verdict value
    trend: list[tuple[str, float]] = field(default_factory=list)  # (period label, value), oldest first


@dataclass
class CommuneRow:
    """One subordinate unit in a compiled report: did it report, on time, and its main figures."""

    name: str
    status: str  # "submitted", "draft", "none"
    submitted_on: date | None = None
    due: date | None = None
    on_time: bool | None = None
    counts: dict[str, int] = field(default_factory=dict)  # TaskState value -> number of tasks
    indicators_met: int = 0
    indicators_with_data: int = 0
    source: str = ""  # "báo cáo đã gửi" or "số liệu trên hệ thống"


@dataclass
class Narrative:
    """The parts an official writes (drafted by the system from the progress reports)."""

    direction: str = ""  # I. công tác chỉ đạo, điều hành
    areas: dict[str, str] = field(default_factory=dict)  # II. per reform area
    achievements: str = ""  # III.1 kết quả đạt được
    limitations: str = ""  # III.2 tồn tại, hạn chế
    causes: str = ""  # III.3 nguyên nhân
    next_tasks: str = ""  # IV. phương hướng, nhiệm vụ kỳ tới
    proposals: str = ""  # V. đề xuất, kiến nghị


@dataclass
class ReportData:
    """Everything the report document and its annex print."""

    unit_name: str
    issuer: str  # "ỦY BAN NHÂN DÂN XÃ THƯỜNG XUÂN"
    period_code: str
    period_title: str  # "quý III năm 2025"
    period_start: date
    period_end: date
    due: date
    parent_body: str = ""  # cơ quan chủ quản, printed above the issuer ("" for none)
    issuer_code: str = "UBND"  # the ký hiệu after "BC-"
    number: str = ""  # the số of the số ký hiệu; blank until the văn thư numbers it
    place: str = ""  # địa danh
    report_date: date | None = None
    unit_level: str = "commune"
    plans: list[str] = field(default_factory=list)
    tasks: list[TaskFact] = field(default_factory=list)
    indicators: list[IndicatorFact] = field(default_factory=list)
    communes: list[CommuneRow] = field(default_factory=list)
    narrative: Narrative = field(default_factory=Narrative)
    recipients: list[str] = field(default_factory=list)
    signer_authority: str = "TM. ỦY BAN NHÂN DÂN"
    signer_title: str = "CHỦ TỊCH"
    signer_name: str = ""
    missing: list[str] = field(default_factory=list)  # plain statements of data not there yet
    version: int = 1

    @property
    def title(self) -> str:
        return f"Kết quả thực hiện công tác cải cách hành chính {self.period_title}"

    @property
    def number_line(self) -> str:
        """ "Số: 15/BC-UBND", with a blank for the number until it is given (as offices print it)."""
        return number_line(self.number, "BC", self.issuer_code)

    def to_dict(self) -> dict:
        return to_json(asdict(self))

    @classmethod
    def from_dict(cls, raw: dict) -> ReportData:
        raw = dict(raw)
        for name in ("period_start", "period_end", "due", "report_date"):
            raw[name] = _date(raw.get(name))
        raw["tasks"] = [_task(t) for t in raw.get("tasks", [])]
        raw["indicators"] = [_indicator(i) for i in raw.get("indicators", [])]
        raw["communes"] = [commune_from_dict(c) for c in raw.get("communes", [])]
        raw["narrative"] = Narrative(**raw.get("narrative", {}))
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in raw.items() if k in known})


def to_json(value):
    """Dates as ISO strings, tuples as lists: what a JSONField stores."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    return value


def _date(value) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else value or None


def _task(raw: dict) -> TaskFact:
    raw = dict(raw, due=_date(raw.get("due")))
    raw["evidence"] = [EvidenceRef(**e) for e in raw.get("evidence", [])]
    return TaskFact(**raw)


def _indicator(raw: dict) -> IndicatorFact:
    return IndicatorFact(**dict(raw, trend=[tuple(p) for p in raw.get("trend", [])]))


def commune_from_dict(raw: dict) -> CommuneRow:
    return CommuneRow(**dict(raw, submitted_on=_date(raw.get("submitted_on")), due=_date(raw.get("due"))))
