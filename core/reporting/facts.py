"""The facts a report states: each task's state on the cut-off day, and counts by area and agency.

A task's state for a report is read from its milestones as of the period's last day of data: the
report is a picture of that day, so a milestone due after the cut-off cannot make a task late, and
one that was due before it and has no report sent makes the task overdue however busy the agency
was. A task is done when the latest report sent for it says "Hoàn thành" (an officer accepting a
report that says "Đang thực hiện" accepts the report, not the task as finished); the officer's
review is not waited for, because offices report what agencies declared.
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
    def late(self) -> bool:
        return self.due is not None and self.submitted_on is not None and self.submitted_on > self.due


def as_it_stood(fact: MilestoneFact, day: date) -> MilestoneFact:
    """The milestone as it stood on ``day``: a report first sent after it, or a draft for a
    milestone not yet due, is not part of that day's picture. The periodic report and the unit
    figures (home page, targets, PAR INDEX) both read milestones through this, so they agree."""
    if (fact.submitted_on and fact.submitted_on > day) or (
        not fact.submitted_on and (fact.due is None or fact.due > day)
    ):
        return MilestoneFact(due=fact.due)
    return fact


DONE_STATES = frozenset({TaskState.DONE_ON_TIME, TaskState.DONE_LATE})


def latest_sent(milestones: Iterable[MilestoneFact]) -> MilestoneFact | None:
    """The task's latest report that was sent (by due date, then day sent): what the agency last
    declared. A task's state and its result shown beside it both come from this one report."""
    sent = [m for m in milestones if m.sent]
    return max(sent, key=_report_order) if sent else None


def _report_order(m: MilestoneFact) -> tuple[date, date]:
    return (m.due or m.submitted_on or date.min, m.submitted_on or date.min)


def overdue_milestones(milestones: Iterable[MilestoneFact], as_of: date) -> list[MilestoneFact]:
    """Milestones due before ``as_of`` whose report was never sent, earliest first."""
    return sorted(
        (m for m in milestones if m.due is not None and m.due < as_of and not m.sent), key=lambda m: m.due
    )


def task_state(milestones: Iterable[MilestoneFact], as_of: date) -> TaskState:
    """The state of a task on ``as_of`` from its milestones (see the module docstring).

    Done only when the latest report sent says "Hoàn thành": an accepted report that says "Đang
    thực hiện" was accepted as a report, it does not finish the task. A milestone due after that
    report and never reported makes the task overdue even if an earlier report said done."""
    ms = list(milestones)
    latest = latest_sent(ms)
    overdue = overdue_milestones(ms, as_of)
    if latest is not None and latest.progress == "done":
        if not any(m.due > _report_order(latest)[0] for m in overdue):
            late = any(m.late for m in ms if m.sent)
            return TaskState.DONE_LATE if late else TaskState.DONE_ON_TIME
    if overdue:
        return TaskState.OVERDUE
    if any(m.has_report for m in ms):
        return TaskState.IN_PROGRESS
    return TaskState.NOT_STARTED


def relevant_due(milestones: Iterable[MilestoneFact], state: str, as_of: date) -> date | None:
    """The deadline printed beside the state ("Hạn gần nhất"), as of the cut-off day, not today:
    the first missed deadline of an overdue task, the next open deadline of a task still running,
    the last deadline reached by a finished one."""
    ms = sorted((m for m in milestones if m.due is not None), key=lambda m: m.due)
    if not ms:
        return None
    if state == TaskState.OVERDUE:
        return overdue_milestones(ms, as_of)[0].due
    if state in (TaskState.DONE_ON_TIME, TaskState.DONE_LATE):
        latest = latest_sent(ms)
        return latest.due if latest is not None else ms[-1].due
    upcoming = [m.due for m in ms if m.due >= as_of and not m.sent]
    return upcoming[0] if upcoming else ms[-1].due


def summarise(
    milestones: Iterable[MilestoneFact], as_of: date
) -> tuple[str, str, int | None, list[EvidenceRef], date | None]:
    """The task's state, reported result, progress, evidence and deadline, all as of ``as_of``.

    The result and progress are those of the report the state is read from (the latest one sent;
    a task with none sent shows its latest unsent report, and is not done): the document never
    prints "Hoàn thành" beside an older or newer text saying "Đang triển khai". Evidence of every
    report is listed, since a document filed in the first quarter still proves the work."""
    ms = sorted(milestones, key=_report_order)
    state = task_state(ms, as_of)
    source = latest_sent(ms) or next((m for m in reversed(ms) if m.has_report), None)
    result = " ".join(source.text.split()) if source is not None else ""
    pct = source.percent if source is not None and source.has_report else None
    evidence = [e for m in ms for e in m.evidence]
    return state.value, result, pct, evidence, relevant_due(ms, state, as_of)


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
    """Each lead agency of the task once (a name printed twice is still one agency)."""
    return list(dict.fromkeys(task.lead)) or ["(chưa xác định cơ quan chủ trì)"]


def co_led(tasks: Iterable[TaskFact]) -> int:
    """Tasks with more than one lead agency: counted in each agency's row of the agency table."""
    return sum(1 for t in tasks if len(by_lead_agency(t)) > 1)


def agency_table(tasks: list[TaskFact]) -> tuple[list[Counts], str]:
    """The rows of the table by lead agency, ending with a total of distinct tasks, and the note
    that explains why the agency rows may add up to more: a co-led task appears in each of its
    lead agencies' rows (each agency answers for it), but is one task of the plan."""
    rows = counts_by(tasks, by_lead_agency) + [count_tasks(tasks)]
    shared = co_led(tasks)
    note = (
        f"({shared} nhiệm vụ do nhiều cơ quan cùng chủ trì, tính ở mỗi cơ quan; "
        f"dòng Tổng cộng tính mỗi nhiệm vụ một lần.)"
        if shared
        else ""
    )
    return rows, note


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
