"""Time `cchc remind` on the 156,000-milestone province (target < 30 s); prints the figures.

    .venv/bin/python bench/remind.py

Builds the data set with bench/tracking_data.py if needed, then (for the default SQLite) runs on a
fresh copy of it, so every run measures the same first run of the day; then runs again the same
day to show the second run sends nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.tracking_data import AS_OF, DEFAULT_DIR  # noqa: E402


def main() -> None:
    subprocess.run([sys.executable, str(ROOT / "bench" / "tracking_data.py")], check=True)
    if not os.environ.get("DATABASE_URL"):
        work = DEFAULT_DIR / "remind-run.sqlite3"
        shutil.copyfile(DEFAULT_DIR / "cchc.sqlite3", work)
        os.environ["DATABASE_URL"] = f"sqlite:///{work}"
    os.environ["CCHC_VAR_DIR"] = str(DEFAULT_DIR)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cchc.settings")
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    import django

    django.setup()
    from django.core.management import call_command

    from apps.plans.models import Milestone
    from apps.tracking.models import Notification, Reminder

    for label in ("lần 1", "lần 2 (cùng ngày)"):
        out = StringIO()
        started = time.perf_counter()
        call_command("remind", as_of=AS_OF.isoformat(), stdout=out)
        elapsed = time.perf_counter() - started
        print(f"cchc remind {label}: {elapsed:.1f} s — {out.getvalue().strip()}")
    print(
        f"{Milestone.objects.count():,} mốc; {Reminder.objects.count():,} nhắc việc, "
        f"{Notification.objects.count():,} thông báo đã ghi. Mục tiêu < 30 s."
    )


if __name__ == "__main__":
    main()
