"""What the page benchmarks on the demo data share: the throwaway database, a logged-in client, timing.

``bench/pages.py`` and ``bench/review_pages.py`` measure different pages but must measure them on the
same world (migrate + ``cchc demo`` + an audit trail, business date 25/11/2025) and time a request the
same way, or their figures could not be read side by side. Not a benchmark itself: ``make bench``
skips the files whose name starts with ``_``.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

HOST = "127.0.0.1"


@contextmanager
def demo_database() -> Iterator[Path]:
    """A fresh demo database in a temporary CCHC_VAR_DIR for the ``with`` block, removed afterwards.

    Says where it is and how long migrate + demo took, as the first line of every page benchmark.
    """
    var_dir = Path(tempfile.mkdtemp(prefix="cchc-bench-"))
    try:
        start = time.perf_counter()
        _prepare(var_dir)
        print(f"cơ sở dữ liệu mẫu: {var_dir} (migrate + demo trong {time.perf_counter() - start:.1f} s)")
        yield var_dir
    finally:
        from django.db import connections

        connections.close_all()
        shutil.rmtree(var_dir, ignore_errors=True)


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


def new_client(username: str | None = None):
    """A test client for the benchmark host; logged in as ``username`` (no password) when given."""
    from django.test import Client

    from apps.accounts.models import User

    result = Client(HTTP_HOST=HOST)
    if username:
        result.force_login(User.objects.get(username=username))
    return result


def timed_gets(client, url: str, n: int, *, before: Callable[[], None] | None = None) -> list[float]:
    """``n`` GETs of ``url``, each in ms; each must answer 200. ``before`` runs untimed before each one."""
    timings = []
    for _ in range(n):
        if before:
            before()
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return timings


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
