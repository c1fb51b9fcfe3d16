"""The appraiser's home lists the self-assessments waiting for appraisal, with days waited."""

from django.urls import reverse

from apps.assessment import services
from tests.apps.assessment.conftest import fill


def test_appraiser_sees_submitted_assessments_others_do_not(world, par, today, login):
    fill(par.a1, world.officer_a1)
    today("2025-10-05")
    services.submit(world.officer_a1, par.a1)
    today("2025-10-15")
    body = login(world.appraiser_a).get(reverse("home")).content.decode()
    assert "Chỉ số CCHC chờ bạn thẩm định (1)" in body
    assert "xã An Một" in body and "chờ 10 ngày" in body
    assert reverse("assessment:assessment", args=[par.a1.pk]) in body
    # The unit's own officer and an appraiser-less user get no such card.
    assert "chờ bạn thẩm định" not in login(world.officer_a1).get(reverse("home")).content.decode()
    assert "chờ bạn thẩm định" not in login(world.leader_a1).get(reverse("home")).content.decode()
