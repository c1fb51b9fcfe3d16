"""Follow-up of milestones (theo dõi, đôn đốc): states and reminder steps, derived, never stored.

A milestone's state depends on today, so storing it would make it stale by tomorrow. Only what
cannot be derived is stored (the report workflow status and the day the report was first sent);
everything else is computed here from the due date, today and the working-day calendar. The
same rules are mirrored in SQL by ``state_bounds`` (two cut-off dates), so dashboards can count
150,000 milestones in one query and agree with the rows shown one by one.

    >>> from datetime import date
    >>> from core.workdays import WorkCalendar
    >>> cal = WorkCalendar()
    >>> milestone_state(date(2025, 11, 28), date(2025, 11, 25), cal).value
    'due_soon'
    >>> milestone_state(date(2025, 11, 20), date(2025, 11, 25), cal).value
    'overdue'
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from core.workdays import WorkCalendar


class Workflow(StrEnum):
    """Where the milestone's progress report is: the one fact a person changes."""

    NONE = ""  # nothing written yet
    DRAFT = "draft"  # staff are writing it
    SUBMITTED = "submitted"  # sent to the agency head
    APPROVED = "approved"  # the head approved, sent to the CCHC officer
    ACCEPTED = "accepted"  # the officer accepted it
    RETURNED = "returned"  # the head or the officer sent it back with a comment


class State(StrEnum):
    UNDATED = "undated"  # on-event milestone waiting for an officer to date it
    UPCOMING = "upcoming"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    RETURNED = "returned"
    DONE_LATE = "done_late"


STATE_LABELS: dict[State, str] = {
    State.UNDATED: "Chờ xác định hạn",
    State.UPCOMING: "Chưa đến hạn",
    State.DUE_SOON: "Sắp đến hạn",
    State.OVERDUE: "Quá hạn",
    State.SUBMITTED: "Đã gửi báo cáo",
    State.ACCEPTED: "Hoàn thành",
    State.RETURNED: "Bị trả lại",
    State.DONE_LATE: "Hoàn thành trễ hạn",
}

# Lower comes first in "Việc của tôi": what needs action now before what can wait.
URGENCY: dict[State, int] = {
    State.OVERDUE: 0,
    State.RETURNED: 1,
    State.DUE_SOON: 2,
    State.UPCOMING: 3,
    State.UNDATED: 4,
    State.SUBMITTED: 5,
    State.DONE_LATE: 6,
    State.ACCEPTED: 7,
}

OPEN_WORKFLOWS = frozenset({Workflow.NONE, Workflow.DRAFT, Workflow.RETURNED})
IN_REVIEW_WORKFLOWS = frozenset({Workflow.SUBMITTED, Workflow.APPROVED})
DEFAULT_DUE_SOON_DAYS = 5


@dataclass(frozen=True)
class StateBounds:
    """The two dates that split open milestones into overdue / due soon / upcoming on ``today``."""

    today: date
    due_soon_until: date  # due <= this (and >= today) is "due soon"


def state_bounds(
    today: date, calendar: WorkCalendar, due_soon_days: int = DEFAULT_DUE_SOON_DAYS
) -> StateBounds:
    """Due soon = at most ``due_soon_days`` working days left; as a date, so SQL can use it."""
    return StateBounds(today, calendar.add_working_days(today, due_soon_days))


def milestone_state(
    due: date | None,
    today: date,
    calendar: WorkCalendar,
    workflow: Workflow | str = Workflow.NONE,
    submitted_on: date | None = None,
    *,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
    bounds: StateBounds | None = None,
) -> State:
    """The state of one milestone on ``today``.

    The workflow wins over dates once a report has left the agency: a report sent on time and
    accepted is done; accepted but first sent after the due date is done late. A returned report
    stays "returned" (it needs the agency's action) even when the due date has passed.
    Pass ``bounds`` (from ``state_bounds``) when deriving many states for the same day.
    """
    wf = Workflow(workflow or "")
    if wf is Workflow.ACCEPTED:
        late = due is not None and submitted_on is not None and submitted_on > due
        return State.DONE_LATE if late else State.ACCEPTED
    if wf in IN_REVIEW_WORKFLOWS:
        return State.SUBMITTED
    if wf is Workflow.RETURNED:
        return State.RETURNED
    if due is None:
        return State.UNDATED
    b = bounds or state_bounds(today, calendar, due_soon_days)
    if due < b.today:
        return State.OVERDUE
    if due <= b.due_soon_until:
        return State.DUE_SOON
    return State.UPCOMING


def urgency_key(state: State, due: date | None) -> tuple[int, int]:
    """Sort key: state urgency, then the earliest due date (undated last within its group)."""
    return URGENCY[state], due.toordinal() if due else 10**7


# --- reminders (đôn đốc) ------------------------------------------------------------------------


class ReminderKind(StrEnum):
    BEFORE = "before"  # N working days before the due date
    DUE = "due"  # on the due date
    OVERDUE = "overdue"  # every few working days while late
    ESCALATE_HEAD = "escalate_head"  # late for a while: the agency head is told
    ESCALATE_LEADER = "escalate_leader"  # late for longer: the leader of the unit is told


@dataclass(frozen=True)
class ReminderPolicy:
    """How a unit wants its agencies reminded (configurable per org unit)."""

    before: tuple[int, ...] = (5, 1)
    overdue_every: int = 3
    escalate_head_after: int = 5  # working days late
    escalate_leader_after: int = 10

    def __post_init__(self) -> None:
        if self.overdue_every < 1 or any(n < 1 for n in self.before):
            raise ValueError("reminder intervals must be at least one working day")

    @property
    def horizon(self) -> int:
        """The earliest a reminder can come, in working days before the due date."""
        return max(self.before, default=0)


@dataclass(frozen=True)
class ReminderStep:
    """One reminder to send: ``(kind, step)`` is its identity for a milestone (sent once)."""

    kind: ReminderKind
    step: int
    days: int  # working days left (before / due) or late (overdue, escalations)


def reminder_steps(
    due: date, today: date, calendar: WorkCalendar, policy: ReminderPolicy
) -> list[ReminderStep]:
    """The reminders an open milestone calls for on ``today``; the caller drops those already sent.

    Steps are identified by the stage reached, not by the exact day, so a job that skipped a day
    (server down) still sends the stage once instead of never. Overdue steps are numbered by
    period (working days late 1-3 -> step 0, 4-6 -> step 1 ...), so only the current one is due.
    """
    if due > today:
        left = calendar.working_days_between(today, due)
        stages = [n for n in sorted(policy.before) if left <= n]
        return [ReminderStep(ReminderKind.BEFORE, stages[0], left)] if stages else []
    late = calendar.working_days_between(due, today)
    if late <= 0:  # today is the due date (or a day off just after it): "due today"
        return [ReminderStep(ReminderKind.DUE, 0, 0)]
    steps = [ReminderStep(ReminderKind.OVERDUE, (late - 1) // policy.overdue_every, late)]
    if late >= policy.escalate_head_after:
        steps.append(ReminderStep(ReminderKind.ESCALATE_HEAD, 0, late))
    if late >= policy.escalate_leader_after:
        steps.append(ReminderStep(ReminderKind.ESCALATE_LEADER, 0, late))
    return steps


REMINDER_TEXT: dict[ReminderKind, str] = {
    ReminderKind.BEFORE: "Còn {days} ngày làm việc đến hạn",
    ReminderKind.DUE: "Đến hạn hôm nay",
    ReminderKind.OVERDUE: "Quá hạn {days} ngày làm việc",
    ReminderKind.ESCALATE_HEAD: "Quá hạn {days} ngày làm việc, đề nghị lãnh đạo cơ quan chỉ đạo",
    ReminderKind.ESCALATE_LEADER: "Quá hạn {days} ngày làm việc, báo cáo lãnh đạo UBND",
}


def reminder_text(step: ReminderStep) -> str:
    return REMINDER_TEXT[step.kind].format(days=step.days)


def parse_days_list(text: str) -> tuple[int, ...]:
    """ "5, 1" -> (5, 1): the unit's setting for reminders before a due date."""
    out = []
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if part:
            value = int(part)
            if value < 1 or value > 60:
                raise ValueError("số ngày phải từ 1 đến 60")
            out.append(value)
    return tuple(sorted(set(out), reverse=True))


# --- continuous tasks ("thường xuyên") ------------------------------------------------------------

ROMAN = ("I", "II", "III", "IV")


def checkin_dates(period_start: date, period_end: date) -> list[tuple[date, str]]:
    """Quarter ends inside a plan period, each with its label: the check-ins of a continuous task.

    A continuous task has no due date of its own; offices report on it with each quarterly report,
    so follow-up gives it one dated check-in per quarter of the plan (the last one clipped to the
    period end), which reminders and dashboards then treat like any other milestone.
    """
    out: list[tuple[date, str]] = []
    year, quarter = period_start.year, (period_start.month - 1) // 3
    while True:
        end_month = quarter * 3 + 3
        end = _month_end(date(year, end_month, 1))
        if end > period_end:
            if not out or out[-1][0] < period_end:
                out.append((period_end, f"Báo cáo thường xuyên quý {ROMAN[quarter]}/{year}"))
            return out
        out.append((end, f"Báo cáo thường xuyên quý {ROMAN[quarter]}/{year}"))
        quarter += 1
        if quarter == 4:
            year, quarter = year + 1, 0


def _month_end(first: date) -> date:
    nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)
