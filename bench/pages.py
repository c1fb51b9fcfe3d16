"""Server-side latency of the main pages on the demo data, through Django's test client.

Run from the repository root: ``.venv/bin/python bench/pages.py [--requests N]``.
Builds a throwaway SQLite database in a temporary CCHC_VAR_DIR (``bench/_common.py``: migrate +
``cchc demo``, plus an audit trail made through the services), then, for several demo users (logged
in with ``force_login``), requests each page they may open: a few warm-up requests, then N timed ones.
Prints median and p95 per page and user, per page, and the overall median: the figure to track
(acceptance target: median < 150 ms). Then login → home per role: the real login form (password
checked by the production hasher, throttle included) and the redirect to the home page, timed
together as an official waits for them (target: median < 500 ms per role). Exits 1 when a target is
missed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._common import demo_database, new_client, p95, timed_gets  # noqa: E402

TARGET_MS = 150.0
LOGIN_TARGET_MS = 500.0
# One demo account per role, for login → home.
LOGIN_ROLES = [
    ("quản trị hệ thống (superuser)", "admin"),
    ("quản trị tỉnh", "qt.thanhhoa"),
    ("chuyên viên CCHC tỉnh", "snv.thanhhoa"),
    ("thẩm định", "thamdinh.thanhhoa"),
    ("lãnh đạo UBND tỉnh", "ld.thanhhoa"),
    ("chuyên viên CCHC xã", "cv.thuongxuan"),
    ("lãnh đạo cơ quan", "tp.kinhte.thuongxuan"),
    ("công chức cơ quan", "nv.kinhte.thuongxuan"),
    ("chỉ xem", "xem.thuongxuan"),
]
USERS = ["admin", "qt.thanhhoa", "snv.thanhhoa", "cv.thuongxuan", "nv.kinhte.thuongxuan"]


def _pages() -> list[tuple[str, str]]:
    from django.urls import reverse

    from apps.orgs.models import OrgUnit
    from apps.plans.models import Plan

    province = OrgUnit.objects.get(name="tỉnh Thanh Hóa")
    commune = OrgUnit.objects.get(name="xã Thường Xuân")
    plan = Plan.objects.filter(org_unit=commune, status=Plan.Status.ACTIVE).first()
    extra = (
        [
            ("kế hoạch xã", reverse("plans:detail", args=[plan.pk])),
            ("rà soát kế hoạch", reverse("review:findings", args=[plan.pk])),
            ("việc của tôi", reverse("tracking:workspace")),
            ("theo dõi tiến độ", reverse("tracking:dashboard")),
            ("báo cáo chờ xử lý", reverse("tracking:queue")),
            ("tiến độ kế hoạch", reverse("tracking:timeline", args=[plan.pk])),
            ("báo cáo định kỳ", reverse("reports:index")),
        ]
        if plan
        else []
    )
    return extra + [
        ("trang chủ", reverse("home")),
        ("danh sách đơn vị", reverse("orgs:unit_list")),
        ("tỉnh Thanh Hóa", reverse("orgs:unit_detail", args=[province.pk])),
        ("xã Thường Xuân", reverse("orgs:unit_detail", args=[commune.pk])),
        ("người dùng", reverse("accounts:user_list")),
        ("nhật ký", reverse("audit:list")),
        ("tìm kiếm", reverse("search:search") + "?q=cai+cach+thu+tuc"),
        ("tìm kiếm một từ", reverse("search:search") + "?q=xa"),
        ("thông báo", reverse("tracking:notifications")),
    ]


def _time(client, url: str, warmup: int, n: int) -> list[float] | int:
    """The timings, or the status code of a page the user may not open (found during the warm-up)."""
    for _ in range(warmup):
        response = client.get(url)
        if response.status_code != 200:
            return response.status_code
    return timed_gets(client, url, n)


def measure(n: int, warmup: int) -> int:
    rows: list[tuple[str, str, list[float]]] = []
    skipped: list[str] = []
    rows.append(("đăng nhập", "(khách)", _time(new_client(), "/tai-khoan/dang-nhap/", warmup, n)))
    for username in USERS:
        client = new_client(username)
        for label, url in _pages():
            result = _time(client, url, warmup, n)
            if isinstance(result, int):
                skipped.append(f"{label}/{username}: {result}")
            else:
                rows.append((label, username, result))

    print(f"{'trang':<20} {'người dùng':<22} {'trung vị':>9} {'p95':>8}   (ms, {n} lần đo mỗi dòng)")
    for label, username, timings in rows:
        print(f"{label:<20} {username:<22} {statistics.median(timings):9.1f} {p95(timings):8.1f}")
    print("\ntheo trang (mọi người dùng):")
    for label in dict.fromkeys(r[0] for r in rows):
        timings = [t for r in rows if r[0] == label for t in r[2]]
        print(f"  {label:<20} trung vị {statistics.median(timings):7.1f} ms   p95 {p95(timings):7.1f} ms")
    if skipped:
        print("không đo (người dùng không được mở, mã trả về): " + ", ".join(skipped))
    everything = [t for r in rows for t in r[2]]
    overall = statistics.median(everything)
    verdict = "đạt" if overall < TARGET_MS else "KHÔNG ĐẠT"
    print(
        f"\ntoàn bộ: trung vị {overall:.1f} ms, p95 {p95(everything):.1f} ms; mục tiêu trung vị < {TARGET_MS:.0f} ms: {verdict}"
    )
    return 0 if overall < TARGET_MS else 1


def measure_login(n: int) -> int:
    """Login → home per role: POST the login form, follow the redirect to the home page."""
    from apps.system.demo import demo_password

    password = demo_password()
    print(f"\nđăng nhập → trang chủ ({n} lần mỗi vai trò; mục tiêu trung vị < {LOGIN_TARGET_MS:.0f} ms):")
    worst = 0.0
    for role, username in LOGIN_ROLES:
        timings = []
        for _ in range(n):
            client = new_client()
            start = time.perf_counter()
            response = client.post("/tai-khoan/dang-nhap/", {"username": username, "password": password})
            assert response.status_code == 302, (username, response.status_code)
            home = client.get(response["Location"])
            timings.append((time.perf_counter() - start) * 1000)
            assert home.status_code == 200, (username, home.status_code)
        median = statistics.median(timings)
        worst = max(worst, median)
        print(f"  {role:<32} {username:<22} trung vị {median:7.1f} ms   p95 {p95(timings):7.1f} ms")
    verdict = "đạt" if worst < LOGIN_TARGET_MS else "KHÔNG ĐẠT"
    print(f"  chậm nhất: trung vị {worst:.1f} ms: {verdict}")
    return 0 if worst < LOGIN_TARGET_MS else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--requests", type=int, default=30, help="timed requests per page and user (default 30)"
    )
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--logins", type=int, default=10, help="logins per role (default 10)")
    parser.add_argument("--login-only", action="store_true", help="only measure login → home")
    args = parser.parse_args()
    with demo_database():
        code = 0 if args.login_only else measure(args.requests, args.warmup)
        code = max(code, measure_login(args.logins))
    sys.exit(code)


if __name__ == "__main__":
    main()
