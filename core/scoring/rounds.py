"""The steps of an assessment round and their locks, as plain rules on dates.

A round sets one deadline per step; a unit's assessment moves through the statuses below. A step
is open for writing only while the assessment is at that step and the day is not past the
step's deadline, or past a later date an officer granted by a recorded reopening. The services
ask ``write_problem`` before every write, so a lock holds whatever page or script sends the write.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Step(StrEnum):
    SELF = "self"
    APPRAISAL_1 = "appraisal_1"
    EXPLANATION = "explanation"
    APPRAISAL_2 = "appraisal_2"


STEP_LABELS: dict[str, str] = {
    Step.SELF: "tự đánh giá",
    Step.APPRAISAL_1: "thẩm định lần 1",
    Step.EXPLANATION: "giải trình",
    Step.APPRAISAL_2: "thẩm định lần 2",
}

# Statuses in order; each step writes while the assessment is in one of these.
STATUSES = ("self", "submitted", "appraisal_1", "explanation", "appraisal_2", "decided", "published")
STATUS_LABELS: dict[str, str] = {
    "self": "đang tự đánh giá",
    "submitted": "đã gửi, chờ thẩm định",
    "appraisal_1": "đang thẩm định lần 1",
    "explanation": "đang giải trình",
    "appraisal_2": "đang thẩm định lần 2",
    "decided": "Hội đồng đã quyết định",
    "published": "đã công bố",
}
OPEN_IN: dict[Step, frozenset[str]] = {
    Step.SELF: frozenset({"self"}),
    Step.APPRAISAL_1: frozenset({"submitted", "appraisal_1"}),
    Step.EXPLANATION: frozenset({"explanation"}),
    Step.APPRAISAL_2: frozenset({"explanation", "appraisal_2"}),
}
STEP_STATUS: dict[Step, str] = {
    Step.SELF: "self",
    Step.APPRAISAL_1: "appraisal_1",
    Step.EXPLANATION: "explanation",
    Step.APPRAISAL_2: "appraisal_2",
}


@dataclass(frozen=True)
class Deadlines:
    self_due: date
    appraisal1_due: date
    explanation_due: date
    appraisal2_due: date
    decision_due: date

    def of(self, step: Step) -> date:
        return {
            Step.SELF: self.self_due,
            Step.APPRAISAL_1: self.appraisal1_due,
            Step.EXPLANATION: self.explanation_due,
            Step.APPRAISAL_2: self.appraisal2_due,
        }[step]

    def problems(self) -> list[str]:
        """Deadlines must follow the steps' order."""
        chain = [
            ("tự đánh giá", self.self_due),
            ("thẩm định lần 1", self.appraisal1_due),
            ("giải trình", self.explanation_due),
            ("thẩm định lần 2", self.appraisal2_due),
            ("Hội đồng quyết định", self.decision_due),
        ]
        return [
            f"Hạn {b[0]} ({b[1]:%d/%m/%Y}) phải sau hạn {a[0]} ({a[1]:%d/%m/%Y})."
            for a, b in zip(chain, chain[1:], strict=False)
            if b[1] < a[1]
        ]


def effective_due(step: Step, deadlines: Deadlines, reopenings: Iterable[tuple[str, date]] = ()) -> date:
    """The step's deadline for one unit: the round's, or a later date granted by a reopening."""
    due = deadlines.of(step)
    for reopened_step, until in reopenings:
        if reopened_step == step and until > due:
            due = until
    return due


def write_problem(
    step: Step, status: str, today: date, due: date, explanation_due: date | None = None
) -> str | None:
    """Why a write of ``step`` is refused now (Vietnamese), or None when the step is open.

    Round two of the appraisal opens when the unit has sent its explanation (status
    ``appraisal_2``) or, if it sends none, once ``explanation_due`` has passed."""
    if status not in OPEN_IN[step]:
        return (
            f"Không thể {STEP_LABELS[step]}: kết quả của đơn vị {STATUS_LABELS.get(status, status)}. "
            "Chỉ Sở Nội vụ được mở lại bước này, và việc mở lại được ghi nhận."
        )
    if (
        step is Step.APPRAISAL_2
        and status == "explanation"
        and (explanation_due is None or today <= explanation_due)
    ):
        until = f" đến {explanation_due:%d/%m/%Y}" if explanation_due else ""
        return (
            f"Đơn vị còn hạn giải trình{until}: thẩm định lần 2 bắt đầu khi đơn vị gửi giải trình "
            "hoặc khi hết hạn giải trình."
        )
    if today > due:
        return (
            f"Đã hết hạn {STEP_LABELS[step]} ({due:%d/%m/%Y}): hệ thống đã khóa, không ghi thay đổi. "
            "Đề nghị Sở Nội vụ mở lại (việc mở lại được ghi nhận) nếu có lý do chính đáng."
        )
    return None
