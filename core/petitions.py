"""Petitions (phản ánh, kiến nghị — PAKN) on administrative regulations: vocabulary, step due dates,
on-time and satisfaction rules, text checks. No Django.

The rules follow NĐ 20/2008/NĐ-CP as amended (NĐ 48/2013, NĐ 92/2017) and the QĐ 766 specification
of indicators 5.1-5.3 (``../shared/reference/official-frameworks.md`` §2.4 and §9):

- complaints and denunciations (khiếu nại, tố cáo) are not PAKN: they are redirected, with the
  reason, and leave the denominators ("PAKN thuộc thẩm quyền");
- each step has a limit in working days, kept as data (``STEP_LIMITS``): reject within 2, ask for
  a supplement within 5, handle (answer approved) within 15 from receipt or transfer, publish
  within 2 of the approval;
- a petition is on time when no step it went through, and no step still open at the cut-off,
  passed its due date; one waiting for the citizen's supplement is not late (the clock restarts
  when the supplement arrives);
- satisfaction with handling (5.3): a petition counts against it when the citizen said they were
  not satisfied, when they petitioned again about the answer, or when it was late.

    >>> from datetime import date
    >>> from core.workdays import WorkCalendar
    >>> cal = WorkCalendar()
    >>> f = PetitionFacts(status=Status.ASSIGNED, received_on=date(2025, 1, 20))
    >>> current_due(f, cal).isoformat()  # 15 working days, across the Tết break of 2025
    '2025-02-17'
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from core.workdays import WorkCalendar


class Status(StrEnum):
    RECEIVED = "received"  # received, waiting to be classified
    NEEDS_INFO = "needs_info"  # the citizen was asked to supplement it
    REDIRECTED = "redirected"  # not a PAKN (khiếu nại, tố cáo, ...): redirected with the reason
    ACCEPTED = "accepted"  # in scope, waiting to be assigned to an agency
    ASSIGNED = "assigned"  # an agency is handling it
    ANSWERED = "answered"  # the agency drafted an answer, waiting for approval
    APPROVED = "approved"  # the answer is approved, waiting to be published
    PUBLISHED = "published"  # the answer is public


STATUS_LABELS: dict[Status, str] = {
    Status.RECEIVED: "Đã tiếp nhận, chờ phân loại",
    Status.NEEDS_INFO: "Chờ người gửi bổ sung thông tin",
    Status.REDIRECTED: "Không thuộc phạm vi PAKN, đã hướng dẫn",
    Status.ACCEPTED: "Thuộc phạm vi, chờ giao xử lý",
    Status.ASSIGNED: "Đang xử lý",
    Status.ANSWERED: "Đã dự thảo trả lời, chờ duyệt",
    Status.APPROVED: "Đã duyệt trả lời, chờ công khai",
    Status.PUBLISHED: "Đã công khai kết quả",
}
CLOSED = frozenset({Status.REDIRECTED, Status.PUBLISHED})
OPEN = frozenset(Status) - CLOSED
HANDLING = frozenset({Status.ACCEPTED, Status.ASSIGNED, Status.ANSWERED})


class Channel(StrEnum):
    WEB = "web"  # the public page
    PHONE = "phone"
    LETTER = "letter"
    PORTAL = "portal"  # Cổng Dịch vụ công quốc gia / hệ thống PAKN quốc gia
    DIRECT = "direct"  # in person at the one-stop centre
    EMAIL = "email"


CHANNEL_LABELS: dict[Channel, str] = {
    Channel.WEB: "Trang công khai",
    Channel.PHONE: "Điện thoại, đường dây nóng",
    Channel.LETTER: "Thư, đơn gửi qua bưu chính",
    Channel.PORTAL: "Cổng Dịch vụ công quốc gia",
    Channel.DIRECT: "Trực tiếp tại Bộ phận Một cửa",
    Channel.EMAIL: "Thư điện tử",
}


class Subject(StrEnum):
    """What the petition is about: QĐ 766 indicator 5.1 counts petitions by these two groups."""

    PROCEDURE = "procedure"  # a thủ tục hành chính (its requirements, its handling)
    REGULATION = "regulation"  # a quy định hành chính, a policy
    CONDUCT = "conduct"  # the behaviour of a cán bộ, công chức


SUBJECT_LABELS: dict[Subject, str] = {
    Subject.PROCEDURE: "Thủ tục hành chính",
    Subject.REGULATION: "Quy định hành chính, chính sách",
    Subject.CONDUCT: "Hành vi của cán bộ, công chức",
}
# QĐ 766 5.1 groups: "quy định, chính sách, thủ tục" and "hành vi cán bộ, công chức".
SUBJECT_GROUP: dict[Subject, str] = {
    Subject.PROCEDURE: "quy định, chính sách, thủ tục",
    Subject.REGULATION: "quy định, chính sách, thủ tục",
    Subject.CONDUCT: "hành vi cán bộ, công chức",
}


class RedirectKind(StrEnum):
    COMPLAINT = "khieu_nai"  # Luật Khiếu nại 2011
    DENUNCIATION = "to_cao"  # Luật Tố cáo 2018
    OTHER = "khac"  # not about an administrative regulation (a dispute, a private matter, ...)


REDIRECT_LABELS: dict[RedirectKind, str] = {
    RedirectKind.COMPLAINT: "Khiếu nại (giải quyết theo Luật Khiếu nại)",
    RedirectKind.DENUNCIATION: "Tố cáo (giải quyết theo Luật Tố cáo)",
    RedirectKind.OTHER: "Không thuộc phạm vi phản ánh, kiến nghị về quy định hành chính",
}


class Feedback(StrEnum):
    NONE = ""
    SATISFIED = "satisfied"
    DISSATISFIED = "dissatisfied"


FEEDBACK_LABELS: dict[Feedback, str] = {
    Feedback.NONE: "Chưa đánh giá",
    Feedback.SATISFIED: "Hài lòng",
    Feedback.DISSATISFIED: "Không hài lòng",
}


class Step(StrEnum):
    REJECT = "reject"  # decide the scope; a rejection (redirect) later than this is late
    SUPPLEMENT = "supplement"  # the latest day to ask the citizen for more
    HANDLE = "handle"  # the answer approved
    PUBLISH = "publish"  # the answer public


STEP_LABELS: dict[Step, str] = {
    Step.REJECT: "Phân loại, từ chối",
    Step.SUPPLEMENT: "Yêu cầu bổ sung",
    Step.HANDLE: "Xử lý, trả lời",
    Step.PUBLISH: "Công khai kết quả",
}

# Working days per step (QĐ 766 specification of 5.2). Data: a province that sets its own limits
# (Bắc Ninh QĐ 80/2025: reply within 5, 7 with several agencies, 10 at most) passes another mapping.
STEP_LIMITS: dict[Step, int] = {Step.REJECT: 2, Step.SUPPLEMENT: 5, Step.HANDLE: 15, Step.PUBLISH: 2}


@dataclass(frozen=True)
class PetitionFacts:
    """The dates of one petition that its due dates and verdicts depend on."""

    status: Status | str
    received_on: date
    transferred_on: date | None = None  # moved to this unit from another one
    supplemented_on: date | None = None  # the citizen's supplement arrived
    info_requested_on: date | None = None
    redirected_on: date | None = None
    approved_on: date | None = None
    published_on: date | None = None
    feedback: Feedback | str = Feedback.NONE
    followed_up: bool = False  # the citizen petitioned again about the answer

    @property
    def start(self) -> date:
        """Handling runs from receipt, or from the transfer or supplement that restarted it."""
        return max(d for d in (self.received_on, self.transferred_on, self.supplemented_on) if d)


def step_due(step: Step, facts: PetitionFacts, cal: WorkCalendar, limits=STEP_LIMITS) -> date | None:
    """The due date of one step, or None when the step has no start yet (publish before approval)."""
    if step is Step.PUBLISH:
        return cal.add_working_days(facts.approved_on, limits[step]) if facts.approved_on else None
    start = facts.received_on if step is Step.SUPPLEMENT else facts.start
    return cal.add_working_days(start, limits[step])


def current_step(facts: PetitionFacts) -> Step | None:
    """The step the petition's status waits on; None when closed or waiting for the citizen."""
    status = Status(facts.status)
    if status is Status.RECEIVED:
        return Step.REJECT
    if status in HANDLING:
        return Step.HANDLE
    if status is Status.APPROVED:
        return Step.PUBLISH
    return None


def current_due(facts: PetitionFacts, cal: WorkCalendar, limits=STEP_LIMITS) -> date | None:
    """The due date shown in lists and followed by reminders: that of the current step."""
    step = current_step(facts)
    return step_due(step, facts, cal, limits) if step else None


@dataclass(frozen=True)
class Verdict:
    in_scope: bool
    on_time: bool
    late_steps: tuple[Step, ...] = field(default_factory=tuple)


def verdict(facts: PetitionFacts, as_of: date, cal: WorkCalendar, limits=STEP_LIMITS) -> Verdict:
    """Whether the petition was handled on time as of ``as_of`` (the period's end, or today).

    A finished step is late when it finished after its due date; an open step is late when
    ``as_of`` is past its due date. Steps finished after ``as_of`` count as still open then."""
    status = Status(facts.status)
    if status is Status.REDIRECTED and facts.redirected_on and facts.redirected_on <= as_of:
        return Verdict(in_scope=False, on_time=True)
    late: list[Step] = []
    if facts.info_requested_on and facts.info_requested_on <= as_of:
        if facts.info_requested_on > step_due(Step.SUPPLEMENT, facts, cal, limits):
            late.append(Step.SUPPLEMENT)
    asked = facts.info_requested_on or facts.received_on
    waiting = status is Status.NEEDS_INFO and asked <= as_of
    handled = facts.approved_on if facts.approved_on and facts.approved_on <= as_of else None
    handle_due = step_due(Step.HANDLE, facts, cal, limits)
    if (handled or as_of) > handle_due and not (waiting and handled is None):
        late.append(Step.HANDLE)
    if handled:
        publish_due = step_due(Step.PUBLISH, facts, cal, limits)
        published = facts.published_on if facts.published_on and facts.published_on <= as_of else None
        if (published or as_of) > publish_due:
            late.append(Step.PUBLISH)
    return Verdict(in_scope=True, on_time=not late, late_steps=tuple(late))


def counts_against_satisfaction(facts: PetitionFacts, v: Verdict) -> bool:
    """QĐ 766 5.3: dissatisfied, petitioned again about the result, or late."""
    return Feedback(facts.feedback) is Feedback.DISSATISFIED or facts.followed_up or not v.on_time


# --- text of a petition -----------------------------------------------------------------------

MIN_TEXT = 20
MAX_TEXT = 5000
_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?/?\s*>|javascript\s*:", re.IGNORECASE)


def text_problems(text: str, *, min_len: int = MIN_TEXT, max_len: int = MAX_TEXT) -> list[str]:
    """What is wrong with a petition's text, in Vietnamese (empty list: nothing).

    Markup is refused rather than silently stripped: a petition is plain text, and a person who
    pasted a fragment of a web page is better told than surprised by what was kept."""
    body = (text or "").strip()
    if not body:
        return ["Vui lòng nhập nội dung phản ánh, kiến nghị."]
    problems = []
    if len(body) < min_len:
        problems.append(f"Nội dung quá ngắn: cần ít nhất {min_len} ký tự để cơ quan hiểu và xử lý được.")
    if len(body) > max_len:
        problems.append(
            f"Nội dung quá dài ({len(body):,} ký tự); tối đa {max_len:,} ký tự. "
            "Phần chi tiết có thể gửi kèm dưới dạng tệp đính kèm.".replace(",", ".")
        )
    if _MARKUP.search(body):
        problems.append(
            "Nội dung có đoạn mã HTML hoặc JavaScript (ví dụ <script>). "
            "Vui lòng chỉ nhập văn bản thông thường."
        )
    return problems


# Words that mark a complaint or a denunciation rather than a PAKN: a hint for the officer who
# classifies, never a decision (a citizen may write "khiếu nại" about a form that is too long).
_REDIRECT_HINTS: tuple[tuple[RedirectKind, tuple[str, ...]], ...] = (
    (RedirectKind.DENUNCIATION, ("tố cáo", "tố giác", "nhận hối lộ", "tham nhũng", "đòi tiền")),
    (RedirectKind.COMPLAINT, ("khiếu nại", "quyết định hành chính", "yêu cầu hủy quyết định")),
)


def redirect_hint(text: str) -> RedirectKind | None:
    """The kind the text looks like when it reads as a complaint or denunciation, else None."""
    low = (text or "").lower()
    for kind, words in _REDIRECT_HINTS:
        if any(w in low for w in words):
            return kind
    return None


# --- tracking codes -----------------------------------------------------------------------------

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base 32: no I, L, O, U to misread


def new_code(received_on: date, prefix: str = "PA") -> str:
    """A tracking code such as ``PA2511-7K3QX9AB``: month of receipt, then 40 random bits, so codes
    cannot be enumerated to read other people's petitions."""
    tail = "".join(secrets.choice(_ALPHABET) for _ in range(8))
    return f"{prefix}{received_on:%y%m}-{tail}"


def normalize_code(text: str) -> str:
    """What a person typed, as a code: upper case, no spaces, O read as 0 and I/L as 1."""
    raw = re.sub(r"\s+", "", (text or "")).upper()
    head, sep, tail = raw.partition("-")
    if sep:
        tail = tail.replace("O", "0").replace("I", "1").replace("L", "1")
    return f"{head}{sep}{tail}"[:40]
