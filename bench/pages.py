"""Server-side latency of the main pages on the demo data, through Django's test client.

Run from the repository root: ``.venv/bin/python bench/pages.py [--requests N]``.
Builds a throwaway SQLite database in a temporary CCHC_VAR_DIR (migrate + ``cchc demo``, plus an
audit trail made through the services), then, for several demo users (logged in with
``force_login``), requests each page they may open: a few warm-up requests, then N timed ones.
Prints median and p95 per page and user, per page, and the overall median: the figure to track
(acceptance target: median < 150 ms). Then login → home per role: the real login form (password
checked by the production hasher, throttle included) and the redirect to the home page, timed
together as an official waits for them (target: median < 500 ms per role). Exits 1 when a target is
missed.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

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


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _prepare(var_dir: Path) -> None:
    for name in [n for n in os.environ if n.startswith(("CCHC_", "DJANGO_"))] + [
        "DATABASE_URL",
        "DEBUG",
        "SECRET_KEY",
    ]:
        os.environ.pop(name, None)
    # The demo world is laid out as of 25/11/2025; ``make run`` pins the business date there too.
    os.environ.update(
        CCHC_VAR_DIR=str(var_dir),
        CCHC_TODAY="2025-11-25",
        DJANGO_SETTINGS_MODULE="cchc.settings",
        LOG_LEVEL="ERROR",
    )
    import django

    django.setup()
    # The pages a user may not open answer 403/404 once each; Django logs those with a traceback.
    logging.getLogger("django.request").setLevel(logging.ERROR)
    from django.core.management import call_command

    from apps.system.demo import load_demo

    call_command("migrate", interactive=False, verbosity=0)
    load_demo(log=lambda _line: None)
    _audit_trail()


def _audit_trail() -> None:
    """Give the audit page something to show: aliases added by the province and commune admins."""
    from apps.accounts.models import User
    from apps.orgs import services
    from apps.orgs.models import Agency, OrgUnit

    root = User.objects.get(username="admin")
    for unit in OrgUnit.objects.filter(name__in=["tỉnh Thanh Hóa", "xã Thường Xuân"]):
        for i, agency in enumerate(Agency.objects.filter(org_unit=unit)):
            for j in range(3):
                services.add_alias(root, unit, f"Tên thử {i}-{j} của {agency.name}", agency=agency)


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
    for _ in range(warmup):
        response = client.get(url)
        if response.status_code != 200:
            return response.status_code
    timings = []
    for _ in range(n):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return timings


def measure(n: int, warmup: int) -> int:
    from django.test import Client

    from apps.accounts.models import User

    rows: list[tuple[str, str, list[float]]] = []
    skipped: list[str] = []
    anonymous = Client(HTTP_HOST="127.0.0.1")
    rows.append(("đăng nhập", "(khách)", _time(anonymous, "/tai-khoan/dang-nhap/", warmup, n)))
    for username in USERS:
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(User.objects.get(username=username))
        for label, url in _pages():
            result = _time(client, url, warmup, n)
            if isinstance(result, int):
                skipped.append(f"{label}/{username}: {result}")
            else:
                rows.append((label, username, result))

    print(f"{'trang':<20} {'người dùng':<22} {'trung vị':>9} {'p95':>8}   (ms, {n} lần đo mỗi dòng)")
    for label, username, timings in rows:
        print(f"{label:<20} {username:<22} {statistics.median(timings):9.1f} {_p95(timings):8.1f}")
    print("\ntheo trang (mọi người dùng):")
    for label in dict.fromkeys(r[0] for r in rows):
        timings = [t for r in rows if r[0] == label for t in r[2]]
        print(f"  {label:<20} trung vị {statistics.median(timings):7.1f} ms   p95 {_p95(timings):7.1f} ms")
    if skipped:
        print("không đo (người dùng không được mở, mã trả về): " + ", ".join(skipped))
    everything = [t for r in rows for t in r[2]]
    overall = statistics.median(everything)
    verdict = "đạt" if overall < TARGET_MS else "KHÔNG ĐẠT"
    print(
        f"\ntoàn bộ: trung vị {overall:.1f} ms, p95 {_p95(everything):.1f} ms; mục tiêu trung vị < {TARGET_MS:.0f} ms: {verdict}"
    )
    return 0 if overall < TARGET_MS else 1


def measure_login(n: int) -> int:
    """Login → home per role: POST the login form, follow the redirect to the home page."""
    from django.test import Client

    from apps.system.demo import demo_password

    password = demo_password()
    print(f"\nđăng nhập → trang chủ ({n} lần mỗi vai trò; mục tiêu trung vị < {LOGIN_TARGET_MS:.0f} ms):")
    worst = 0.0
    for role, username in LOGIN_ROLES:
        timings = []
        for _ in range(n):
            client = Client(HTTP_HOST="127.0.0.1")
            start = time.perf_counter()
            response = client.post("/tai-khoan/dang-nhap/", {"username": username, "password": password})
            assert response.status_code == 302, (username, response.status_code)
            home = client.get(response["Location"])
            timings.append((time.perf_counter() - start) * 1000)
            assert home.status_code == 200, (username, home.status_code)
        median = statistics.median(timings)
        worst = max(worst, median)
        print(f"  {role:<32} {username:<22} trung vị {median:7.1f} ms   p95 {_p95(timings):7.1f} ms")
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
    var_dir = Path(tempfile.mkdtemp(prefix="cchc-bench-"))
    try:
        start = time.perf_counter()
        _prepare(var_dir)
        print(f"cơ sở dữ liệu mẫu: {var_dir} (migrate + demo trong {time.perf_counter() - start:.1f} s)")
        code = 0 if args.login_only else measure(args.requests, args.warmup)
        code = max(code, measure_login(args.logins))
    finally:
        from django.db import connections

        connections.close_all()
        shutil.rmtree(var_dir, ignore_errors=True)
    sys.exit(code)


if __name__ == "__main__":
    main()
