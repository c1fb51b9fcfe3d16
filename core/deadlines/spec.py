"""The result types of the deadline grammar: what a plan cell promises, one obligation at a time."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

ONCE = "once"
RECURRING = "recurring"
CONTINUOUS = "continuous"
ON_EVENT = "on_event"

MONTHLY = "monthly"
QUARTERLY = "quarterly"
HALF_YEARLY = "half_yearly"
YEARLY = "yearly"


@dataclass(frozen=True)
class MilestoneSpec:
    """One dated obligation read from a deadline cell (one occurrence of a recurring report).

    ``due`` is None for continuous work (thường xuyên) and for work that waits on an event
    (khi có hướng dẫn, theo kế hoạch của tỉnh): no date is invented for those.
    """

    label: str
    kind: str
    due: date | None
    frequency: str | None
    span: tuple[int, int] | None = None

    def to_dict(self) -> dict:
        return {
            "label": self.label,
            "kind": self.kind,
            "due": self.due.isoformat() if self.due else None,
            "frequency": self.frequency,
        }


@dataclass
class DeadlineParse:
    """All milestones of one deadline text, and the phrases that could not be read.

    Spans index the NFC form of ``text`` (the same string for the usual NFC input).
    """

    text: str
    milestones: list[MilestoneSpec] = field(default_factory=list)
    unparsed: list[str] = field(default_factory=list)

    @property
    def parsed(self) -> bool:
        return bool(self.milestones) and not self.unparsed
