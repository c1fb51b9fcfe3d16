"""The home page's reporting card: the next report each of the user's units must send, and where it is.

Org-wide roles only (officers prepare reports, leaders sign them, viewers and appraisers follow them);
agency staff do not write the unit's periodic report. Bounded: at most ``UNIT_LIMIT`` units, each a
few queries (its reporting rules, its report, and for a superior unit its subordinates' reports).
"""

from __future__ import annotations

from apps.accounts.policy import ORG_WIDE_ROLES, subject
from apps.orgs.models import OrgUnit
from apps.reports.compile import latest_reports, subordinates
from apps.reports.models import PeriodicReport
from apps.reports.selectors import rules_for
from cchc import clock
from core.reporting.periods import current_period

UNIT_LIMIT = 3


def _units(user) -> list[OrgUnit]:
    s = subject(user)
    if s.is_root:
        return list(OrgUnit.objects.filter(parent__isnull=True, valid_to__isnull=True).order_by("name"))
    own = sorted(
        {m.org_unit_id: m.org_unit for m in s.memberships if m.role in ORG_WIDE_ROLES}.values(),
        key=lambda u: (u.level, u.name),
    )
    return own


def next_deadline(unit: OrgUnit, today) -> dict:
    """The first required period whose due date has not passed, the unit's latest report for it and,
    for a province, how many subordinate units have sent theirs."""
    period = current_period(today, rules_for(unit))
    report = (
        PeriodicReport.objects.filter(org_unit=unit, period_code=period.code)
        .only("pk", "status", "version", "org_unit_id")
        .order_by("-version")
        .first()
    )
    row = {"unit": unit, "period": period, "report": report, "days_left": (period.due - today).days}
    if unit.level != OrgUnit.Level.COMMUNE:
        subs = subordinates(unit)
        sent = latest_reports(subs, period.code) if subs else {}
        row["subordinates"] = len(subs)
        row["subordinates_sent"] = sum(
            1 for r in sent.values() if r.status == PeriodicReport.Status.SUBMITTED
        )
    return row


def deadline_panel(user) -> dict | None:
    units = _units(user)[:UNIT_LIMIT]
    if not units:
        return None
    today = clock.today()
    return {"deadlines": [next_deadline(u, today) for u in units], "today": today}
