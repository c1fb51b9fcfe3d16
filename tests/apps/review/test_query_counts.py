"""Query-count baselines for the review pages, and counts that do not grow with the data.

The coverage matrix is the page that must scale (200 communes): its count is the same with one
subordinate plan or three. If a change adds a query on purpose, raise the number and say why.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.orgs.models import OrgUnit
from apps.review.findings import plan_findings
from apps.review.services import dismiss_finding
from tests.apps.review.conftest import CLEAN_SEED, COMMUNE_SEED, store

# (id, url name, plan attribute, who, baseline)
PAGES = [
    ("panel", "review:panel", "commune_plan", "officer_a1", 20),
    ("findings-page", "review:findings", "commune_plan", "officer_a1", 20),
    ("alignment", "review:alignment", "commune_plan", "officer_a1", 15),
    # the superior plan and the subordinate plans are loaded apart (agencies of the superior only)
    ("coverage", "review:coverage", "province_plan", "officer_a", 15),
    ("coverage-xlsx", "review:coverage_xlsx", "province_plan", "appraiser_a", 15),
    ("index", "review:index", None, "officer_a", 6),
]


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx)


def _url(world, name, attr):
    return reverse(name, args=[getattr(world, attr).pk] if attr else [])


@pytest.mark.parametrize(("label", "name", "attr", "who", "baseline"), PAGES, ids=[p[0] for p in PAGES])
def test_baseline(plans, login, django_assert_max_num_queries, label, name, attr, who, baseline):
    store(plans.a2, CLEAN_SEED, parent=plans.province_plan)
    client = login(getattr(plans, who))
    url = _url(plans, name, attr)
    client.get(url)  # steady state: the findings cache is warm, as for the second viewer
    with django_assert_max_num_queries(baseline):
        assert client.get(url).status_code == 200


def test_coverage_count_does_not_grow_with_subordinate_plans(plans, login):
    client = login(plans.officer_a)
    url = reverse("review:coverage", args=[plans.province_plan.pk])
    one = _count(client, url)
    store(plans.a2, CLEAN_SEED, parent=plans.province_plan)
    extra = OrgUnit.objects.create(name="xã An Ba", level="commune", parent=plans.a)
    store(extra, COMMUNE_SEED, parent=plans.province_plan)
    three = _count(client, url)
    assert three == one, f"{one} truy vấn với 1 kế hoạch cấp dưới, {three} với 3 — có N+1"
    assert _count(client, reverse("review:coverage_xlsx", args=[plans.province_plan.pk])) == three


def test_panel_count_does_not_grow_with_dismissals(plans, login):
    client = login(plans.officer_a1)
    url = reverse("review:panel", args=[plans.commune_plan.pk]) + "?da_bo_qua=1"
    client.get(url)
    none = _count(client, url)
    for item in plan_findings(plans.commune_plan)[:3]:
        dismiss_finding(plans.officer_a1, plans.commune_plan, *item.key, "Không phải lỗi")
    client.get(url)
    assert _count(client, url) == none
