"""The facts a report states: each task's state on the cut-off day, and counts by area and agency.

A task's state for a report is read from its milestones as of the period's last day of data: the
report is a picture of that day, so a milestone due after the cut-off cannot make a task late, and
one that was due before it and has no report sent makes the task overdue however busy the agency
was. Reports that were sent count as done when they say "Hoàn thành" (or were accepted by the
officer); the officer's review is not waited for, because offices report what agencies declared.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from core.reporting.data import EvidenceRef, TaskFact


class TaskState(StrEnum):
    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    IN_PROGRESS = "in_progress"
    OVERDUE = "overdue"
    NOT_STARTED = "not_started"


TASK_STATE_LABELS: dict[str, str] = {
    TaskState.DONE_ON_TIME: "Hoàn thành đúng hạn",
    TaskState.DONE_LATE: "Hoàn thành trễ hạn",
    TaskState.IN_PROGRESS: "Đang thực hiện",
    TaskState.OVERDUE: "Quá hạn, chưa hoàn thành",
    TaskState.NOT_STARTED: "Chưa có báo cáo, chưa đến hạn",
}

SENT = frozenset({"submitted", "approved", "accepted"})


@dataclass
class MilestoneFact:
    """What the tracking records say about one milestone of a task."""

    due: date | None
    workflow: str = ""  # Milestone.report_status
    submitted_on: date | None = None
    progress: str = ""  # ProgressReport.progress ("" when there is no report)
    percent: int | None = None
    text: str = ""
    evidence: list[EvidenceRef] = field(default_factory=list)

    @property
    def has_report(self) -> bool:
        return bool(self.progress or self.text)

    @property
    def sent(self) -> bool:
        return self.workflow in SENT

    @property
    def done(self) -> bool:
        return self.workflow == "accepted" or (self.sent and self.progress == "done")

    @property
    def late(self) -> bool:
        return self.due is not None and self.submitted_on is not None and self.submitted_on > self.due


def task_state(milestones: Iterable[MilestoneFact], as_of: date) -> TaskState:
    """The state of a task on ``as_of`` from its milestones (see the module docstring)."""
    ms = list(milestones)
    finished = [m for m in ms if m.sent and m.progress == "done"]
    if finished:
        return TaskState.DONE_LATE if any(m.late for m in finished) else TaskState.DONE_ON_TIME
    due = [m for m in ms if m.due is not None and m.due <= as_of]
    if due and all(m.done for m in due):
        return TaskState.DONE_LATE if any(m.late for m in due) else TaskState.DONE_ON_TIME
    if any(not m.sent and not m.done for m in due if m.due < as_of):
        return TaskState.OVERDUE
    if any(m.has_report for m in ms):
        return TaskState.IN_PROGRESS
    return TaskState.NOT_STARTED


def summarise(milestones: Iterable[MilestoneFact]) -> tuple[str, int | None, list[EvidenceRef], date | None]:
    """The task's reported result (each report once, latest last), progress and evidence."""
    ms = sorted(milestones, key=lambda m: m.due or date.max)
    texts: list[str] = []
    for m in ms:
        text = " ".join(m.text.split())
        if text and text not in texts:
            texts.append(text)
    percents = [m.percent for m in ms if m.has_report and m.percent is not None]
    evidence = [e for m in ms for e in m.evidence]
    due = next((m.due for m in reversed(ms) if m.due), None)
    return " ".join(texts), (percents[-1] if percents else None), evidence, due


@dataclass
class Counts:
    """Numbers of tasks by state: one row of the counts table."""

    label: str
    by_state: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.by_state.values())

    @property
    def done(self) -> int:
        return self.by_state[TaskState.DONE_ON_TIME] + self.by_state[TaskState.DONE_LATE]

    def __getitem__(self, state: str) -> int:
        return self.by_state[state]

    def as_dict(self) -> dict[str, int]:
        return {s.value: self.by_state[s] for s in TaskState}


def count_tasks(tasks: Iterable[TaskFact], label: str = "Tổng cộng") -> Counts:
    return Counts(label, Counter(t.state for t in tasks))


def counts_by(tasks: Iterable[TaskFact], key) -> list[Counts]:
    """Counts per value of ``key(task)`` (an area code, a lead agency), in first-seen order."""
    groups: dict[str, Counts] = {}
    for t in tasks:
        for k in key(t):
            groups.setdefault(k, Counts(k)).by_state[t.state] += 1
    return list(groups.values())


def by_lead_agency(task: TaskFact) -> list[str]:
    return task.lead or ["(chưa xác định cơ quan chủ trì)"]


def percent(part: int, whole: int) -> str:
    """ "12,5%": Vietnamese decimal comma, one decimal, as reports print rates."""
    if not whole:
        return "—"
    value = round(100 * part / whole, 1)
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"


def count_sentence(c: Counts) -> str:
    """ "triển khai 12 nhiệm vụ: hoàn thành 5 (đúng hạn 4, trễ hạn 1), ..." for a narrative."""
    if not c.total:
        return "không có nhiệm vụ nào trong kế hoạch"
    parts = [
        f"hoàn thành {c.done} ({percent(c.done, c.total)}; đúng hạn {c[TaskState.DONE_ON_TIME]}, "
        f"trễ hạn {c[TaskState.DONE_LATE]})",
        f"đang thực hiện {c[TaskState.IN_PROGRESS]}",
        f"quá hạn chưa hoàn thành {c[TaskState.OVERDUE]}",
        f"chưa có báo cáo {c[TaskState.NOT_STARTED]}",
    ]
    return f"triển khai {c.total} nhiệm vụ: " + "; ".join(parts)
