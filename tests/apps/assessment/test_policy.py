"""The three policy promises of the PAR INDEX, in the services and through the pages:
- a commune cannot see another's scores before publication;
- an appraiser cannot self-score;
- nobody writes after a lock except through a recorded reopening.
"""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from apps.accounts.policy import can
from apps.assessment import rounds, services
from apps.assessment.models import Reopening, ScoreChange
from apps.audit.models import AuditEntry
from tests.apps.assessment.conftest import fill, score


def decide_all(world, par, today):
    for a, officer in ((par.a1, world.officer_a1), (par.a2, world.officer_a2)):
        fill(a, officer)
        services.submit(officer, a)
    today("2025-11-01")
    for a in (par.a1, par.a2):
        services.send_for_explanation(world.appraiser_a, a)
    today("2025-12-01")  # explanation deadline passed
    for a in (par.a1, par.a2):
        services.decide(world.officer_a, a)


# --- a commune cannot see another's scores before publication ------------------------------------


def test_commune_cannot_see_another_communes_scores_before_publication(world, par, today, login):
    fill(par.a1, world.officer_a1)
    services.submit(world.officer_a1, par.a1)
    client = login(world.officer_a2)
    pages = [
        reverse("assessment:assessment", args=[par.a1.pk]),
        reverse("assessment:score", args=[score(par.a1, "1.3").pk]),
        reverse("assessment:self_report", args=[par.a1.pk]),
    ]
    for url in pages:
        assert client.get(url).status_code == 404, url
    assert client.get(reverse("assessment:results", args=[par.round.pk])).status_code == 403
    assert client.get(reverse("assessment:results_xlsx", args=[par.round.pk])).status_code == 403
    round_page = client.get(reverse("assessment:round", args=[par.round.pk])).content.decode()
    assert "xã An Một" not in round_page and "xã An Hai" in round_page
    assert not can(world.officer_b1, "assessment.view", par.a1)
    # Their own page is theirs, and the province sees the submitted one.
    assert client.get(reverse("assessment:assessment", args=[par.a2.pk])).status_code == 200
    par.a1.refresh_from_db()
    assert can(world.appraiser_a, "assessment.view", par.a1)


def test_after_publication_the_province_sees_everyone(world, par, today, login):
    decide_all(world, par, today)
    rounds.publish(world.officer_a, par.round, number="45", day=date(2025, 12, 20))
    client = login(world.officer_a2)
    assert client.get(reverse("assessment:assessment", args=[par.a1.pk])).status_code == 200
    page = client.get(reverse("assessment:results", args=[par.round.pk])).content.decode()
    assert "xã An Một" in page and "xã An Hai" in page
    # Another province still sees nothing.
    assert login(world.officer_b1).get(reverse("assessment:assessment", args=[par.a1.pk])).status_code == 404


def test_a_draft_is_not_shown_to_the_superior_before_submission(world, par):
    assert not can(world.appraiser_a, "assessment.view", par.a1)
    assert can(world.officer_a1, "assessment.view", par.a1)
    assert can(world.leader_a1, "assessment.view", par.a1)


# --- an appraiser cannot self-score ---------------------------------------------------------------


def test_appraiser_cannot_self_score(world, par, login):
    s = score(par.a1, "1.3")
    with pytest.raises(PermissionDenied):
        services.self_score(world.appraiser_a, s, points=1)
    response = login(world.appraiser_a).post(reverse("assessment:self_score", args=[s.pk]), {"points": "1"})
    assert response.status_code in (403, 404)  # a draft is not even visible to the appraiser
    s.refresh_from_db()
    assert s.self_points is None
    assert not ScoreChange.objects.filter(score=s).exists()


def test_self_scorer_cannot_appraise_and_province_officer_cannot_self_score(world, par, today):
    fill(par.a1, world.officer_a1)
    services.submit(world.officer_a1, par.a1)
    with pytest.raises(PermissionDenied):
        services.appraise(world.officer_a1, score(par.a1, "1.3"), points=1, reason="tự nâng điểm")
    with pytest.raises(PermissionDenied):
        services.self_score(world.officer_a, score(par.a2, "1.3"), points=1)
    with pytest.raises(PermissionDenied):
        services.self_score(world.officer_a2, score(par.a1, "1.3"), points=1)


@pytest.mark.parametrize(
    "who, action, allowed",
    [
        ("officer_a1", "assessment.self_score", True),
        ("officer_a1", "assessment.submit", True),
        ("leader_a1", "assessment.submit", True),
        ("leader_a1", "assessment.self_score", False),
        ("staff_a1", "assessment.self_score", False),
        ("viewer_a1", "assessment.submit", False),
        ("appraiser_a", "assessment.appraise", True),
        ("officer_a", "assessment.appraise", False),
        ("officer_a", "assessment.manage", True),
        ("admin_a", "assessment.manage", True),
        ("appraiser_a", "assessment.manage", False),
        ("officer_a1", "assessment.manage", False),
        ("officer_b1", "assessment.self_score", False),
    ],
)
def test_rules(world, par, who, action, allowed):
    target = par.round if action == "assessment.manage" else par.a1
    assert can(getattr(world, who), action, target) is allowed


# --- nobody writes after a lock except through a recorded reopening ------------------------------


def test_self_scoring_locks_at_the_deadline_and_a_reopening_is_recorded(world, par, today, login):
    s = score(par.a1, "1.3")
    today("2025-10-16")
    with pytest.raises(ValidationError, match="hết hạn tự đánh giá"):
        services.self_score(world.officer_a1, s, points=1)
    client = login(world.officer_a1)
    client.post(reverse("assessment:self_score", args=[s.pk]), {"points": "1"})
    s.refresh_from_db()
    assert s.self_points is None  # the page did not get round the lock
    with pytest.raises(ValidationError, match="hết hạn"):
        services.submit(world.officer_a1, par.a1)
    par.a1.refresh_from_db()
    assert (par.a1.status, par.a1.submitted_on) == ("self", None)  # a late submission saves nothing
    with pytest.raises(PermissionDenied):
        services.reopen(world.officer_a1, par.a1, "self", date(2025, 10, 20), "xin thêm thời gian")
    with pytest.raises(ValidationError, match="lý do"):
        services.reopen(world.officer_a, par.a1, "self", date(2025, 10, 20), "  ")
    services.reopen(world.officer_a, par.a1, "self", date(2025, 10, 20), "Mất điện diện rộng ngày 15/10")
    reopening = Reopening.objects.get(assessment=par.a1)
    assert (reopening.step, reopening.until, reopening.by) == ("self", date(2025, 10, 20), world.officer_a)
    assert AuditEntry.objects.filter(action="event", message__contains="Mở lại bước tự đánh giá").exists()
    services.self_score(world.officer_a1, s, points=1)
    today("2025-10-21")
    with pytest.raises(ValidationError, match="20/10/2025"):
        services.self_score(world.officer_a1, s, points=0)
    # Other communes stay locked: the reopening was for A1 only.
    with pytest.raises(ValidationError, match="hết hạn"):
        services.self_score(world.officer_a2, score(par.a2, "1.3"), points=1)


def test_a_submitted_assessment_is_locked_for_the_unit(world, par):
    fill(par.a1, world.officer_a1)
    services.submit(world.officer_a1, par.a1)
    with pytest.raises(ValidationError, match="đã gửi"):
        services.self_score(world.officer_a1, score(par.a1, "1.3"), points=1)


def test_appraisal_locks_at_its_deadline(world, par, today):
    fill(par.a1, world.officer_a1)
    services.submit(world.officer_a1, par.a1)
    today("2025-11-15")
    with pytest.raises(ValidationError, match="hết hạn thẩm định lần 1"):
        services.appraise(world.appraiser_a, score(par.a1, "1.3"), points=0, reason="thiếu tài liệu")
    services.reopen(world.officer_a, par.a1, "appraisal_1", date(2025, 11, 20), "Hội đồng bổ sung thành viên")
    services.appraise(world.appraiser_a, score(par.a1, "1.3"), points=0, reason="thiếu tài liệu")
    assert score(par.a1, "1.3").appraisal1_points == 0


def test_decided_and_published_are_final(world, par, today):
    decide_all(world, par, today)
    with pytest.raises(ValidationError):
        services.appraise(world.appraiser_a, score(par.a1, "1.3"), points=0, reason="sửa sau quyết định")
    rounds.publish(world.officer_a, par.round, number="45", day=date(2025, 12, 20))
    par.a1.refresh_from_db()
    with pytest.raises(ValidationError, match="đã công bố"):
        services.reopen(world.officer_a, par.a1, "appraisal_2", date(2025, 12, 30), "sửa")
