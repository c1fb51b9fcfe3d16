"""A department-level round: each sở is assessed inside the province; its own staff score it, the
province's appraisers appraise it (never their own sở), other sở see nothing before publication."""

from dataclasses import replace

import pytest
from django.core.exceptions import PermissionDenied

from apps.accounts.policy import can
from apps.assessment import rounds, services
from apps.assessment.frameworks import save_framework
from apps.orgs.models import Agency
from tests.apps.assessment.conftest import DEADLINES, score, spec
from tests.apps.conftest import _user


def test_department_round(world, today, django_capture_on_commit_callbacks):
    stc = Agency.objects.create(org_unit=world.a, name="Sở Tài chính", kind="so")
    Agency.objects.create(org_unit=world.a, name="Trung tâm Phục vụ hành chính công tỉnh", kind="trung_tam")
    staff_stc = _user("staff_stc", world.a, "staff", stc)
    staff_snv = _user("staff_snv", world.a, "staff", world.snv_a)
    fw = save_framework(world.officer_a, world.a, replace(spec(), level="department"))
    with django_capture_on_commit_callbacks(execute=True):
        rnd = rounds.create_round(world.officer_a, fw, title="Chỉ số CCHC các sở 2025", deadlines=DEADLINES)
    by_agency = {a.agency.name: a for a in rnd.assessments.select_related("agency")}
    assert set(by_agency) == {"Sở Nội vụ", "Sở Tài chính"}  # sở only, not the centre
    a_stc, a_snv = by_agency["Sở Tài chính"], by_agency["Sở Nội vụ"]
    assert "chỉ tính cho đơn vị hành chính" in score(a_stc, "1.2").computed["fallback"]
    services.self_score(staff_stc, score(a_stc, "1.3"), points=1)
    with pytest.raises(PermissionDenied):
        services.self_score(staff_snv, score(a_stc, "1.3"), points=1)
    assert can(staff_stc, "assessment.view", a_stc) and not can(staff_snv, "assessment.view", a_stc)
    assert can(world.officer_a, "assessment.view", a_stc)  # the province's managers follow every sở
    a_snv.status = a_stc.status = "submitted"
    assert can(world.appraiser_a, "assessment.appraise", a_stc)
    assert not can(world.appraiser_a, "assessment.appraise", a_snv)  # the appraiser's own sở
    assert not can(world.appraiser_a, "assessment.self_score", a_snv)
