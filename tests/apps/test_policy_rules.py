"""Every registered policy rule is tested by a denial that fails when the rule is made to allow
everything, and by a grant that fails when it is made to deny everything (issue 10, defect 8).

A new rule (dossiers, PAR INDEX, citizen voice) without a line in ``CASES`` fails the first test:
add who must be refused what, and who may do it. Rules that only a system superuser passes (who
bypasses the rules) have no grant."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from apps.accounts import policy
from apps.accounts.policy import _RULES, can
from tests.apps.tracking.conftest import plan_a1  # noqa: F401, F811 - the fixture, for the task rules

# action: ([(who, what), ...] that must be denied, [(who, what), ...] that must be granted)
CASES = {
    "orgs.view": ([("officer_a1", "a2"), ("officer_b1", "a1"), ("nobody", "a1")], [("officer_a1", "a1")]),
    "orgs.manage": ([("admin_a1", "a"), ("officer_a1", "a1"), ("admin_a", "b1")], [("admin_a", "a1")]),
    "orgs.create_top": ([("admin_a", None), ("officer_a", None)], []),
    "accounts.manage": ([("admin_a1", "a2"), ("officer_a", "a1"), ("leader_a1", "a1")], [("admin_a1", "a1")]),
    "audit.view": ([("staff_a1", "a1"), ("leader_a1", "a1"), ("officer_b1", "a1")], [("officer_a1", "a1")]),
    "work.approve": ([("staff_a1", "kt_a1"), ("head_a1", "hcc_a1"), ("officer_a1", "kt_a1")], [("head_a1", "kt_a1")]),
    "plans.manage": ([("staff_a1", "a1"), ("leader_a1", "a1"), ("officer_a1", "a2")], [("officer_a1", "a1")]),
    "reports.sign": ([("officer_a1", "a1"), ("leader_a1", "a2")], [("leader_a1", "a1")]),
    "reports.prepare": ([("officer_a", "a1"), ("leader_a1", "a1"), ("staff_a1", "a1")], [("officer_a1", "a1")]),
    "reports.submit": ([("staff_a1", "a1"), ("officer_a", "a1"), ("viewer_a1", "a1")], [("leader_a1", "a1")]),
    "reports.view": ([("staff_a1", "a1"), ("officer_b1", "a1"), ("officer_a", "draft_a1")], [("viewer_a1", "a1")]),
    "reports.oversee": ([("staff_a1", "a1"), ("officer_a1", "a"), ("officer_b1", "a1"), ("nobody", "a1")],
                        [("officer_a", "a1")]),
    "reports.indicators": ([("officer_a", "a1"), ("staff_a1", "a1"), ("leader_a1", "a1")], [("officer_a1", "a1")]),
    "reports.periods": ([("officer_a1", "a"), ("leader_a1", "a1"), ("staff_a1", "a1")], [("officer_a", "a1")]),
    "review.dismiss": ([("leader_a1", "a1"), ("staff_a1", "a1"), ("officer_a1", "a2")], [("officer_a1", "a1")]),
    "review.align": ([("viewer_a1", "a1"), ("head_a1", "a1"), ("officer_b1", "a1")], [("admin_a1", "a1")]),
    "review.coverage": ([("officer_a1", "a1"), ("officer_a", "a1"), ("staff_a1", "a")], [("appraiser_a", "a")]),
    "tracking.view": ([("staff_a1", "t_hcc"), ("officer_b1", "t_kt"), ("head_hcc_a1", "t_event")],
                      [("staff_a1_hcc", "t_kt")]),
    "tracking.report": ([("staff_a1_hcc", "t_kt"), ("viewer_a1", "t_kt"), ("leader_a1", "t_kt")],
                        [("staff_a1", "t_kt")]),
    "tracking.contribute": ([("staff_a1", "t_kt"), ("officer_a1", "t_kt")], [("staff_a1_hcc", "t_kt")]),
    "tracking.review": ([("head_a1", "t_kt"), ("staff_a1", "t_kt"), ("officer_b1", "t_kt")], [("officer_a", "t_kt")]),
    "tracking.schedule": ([("staff_a1", "t_event"), ("head_a1", "t_event"), ("leader_a1", "t_event")],
                          [("officer_a1", "t_event")]),
    "tracking.calendar": ([("admin_a", None), ("officer_a", None)], []),
    "tracking.settings": ([("staff_a1", "a1"), ("leader_a1", "a1"), ("officer_a1", "a2")], [("admin_a1", "a1")]),
    "assessment.appraise": ([("appraiser_a", "a"), ("appraiser_a", "b1"), ("officer_a", "a1")],
                            [("appraiser_a", "a1")]),
    "jobs.view": ([("officer_b1", "job_a1"), ("staff_a1", "job_a1"), ("officer_a", "job_a1")],
                  [("officer_a1", "job_a1"), ("viewer_a1", "job_a1")]),
    "assessment.manage": ([("officer_a1", "a"), ("appraiser_a", "a"), ("officer_b1", "a")], [("officer_a", "a")]),
    "assessment.self_score": ([("appraiser_a", "assess_a1"), ("staff_a1", "assess_a1"),
                               ("officer_b1", "assess_a1")], [("officer_a1", "assess_a1")]),
    "assessment.submit": ([("staff_a1", "assess_a1"), ("officer_b1", "assess_a1"), ("appraiser_a", "assess_a1")],
                          [("leader_a1", "assess_a1")]),
    "assessment.view": ([("officer_b1", "assess_a1_sent"), ("officer_a", "assess_a1"), ("nobody", "assess_a1")],
                        [("viewer_a1", "assess_a1"), ("officer_a", "assess_a1_sent")]),
    "assessment.results": ([("officer_a1", "round_a"), ("officer_b1", "round_a")], [("officer_a", "round_a")]),
    "assessment.read_framework": ([("officer_b1", "framework_a"), ("nobody", "framework_a")],
                                  [("officer_a1", "framework_a")]),
    "dossiers.view": ([("officer_b1", "a1"), ("nobody", "a1")], [("staff_a1", "a1")]),
    "dossiers.import": ([("staff_a1", "a1"), ("leader_a1", "a1"), ("officer_b1", "a1")], [("officer_a1", "a1")]),
    "dossiers.catalogue": ([("officer_a1", None), ("appraiser_a", None)], [("officer_a", None)]),
    "dossiers.apology": ([("staff_a1", "dossier_hcc_a1"), ("officer_b1", "dossier_hcc_a1"),
                          ("leader_a1", "dossier_hcc_a1")], [("staff_a1_hcc", "dossier_hcc_a1")]),
    "indicators.enter": ([("officer_a", "a1"), ("staff_a1", "a1"), ("leader_a1", "a1")], [("officer_a1", "a1")]),
    "indicators.view": ([("staff_a1", "a1"), ("officer_b1", "a1")], [("viewer_a1", "a1")]),
    "api.tokens": ([("officer_a1", "a1"), ("admin_a1", "a2")], [("admin_a1", "a1")]),
    "citizen.view": ([("staff_a1_hcc", "petition_kt_a1"), ("officer_b1", "petition_kt_a1")],
                     [("staff_a1", "petition_kt_a1")]),
    "citizen.receive": ([("staff_a1", "a1"), ("officer_a", "a1"), ("leader_a1", "a1")], [("officer_a1", "a1")]),
    "citizen.answer": ([("viewer_a1", "petition_kt_a1"), ("officer_a", "petition_kt_a1"),
                        ("staff_a1_hcc", "petition_kt_a1")], [("staff_a1", "petition_kt_a1")]),
    "citizen.approve": ([("staff_a1", "petition_kt_a1"), ("officer_a1", "petition_kt_a1")],
                        [("head_a1", "petition_kt_a1")]),
    "citizen.publish": ([("staff_a1", "petition_kt_a1"), ("officer_a", "petition_kt_a1")],
                        [("officer_a1", "petition_kt_a1")]),
    "citizen.surveys": ([("officer_a1", "a"), ("staff_a1", "a1"), ("leader_a1", "a1")], [("officer_a", "a1")]),
    "citizen.results": ([("staff_a1", "a1"), ("officer_b1", "a1")], [("viewer_a1", "a1")]),
    "citizen.rating_slip": ([("officer_b1", "dossier_hcc_a1"), ("nobody", "dossier_hcc_a1")],
                            [("staff_a1", "dossier_hcc_a1")]),
}  # fmt: skip


@pytest.fixture
def objects(world, plan_a1):  # noqa: F811
    from datetime import date

    from django.contrib.contenttypes.models import ContentType

    from apps.jobs.models import Job
    from apps.reports.models import PeriodicReport

    draft = PeriodicReport.objects.create(
        org_unit=world.a1,
        period_code="2025-Q3",
        period_start=date(2025, 6, 15),
        period_end=date(2025, 9, 14),
        due=date(2025, 9, 20),
    )
    named = {k: v for k, v in vars(world).items()}
    named.update(vars(plan_a1))
    named["draft_a1"] = draft
    # PAR INDEX objects as the assessment rules read them (attributes of Assessment, round, framework)
    round_a = SimpleNamespace(province_id=world.a.pk, published=False)
    named["round_a"] = round_a
    named["framework_a"] = SimpleNamespace(province_id=world.a.pk)
    # a dossier handled by the one-stop centre of A1, a petition assigned to its economy office
    named["dossier_hcc_a1"] = SimpleNamespace(org_unit_id=world.a1.pk, agency_id=world.hcc_a1.pk)
    named["petition_kt_a1"] = SimpleNamespace(org_unit_id=world.a1.pk, agency_id=world.kt_a1.pk)
    named["assess_a1"] = SimpleNamespace(
        org_unit_id=world.a1.pk, agency_id=None, status="self", round=round_a
    )
    named["assess_a1_sent"] = SimpleNamespace(
        org_unit_id=world.a1.pk, agency_id=None, status="submitted", round=round_a
    )
    named["job_a1"] = Job.objects.create(
        kind="reports.compile",
        org_unit=world.a1,
        created_by=world.officer_a1,
        subject_type=ContentType.objects.get_for_model(draft),
        subject_id=draft.pk,
    )
    named[None] = None
    return named


def _resolve(objects, who, what):
    return objects[who], objects[what] if what is not None else None


def test_every_registered_rule_has_denials_and_grants_listed():
    missing = sorted(set(_RULES) - set(CASES))
    assert not missing, f"Rules without denial tests (add them to CASES): {missing}"
    assert not sorted(set(CASES) - set(_RULES)), "CASES names rules that no longer exist"


@pytest.mark.parametrize("action", sorted(CASES))
def test_denials_come_from_the_rule(objects, monkeypatch, action):
    denials, grants = CASES[action]
    assert denials, action
    for who, what in denials:
        user, obj = _resolve(objects, who, what)
        assert not can(user, action, obj), (action, who, what)
    monkeypatch.setitem(policy._RULES, action, lambda s, obj: True)
    for who, what in denials:
        user, obj = _resolve(objects, who, what)
        user.__dict__.pop("_cchc_subject", None)
        assert can(user, action, obj), f"{action}: {who} is refused by something other than the rule"


@pytest.mark.parametrize("action", sorted(CASES))
def test_grants_come_from_the_rule(objects, monkeypatch, action):
    _, grants = CASES[action]
    for who, what in grants:
        user, obj = _resolve(objects, who, what)
        assert can(user, action, obj), (action, who, what)
    monkeypatch.setitem(policy._RULES, action, lambda s, obj: False)
    for who, what in grants:
        user, obj = _resolve(objects, who, what)
        assert not can(user, action, obj), (action, who, what)


def test_a_root_user_passes_every_rule_and_an_anonymous_one_none(objects):
    from django.contrib.auth.models import AnonymousUser

    for action, (denials, _) in CASES.items():
        _, obj = _resolve(objects, "root", denials[0][1])
        assert can(objects["root"], action, obj)
        assert not can(AnonymousUser(), action, obj)
