"""The reviewers' queue: reports waiting for an agency head's approval or a CCHC officer's acceptance.

Each line says what it is (task, milestone or period, agency, unit), what the report says, and how
long it has waited, counted in working days on the business clock (``cchc.clock`` and the
working-day calendar) from the day it reached this reviewer. The list is one query, bounded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F
from django.utils import timezone

from apps.accounts.policy import can
from apps.plans.models import Milestone
from apps.tracking.calendar import work_calendar
from apps.tracking.selectors import tracked_milestones, tracking_today, waiting_for
from core.workdays import WorkCalendar

QUEUE_LIMIT = 100  # the queue page
QUEUE_PREVIEW = 10  # the top of "Việc của tôi"
LONG_WAIT = 5  # working days after which the wait is shown in red


@dataclass
class QueueItem:
    milestone: Milestone
    waiting_since: date | None
    waited: int | None  # working days, None when the day is unknown
    evidence: int
    may_act: bool
    form: object = None  # a bound form with errors, when the last action from this line failed
    step: str = ""

    @property
    def pk(self) -> int:
        return self.milestone.pk

    @property
    def report(self):
        return self.milestone.report

    @property
    def task(self):
        return self.milestone.task

    @property
    def to_approve(self) -> bool:
        return self.milestone.report_status == "submitted"

    @property
    def to_accept(self) -> bool:
        return self.milestone.report_status == "approved"

    @property
    def dom_id(self) -> str:
        return f"cho-{self.pk}"

    @property
    def id_prefix(self) -> str:
        return f"q{self.pk}-"

    @property
    def long_wait(self) -> bool:
        return (self.waited or 0) >= LONG_WAIT


def _since(m: Milestone) -> date | None:
    """The day the report reached its reviewer; older rows fall back on what they have."""
    r = m.report
    if r.waiting_since:
        return r.waiting_since
    stamp = r.approved_at if m.report_status == "approved" else r.submitted_at
    return m.submitted_on or (timezone.localdate(stamp) if stamp else None)


def working_days_waited(since: date | None, today: date, cal: WorkCalendar) -> int | None:
    """How long a report has waited for its reviewer, in working days after ``since`` up to today:
    the one count the queue page and the home page both print, so an official reads the same
    number in both places. None when the day it arrived is unknown; never negative."""
    if since is None:
        return None
    return max(cal.working_days_between(since, today), 0)


def _may_act(user, m: Milestone) -> bool:
    if m.report_status == "submitted":
        return can(user, "work.approve", m.report.agency)
    return can(user, "tracking.review", m.task)


def queue_items(user, limit: int = QUEUE_LIMIT, pk: int | None = None) -> list[QueueItem]:
    """The user's waiting reports, longest wait first (then the nearest due date); ``pk`` for one."""
    q = waiting_for(user)
    if q is None:
        return []
    rows = tracked_milestones().filter(q)
    if pk is not None:
        rows = rows.filter(pk=pk)
    rows = (
        rows.select_related("task__plan__org_unit", "report__agency", "report__submitted_by")
        .annotate(evidence_count=Count("report__evidence"))
        .order_by(F("report__waiting_since").asc(nulls_last=True), F("due").asc(nulls_last=True), "pk")
    )[:limit]
    today, cal = tracking_today(), work_calendar()
    items = []
    for m in rows:
        since = _since(m)
        waited = working_days_waited(since, today, cal)
        items.append(QueueItem(m, since, waited, m.evidence_count, _may_act(user, m)))
    return items


def queue_total(user) -> int:
    q = waiting_for(user)
    return tracked_milestones().filter(q).count() if q is not None else 0


def queue_item(user, milestone_pk: int) -> QueueItem | None:
    """One line of the queue, or None if that report no longer waits for the user."""
    found = queue_items(user, limit=1, pk=milestone_pk)
    return found[0] if found else None
