"""Demo step: the five seed plans, imported into their units and confirmed, communes under the province."""

from __future__ import annotations

import hashlib
from pathlib import Path

from django.conf import settings

from apps.accounts.policy import OPERATOR
from apps.orgs.models import OrgUnit
from apps.plans.models import Plan, SourceDocument
from apps.plans.services import activate_plan, read_plan_document, save_draft
from apps.system.demo import demo_step

SEEDS_DIR = Path(settings.BASE_DIR) / "fixtures" / "seeds"
PROVINCE_SEED = "002_7ac37e54dd30bcb3.txt"
SEED_UNITS = {
    "002_7ac37e54dd30bcb3.txt": "tỉnh Thanh Hóa",
    "000_60e74d9db19c0c48.txt": "xã Thường Xuân",
    "001_2d17fb29c0483998.txt": "xã Ngọc Liên",
    "003_f36111fb650658dc.txt": "xã Anh Sơn",
    "004_53c1f6fe12ac9b9f.txt": "xã Tuệ Tĩnh",
}


def _import_seed(filename: str, unit: OrgUnit) -> Plan:
    data = (SEEDS_DIR / filename).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    existing = Plan.objects.filter(
        org_unit=unit, source__in=SourceDocument.objects.filter(sha256=digest)
    ).first()
    if existing:
        return existing
    plan = save_draft(OPERATOR, unit, read_plan_document(data, filename), data, filename)
    return activate_plan(OPERATOR, plan)


@demo_step(30, "Kế hoạch CCHC mẫu (5 kế hoạch)")
def load_seed_plans() -> None:
    plans = {name: _import_seed(name, OrgUnit.objects.get(name=unit)) for name, unit in SEED_UNITS.items()}
    province = plans[PROVINCE_SEED]
    for plan in plans.values():
        if plan is province or plan.parent_id == province.pk:
            continue
        ancestors = plan.org_unit.ancestors()
        if ancestors and ancestors[-1] == province.org_unit:
            plan.parent = province
            plan.save(update_fields=["parent"])
