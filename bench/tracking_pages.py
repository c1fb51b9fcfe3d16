"""Time the follow-up pages on the 156,000-milestone province; prints median and p95 per page.

    .venv/bin/python bench/tracking_pages.py [--runs 20]

Targets: workspace and dashboard pages < 300 ms median and < 1 s p95; the province dashboard
(200 communes) < 1 s. Requests go through the whole Django stack (middleware, templates) with
the test client, against the data set of bench/tracking_data.py, as of its AS_OF date.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.tracking_data import AS_OF, DEFAULT_DIR, build, setup  # noqa: E402


def measure(client, url: str, runs: int) -> tuple[float, float, int]:
    client.get(url)  # warm caches (calendar, templates) as a running server would have them
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))], len(response.content)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    os.environ["CCHC_TODAY"] = AS_OF.isoformat()
    setup(DEFAULT_DIR)
    print(f"Dữ liệu: {build()['milestones']:,} mốc, ngày tính {AS_OF:%d/%m/%Y}")
    from django.test import Client
    from django.urls import reverse

    from apps.accounts.models import User
    from apps.orgs.models import OrgUnit
    from apps.plans.models import Milestone, Plan

    unit = OrgUnit.objects.get(name="xã Thử Nghiệm 100")
    plan = Plan.objects.get(org_unit=unit)
    milestone = (
        Milestone.objects.filter(task__plan=plan, task__position=1).order_by("pk").first()
    )  # led by staff_1's agency
    pages = [
        ("Việc của tôi (cán bộ)", "x100_staff_1", reverse("tracking:workspace"), 300),
        ("Việc của tôi, lọc quá hạn", "x100_staff_1", reverse("tracking:workspace") + "?trang_thai=overdue", 300),
        ("Lịch các tuần tới", "x100_staff_1", reverse("tracking:calendar"), 300),
        ("Mốc và báo cáo", "x100_staff_1", reverse("tracking:milestone", args=[milestone.pk]), 300),
        ("Bảng theo dõi xã", "x100_officer", reverse("tracking:dashboard") + f"?don_vi={unit.pk}", 300),
        ("Bảng theo dõi xã, một kế hoạch", "x100_officer", reverse("tracking:dashboard") + f"?don_vi={unit.pk}&ke_hoach={plan.pk}", 300),
        ("Tiến độ kế hoạch (SVG)", "x100_officer", reverse("tracking:timeline", args=[plan.pk]), 300),
        ("Bảng theo dõi tỉnh (200 xã)", "tinh_officer", reverse("tracking:dashboard"), 1000),
        ("Xuất Excel kế hoạch", "x100_officer", reverse("tracking:export", args=[plan.pk]), 1000),
    ]  # fmt: skip
    print(f"{'Trang':36} {'trung vị':>10} {'p95':>9}  mục tiêu")
    for label, username, url, target in pages:
        client = Client(HTTP_HOST="localhost")
        client.force_login(User.objects.get(username=username))
        median, p95, size = measure(client, url, args.runs)
        ok = "đạt" if median < target and p95 < 1000 else "CHƯA ĐẠT"
        print(
            f"{label:36} {median:8.0f} ms {p95:6.0f} ms  < {target} ms trung vị, < 1 s p95: {ok}  ({size // 1024} KB)"
        )


if __name__ == "__main__":
    main()
