"""Query-count baselines per main view (netbox style): the cheapest guard against N+1 queries.

Two checks per view, on the named world grown to look like a real commune (many agencies, each
with aliases, a staff member and a group; an audit trail):
- a baseline: at most the number of queries the view needs today. A change that adds queries
  fails here; if the new query is wanted, raise the number in the same commit and say why.
- scale invariance: the count is the same with 3 or with 30 agencies, users and audit entries.
  A per-row query (an N+1) fails this even if it slips under the baseline.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.accounts.models import Membership, User
from apps.audit.context import acting_as
from apps.orgs.models import Agency, AgencyGroup, Alias


def grow(world, start: int, stop: int) -> None:
    """Agencies ``start``..``stop`` in commune A1, each with two aliases, a staff member and a group.

    Done while acting as admin_a, so the audit trail grows too. The province officer also gains
    memberships (so the home page lists several roles) and staff_a1 gains roles in A1's agencies."""
    with acting_as(world.admin_a):
        for i in range(start, stop):
            agency = Agency.objects.create(
                org_unit=world.a1, name=f"Phòng thử nghiệm {i}", short_name=f"PTN{i}"
            )
            Alias.objects.create(org_unit=world.a1, text=f"P. thử nghiệm {i}", agency=agency)
            Alias.objects.create(org_unit=world.a1, text=f"PTN số {i}", agency=agency)
            person = User.objects.create_user(username=f"nv{i}", password="x", full_name=f"Nhân viên {i}")
            Membership.objects.create(user=person, org_unit=world.a1, agency=agency, role="staff")
            Membership.objects.create(user=world.staff_a1, org_unit=world.a1, agency=agency, role="staff")
            group = AgencyGroup.objects.create(org_unit=world.a1, name=f"Nhóm thử nghiệm {i}")
            group.members.add(agency, world.kt_a1)
            group.member_units.add(world.a2)
            Alias.objects.create(org_unit=world.a1, text=f"Các phòng nhóm {i}", group=group)
            Membership.objects.create(user=world.viewer_a1, org_unit=world.a1, agency=agency, role="head")


# (id, view, args from the world, who looks, baseline number of queries)
PAGES = [
    # The cockpit: counts + the overdue and due-soon lists, the unit's rates, its next report
    # (reporting rules, its report, the subordinates' reports): a fixed number, whatever the data.
    # An admin also gets the "Quản trị hệ thống" card: one query for the failed jobs (15 -> 16).
    ("home-province-admin", "home", lambda w: [], "admin_a", 16),
    ("home-many-roles", "home", lambda w: [], "viewer_a1", 13),
    ("unit-list", "orgs:unit_list", lambda w: [], "admin_a", 6),
    ("commune-as-province-admin", "orgs:unit_detail", lambda w: [w.a1.pk], "admin_a", 16),
    ("commune-as-staff", "orgs:unit_detail", lambda w: [w.a1.pk], "staff_a1", 14),
    ("province", "orgs:unit_detail", lambda w: [w.a.pk], "admin_a", 12),
    ("user-list", "accounts:user_list", lambda w: [], "admin_a", 8),
    ("user-with-many-roles", "accounts:user_detail", lambda w: [w.staff_a1.pk], "admin_a", 10),
    ("audit", "audit:list", lambda w: [], "admin_a", 8),
    ("audit-superuser", "audit:list", lambda w: [], "root", 6),
]
IDS = [p[0] for p in PAGES]


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx)


@pytest.fixture
def crowded(world):
    grow(world, 0, 30)
    return world


@pytest.mark.parametrize(("label", "name", "args", "who", "baseline"), PAGES, ids=IDS)
def test_baseline(crowded, client, django_assert_max_num_queries, label, name, args, who, baseline):
    client.force_login(getattr(crowded, who))
    url = reverse(name, args=args(crowded))
    client.get(url)  # first request of a session may touch caches; measure the steady state
    with django_assert_max_num_queries(baseline):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize(("label", "name", "args", "who", "baseline"), PAGES, ids=IDS)
def test_count_does_not_grow_with_data(world, client, label, name, args, who, baseline):
    client.force_login(getattr(world, who))
    url = reverse(name, args=args(world))
    grow(world, 0, 3)
    client.get(url)
    small = count_queries(client, url)
    grow(world, 3, 30)
    large = count_queries(client, url)
    assert large == small, f"{label}: {small} truy vấn với 3 cơ quan, {large} với 30 — có N+1"


def test_login_page_needs_no_query(db, client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(reverse("accounts:login"))
    assert response.status_code == 200


def test_the_guard_catches_an_n_plus_one(crowded, client):
    """The scale check is not decoration: a template that reads a relation per row is caught."""
    from django.template import Context, Template

    template = Template("{% for a in agencies %}{{ a.org_unit.name }}{% endfor %}")
    with CaptureQueriesContext(connection) as few:
        template.render(Context({"agencies": list(Agency.objects.filter(org_unit=crowded.a1)[:3])}))
    with CaptureQueriesContext(connection) as many:
        template.render(Context({"agencies": list(Agency.objects.filter(org_unit=crowded.a1)[:30])}))
    assert len(many) > len(few)
