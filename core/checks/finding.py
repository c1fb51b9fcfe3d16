"""What a check reports: one defect of a plan, where it is, how serious, and what to do about it.

Severity is a promise to the official: "error" means the plan is wrong as it stands and must be
fixed before it is tracked (a drafting note left in, nobody in charge of a task); "warning" means
it is very probably wrong and deserves a look; "info" is worth knowing and often fine. A check that
is not sure says "info", because false alarms teach officials to ignore the list.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.plandoc.document import Span

ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITIES: tuple[str, ...] = (ERROR, WARNING, INFO)

RULES: tuple[str, ...] = (
    "missing_number",
    "missing_date",
    "missing_signer",
    "editorial_note",
    "foreign_scope",
    "deadline_outside_period",
    "deadline_before_issue",
    "unparsed_deadline",
    "missing_tasks",
    "missing_targets",
    "missing_lead",
    "missing_deadline",
    "missing_product",
    "unknown_agency",
    "lead_conflict",
    "duplicate_task",
    "inconsistent_target",
    "superior_mismatch",
    "superior_task_not_covered",
    "superior_target_not_covered",
    "weaker_target",
)


@dataclass
class Finding:
    """One defect. ``area``/``no`` point at a task, ``target_index`` at a target, both None: the plan."""

    rule: str
    severity: str
    message: str
    area: str | None = None
    no: str | None = None
    target_index: int | None = None
    span: Span | None = None
    context: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")
        if self.rule not in RULES:
            raise ValueError(f"unknown rule {self.rule!r}")

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "area": self.area,
            "no": self.no,
            "target_index": self.target_index,
            "span": self.span.to_dict() if self.span else None,
        }

    def sort_key(self) -> tuple[int, int]:
        return (SEVERITIES.index(self.severity), self.span.start if self.span else 1 << 40)
