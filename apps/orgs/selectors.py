"""Reads for the organisation pages, scoped by the policy and shaped to avoid N+1 queries."""

from __future__ import annotations

from django.db.models import Count, Prefetch

from apps.accounts.policy import visible_units
from apps.orgs.models import Agency, AgencyGroup, Alias, OrgUnit


def unit_tree(user) -> list[dict]:
    """Visible units in tree order with their depth, for an indented list."""
    units = list(visible_units(user).annotate(n_agencies=Count("agencies")).order_by("name"))
    by_parent: dict[int | None, list[OrgUnit]] = {}
    ids = {u.pk for u in units}
    for unit in units:
        parent = unit.parent_id if unit.parent_id in ids else None
        by_parent.setdefault(parent, []).append(unit)
    rows: list[dict] = []

    def walk(parent_id, depth):
        for unit in sorted(by_parent.get(parent_id, []), key=lambda u: (not u.is_active, u.name)):
            rows.append({"unit": unit, "depth": depth, "indent": range(depth)})
            if depth < 5:
                walk(unit.pk, depth + 1)

    walk(None, 0)
    return rows


def unit_detail(unit: OrgUnit) -> dict:
    aliases = Prefetch("aliases", queryset=Alias.objects.order_by("text"))
    agencies = Agency.objects.filter(org_unit=unit).prefetch_related(aliases).order_by("-is_active", "name")
    groups = AgencyGroup.objects.filter(org_unit=unit).prefetch_related("members", "member_units", aliases)
    return {
        "unit": unit,
        "ancestors": list(reversed(unit.ancestors())),
        "children": unit.children.order_by("name"),
        "agencies": agencies,
        "groups": groups,
        "changes": unit.changes_in.prefetch_related("predecessors"),
        "predecessors": unit.predecessors.all(),
    }
