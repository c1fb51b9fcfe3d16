"""Stored plans back to core drafts: the checks see the plan as imported (spans, assignments) and
as corrected, with the unit's own agency directory."""

from __future__ import annotations

from django.core.cache import cache

from apps.orgs.models import Alias
from apps.plans.directory import choose_agency
from apps.review.drafts import load_plan, unit_directory
from apps.review.findings import run_checks
from core.checks import check_plan
from tests.apps.review.conftest import COMMUNE_SEED, draft_of


def _keys(findings, skip=("unknown_agency",)):
    return {(f.rule, f.area, f.no, f.target_index, f.span) for f in findings if f.rule not in skip}


def test_round_trip_keeps_fields_spans_and_assignments(plans):
    parsed = draft_of(COMMUNE_SEED)
    stored = load_plan(plans.commune_plan).draft
    assert stored.source_text == parsed.source_text
    assert [t.to_gold_dict() for t in stored.tasks] == [t.to_gold_dict() for t in parsed.tasks]
    assert [t.spans for t in stored.tasks] == [t.spans for t in parsed.tasks]
    assert [(t.text, t.value, t.spans) for t in stored.targets] == [
        (t.text, t.value, t.spans) for t in parsed.targets
    ]
    assert stored.assignments == parsed.assignments and stored.assignments
    assert stored.org_unit.level == "commune" and stored.org_unit.province == "An"


def test_stored_plan_gives_the_findings_of_the_document(plans):
    """Same findings as checking the document itself, agency names apart (the unit's directory)."""
    findings, _, _ = run_checks(plans.commune_plan)
    direct = check_plan(draft_of(COMMUNE_SEED), superior=load_plan(plans.province_plan).draft)
    assert _keys(findings) == _keys(direct)
    assert any(f.rule == "lead_conflict" for f in findings)


def test_unknown_agency_uses_the_units_directory_and_aliases(plans):
    def unknown(plan):
        cache.clear()
        return {
            f.message.split("“")[1].split("”")[0] for f in run_checks(plan)[0] if f.rule == "unknown_agency"
        }

    names = unknown(plans.commune_plan)
    assert "Phòng Văn hóa - Xã hội" not in names  # an agency of xã An Một
    printed = next(iter(sorted(names)))
    Alias.objects.create(org_unit=plans.a1, text=printed, agency=plans.vhxh_a1)
    assert printed not in unknown(plans.commune_plan)
    assert unit_directory(plans.commune_plan).resolve(printed).exact


def test_a_name_mapped_by_hand_is_no_longer_unknown(plans):
    link = next(
        link
        for task in plans.commune_plan.tasks.prefetch_related("agencies")
        for link in task.agencies.all()
        if link.resolved is None
    )
    choose_agency(plans.officer_a1, link, plans.kt_a1, remember=False)
    cache.clear()
    messages = [f.message for f in run_checks(plans.commune_plan)[0] if f.rule == "unknown_agency"]
    assert not [m for m in messages if f"“{link.printed}”" in m]
