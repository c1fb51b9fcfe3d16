"""The appraiser's card on the home page: PAR INDEX self-assessments waiting for appraisal.

What waits for an appraiser is not a progress report but a unit's self-assessment; the card lists
those the policy lets this user appraise (``assessment.appraise``), the longest-waiting first, with
the days since the unit sent it. Bounded: one query, at most ``LIMIT`` rows read.
"""

from __future__ import annotations

from apps.accounts.models import Role
from apps.accounts.policy import can, subject
from apps.assessment.models import Assessment
from cchc import clock

LIMIT = 50
WAITING = [Assessment.Status.SUBMITTED, Assessment.Status.APPRAISAL_1, Assessment.Status.APPRAISAL_2]


def appraisal_panel(user) -> dict | None:
    s = subject(user)
    if not s.is_root and not any(m.role == Role.APPRAISER for m in s.memberships):
        return None
    rows = Assessment.objects.filter(status__in=WAITING)
    if not s.is_root:
        rows = rows.filter(org_unit_id__in=s.units_for([Role.APPRAISER]))
    rows = rows.select_related("org_unit", "agency", "round").order_by("submitted_on", "pk")[:LIMIT]
    today = clock.today()
    waiting = [
        {"a": a, "days": (today - a.submitted_on).days if a.submitted_on else None}
        for a in rows
        if can(user, "assessment.appraise", a)
    ]
    return {"appraisals": waiting}
