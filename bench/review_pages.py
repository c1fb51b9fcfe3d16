"""Latency of the review pages of issue 14 (alignment, findings) and the plan page with its filter,
on the demo data, through Django's test client.

    .venv/bin/python bench/review_pages.py [--requests 15]

Builds the same throwaway database as ``bench/pages.py`` (``bench/_common.py``: migrate + demo),
logs in as the commune's CCHC officer and times each page ``--requests`` times twice: with the cache
warm (an unchanged plan shown again) and with the cache cleared before each request (the checks and
the matching computed, as right after a correction). Prints the medians; target < 300 ms each; exits 1 when missed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._common import demo_database, new_client, timed_gets  # noqa: E402

TARGET_MS = 300.0
USER = "cv.thuongxuan"


def _urls() -> list[tuple[str, str]]:
    from django.urls import reverse

    from apps.plans.models import Plan

    plan = Plan.objects.get(org_unit__name="xã Thường Xuân", status=Plan.Status.ACTIVE)
    detail = reverse("plans:detail", args=[plan.pk])
    return [
        ("đối chiếu cấp trên", reverse("review:alignment", args=[plan.pk])),
        ("phát hiện (trang)", reverse("review:findings", args=[plan.pk])),
        ("phát hiện (khung HTMX)", reverse("review:panel", args=[plan.pk])),
        ("kế hoạch", detail),
        ("kế hoạch, lọc + tìm", f"{detail}?q=thu+tuc&trang_thai=qua_han"),
    ]


def measure(n: int) -> int:
    from django.core.cache import cache

    client = new_client(USER)
    worst = 0.0
    print(f"{'trang':<24} {'trung vị (đã lưu đệm)':>22} {'trung vị (tính lại)':>20}   ms, {n} lần, {USER}")
    for label, url in _urls():
        timed_gets(client, url, 3)  # warm-up: imports, templates, first computation
        warm = statistics.median(timed_gets(client, url, n))
        cold = statistics.median(timed_gets(client, url, n, before=cache.clear))
        worst = max(worst, warm, cold)
        print(f"{label:<24} {warm:22.1f} {cold:20.1f}")
    verdict = "đạt" if worst < TARGET_MS else "KHÔNG ĐẠT"
    print(f"\nchậm nhất: {worst:.1f} ms; mục tiêu trung vị < {TARGET_MS:.0f} ms: {verdict}")
    return 0 if worst < TARGET_MS else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=15, help="timed requests per page (default 15)")
    args = parser.parse_args()
    with demo_database():
        code = measure(args.requests)
    sys.exit(code)


if __name__ == "__main__":
    main()
