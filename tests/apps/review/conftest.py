"""Review tests on the named world: the province plan (seed 002) in tỉnh An, the commune plan
(seed 000, with its defects) in xã An Một under it, both confirmed, 000 linked to 002.

Seeds are parsed once per session and copied per test; saving goes through the plans services,
so the review receivers (assignments kept, alignment on confirm) run as in production.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from apps.accounts.policy import OPERATOR
from apps.plans.models import Plan
from apps.plans.services import activate_plan, save_draft
from core.plandoc import parse_plan

SEEDS = Path(__file__).resolve().parents[3] / "fixtures" / "seeds"
COMMUNE_SEED = SEEDS / "000_60e74d9db19c0c48.txt"  # xã Thường Xuân 2025
PROVINCE_SEED = SEEDS / "002_7ac37e54dd30bcb3.txt"  # tỉnh Thanh Hóa 2025
CLEAN_SEED = SEEDS / "004_53c1f6fe12ac9b9f.txt"  # xã Tuệ Tĩnh, no error expected
_PARSED: dict[Path, object] = {}


@pytest.fixture(autouse=True)
def _inline_parse(monkeypatch, settings, tmp_path):
    """Parse in-process (the fork sandbox is tested in core), uploads in tmp, a fresh cache."""
    monkeypatch.setattr("core.plandoc.sandbox._INLINE", True)
    settings.MEDIA_ROOT = tmp_path / "media"
    from django.core.cache import cache

    cache.clear()


def draft_of(path: Path):
    if path not in _PARSED:
        _PARSED[path] = parse_plan(path.read_bytes(), path.name)
    return copy.deepcopy(_PARSED[path])


def store(unit, path: Path, *, actor=OPERATOR, parent: Plan | None = None, confirm: bool = True) -> Plan:
    """Save a seed as a plan of ``unit`` (confirmed unless ``confirm`` is False)."""
    plan = save_draft(actor, unit, draft_of(path), path.read_bytes(), path.name)
    if parent is not None:
        plan.parent = parent
        plan.save(update_fields=["parent"])
    if confirm:
        plan = activate_plan(actor, plan)
    return Plan.objects.get(pk=plan.pk)


@pytest.fixture
def plans(world):
    """world.province_plan (002 in tỉnh An), world.commune_plan (000 in xã An Một, parent 002)."""
    world.province_plan = store(world.a, PROVINCE_SEED)
    world.commune_plan = store(world.a1, COMMUNE_SEED, parent=world.province_plan)
    return world
