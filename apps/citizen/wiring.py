"""What the citizen app plugs into the rest at start-up: audit tracking, menu entries, the figures
it measures (``core.measures``) and its part of the daily reminder run (``apps.tracking.remind``)."""

from __future__ import annotations


def connect() -> None:
    from apps.accounts.policy import can
    from apps.audit.recorder import track
    from apps.citizen import demo, measures, remind  # noqa: F401 - demo step registers on import
    from apps.citizen import models as m
    from apps.tracking.remind import register_source
    from cchc.navigation import register

    track(m.Petition, org_unit=lambda o: o.org_unit_id)
    track(m.PetitionAttachment, org_unit=lambda o: o.petition.org_unit_id)
    track(m.SurveyRound, org_unit=lambda o: o.org_unit_id)
    track(m.SurveyQuestion, org_unit=lambda o: o.round.org_unit_id)
    track(m.SurveyResponse, org_unit=lambda o: o.org_unit_id)
    track(m.OfficialSipasResult, org_unit=lambda o: o.org_unit_id)
    track(m.Rating, org_unit=lambda o: o.org_unit_id)
    register("Phản ánh, kiến nghị", "citizen:petitions", _sees_petitions, order=60)
    register("Khảo sát hài lòng", "citizen:rounds", lambda user: can(user, "citizen.results", None), order=61)
    register("Đánh giá hồ sơ", "citizen:ratings", lambda user: can(user, "citizen.results", None), order=62)
    measures.register()
    register_source("petitions", remind.run)


def _sees_petitions(user) -> bool:
    from apps.accounts.models import Role
    from apps.accounts.policy import ORG_WIDE_ROLES, subject

    s = subject(user)
    return s.is_root or bool(s.units_for(ORG_WIDE_ROLES)) or bool(s.agencies_with([Role.HEAD, Role.STAFF]))
