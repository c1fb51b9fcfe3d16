"""The province's coverage matrix end to end: 200 communes x a 60-task province plan, page and XLSX.

    .venv/bin/python bench/coverage_page.py [--communes 200] [--runs 3]

Builds a throwaway SQLite database in a temporary CCHC_VAR_DIR (migrate), stores the province plan
(seed 002 topped up to 60 tasks) and the generated commune plans the way ``bench/checks.py``
writes them (most tasks copy a province task with the scope words changed, some are the
commune's own), confirms nothing by hand: plans are written row by row in bulk, as an import
would leave them. Then, logged in as the province's CCHC officer through Django's test client,
requests the matrix page and the XLSX export, ``--runs`` times each with the cache cleared (the
matrix computed) and with it cached (the export right after the page). Prints the medians
(target: < 2000 ms computing the matrix) and exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_MS = 2000.0
PROVINCE_SEED = "002_7ac37e54dd30bcb3.txt"  # tỉnh Thanh Hóa 2025
OTHER_SEED = "001_2d17fb29c0483998.txt"  # tops the province plan up to 60 tasks, gives communes own tasks


def _generators():
    """``_province`` and ``_commune`` of bench/checks.py: one way to generate plans for both benches."""
    spec = importlib.util.spec_from_file_location("bench_checks", ROOT / "bench" / "checks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _setup(var_dir: Path) -> None:
    for name in [n for n in os.environ if n.startswith(("CCHC_", "DJANGO_"))] + ["DATABASE_URL", "DEBUG"]:
        os.environ.pop(name, None)
    os.environ.update(
        CCHC_VAR_DIR=str(var_dir),
        DJANGO_SETTINGS_MODULE="cchc.settings",
        ALLOWED_HOSTS="testserver,localhost",
        LOG_LEVEL="ERROR",
    )
    import django

    django.setup()
    logging.getLogger("django.request").setLevel(logging.ERROR)
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def _store(unit, draft, parent=None):
    """One plan with its targets, tasks and printed agencies, in bulk (no parsing, no signals)."""
    from apps.plans.models import Plan
    from apps.plans.services import store_draft_rows

    plan = Plan.objects.create(
        org_unit=unit,
        title=f"Kế hoạch CCHC {unit.name} năm 2025",
        period_start=draft.period_start,
        period_end=draft.period_end,
        parent=parent,
        status=Plan.Status.ACTIVE,
    )
    store_draft_rows(plan, draft)
    return plan


def _build(communes: int):
    from apps.accounts.models import Membership, User
    from apps.orgs.models import Agency, OrgUnit
    from core.plandoc import parse_plan

    gen = _generators()
    seeds = ROOT / "fixtures" / "seeds"
    province_draft = parse_plan((seeds / PROVINCE_SEED).read_bytes(), PROVINCE_SEED)
    other = parse_plan((seeds / OTHER_SEED).read_bytes(), OTHER_SEED)
    big = gen._province(province_draft, other)
    province = OrgUnit.objects.create(name="tỉnh Thử Nghiệm", level="province")
    superior = _store(province, big)
    rng = random.Random(2025)
    for i in range(communes):
        unit = OrgUnit.objects.create(name=f"xã Số {i:03d}", level="commune", parent=province)
        _store(unit, gen._commune(rng, big, other.tasks, i), parent=superior)
    officer = User.objects.create_user(username="snv", password="x")
    snv = Agency.objects.create(org_unit=province, name="Sở Nội vụ", kind="so")
    Membership.objects.create(user=officer, org_unit=province, agency=snv, role="officer")
    return superior, officer, len(big.tasks)


def _time(client, url: str, runs: int, *, cached: bool) -> tuple[float, int]:
    """Median time of ``url``; ``cached`` False clears the cache first (the matrix is recomputed)."""
    from django.core.cache import cache

    client.get(url)  # warm-up: imports, compiled templates
    timings = []
    for _ in range(runs):
        if not cached:
            cache.clear()
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings), len(response.content)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communes", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    var_dir = Path(tempfile.mkdtemp(prefix="cchc-bench-coverage-"))
    try:
        _setup(var_dir)
        from django.test import Client
        from django.urls import reverse

        start = time.perf_counter()
        superior, officer, n_tasks = _build(args.communes)
        print(
            f"data: {args.communes} communes x {n_tasks} province tasks in {time.perf_counter() - start:.1f} s"
        )
        client = Client()
        client.force_login(officer)
        ok = True
        for label, name in (("page", "review:coverage"), ("xlsx", "review:coverage_xlsx")):
            url = reverse(name, args=[superior.pk])
            fresh, size = _time(client, url, args.runs, cached=False)
            warm, _ = _time(client, url, args.runs, cached=True)
            ok &= fresh < TARGET_MS
            print(
                f"coverage {label} ({size // 1024} KiB): median {fresh:.0f} ms computing the matrix, "
                f"{warm:.0f} ms with it cached (target < {TARGET_MS:.0f} ms)"
            )
        return 0 if ok else 1
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
