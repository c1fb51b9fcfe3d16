"""Writes on plans ask the policy, whoever calls them (issue 10, defect 8): ``save_draft`` and
``activate_plan`` used to write for anyone, ``None`` included; the command line acts as OPERATOR."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from apps.accounts.policy import OPERATOR
from apps.audit.models import AuditEntry
from apps.plans.models import Plan
from apps.plans.services import activate_plan, read_plan_document, save_draft
from tests.apps.plans.conftest import COMMUNE_SEED


@pytest.fixture
def draft():
    data = COMMUNE_SEED.read_bytes()
    return read_plan_document(data, COMMUNE_SEED.name), data


@pytest.mark.parametrize("who", [None, "staff_a1", "officer_b1", "leader_a1"])
def test_save_draft_refuses_anyone_but_the_units_officers(world, draft, who):
    actor = getattr(world, who) if who else None
    with pytest.raises(PermissionDenied):
        save_draft(actor, world.a1, draft[0], draft[1], "kh.txt")
    assert not Plan.objects.exists()


def test_activate_plan_refuses_others_and_records_the_operator(world, draft):
    plan = save_draft(world.officer_a1, world.a1, draft[0], draft[1], "kh.txt")
    for actor in (None, world.staff_a1, world.officer_b1):
        with pytest.raises(PermissionDenied):
            activate_plan(actor, plan)
    assert Plan.objects.get().status == Plan.Status.DRAFT
    activate_plan(OPERATOR, plan)
    assert Plan.objects.get().status == Plan.Status.ACTIVE
    entry = AuditEntry.objects.filter(message="Xác nhận kế hoạch.").get()
    assert entry.actor is None and entry.actor_name == str(OPERATOR)
