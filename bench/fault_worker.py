"""Fault benchmark (issue 10): kill -9 the worker compiling a province report, start another; the job
completes exactly once. Prints how long the job took to be picked up again and to finish.

    .venv/bin/python bench/fault_worker.py [--communes 200] [--lease 10] [--sweep 2] [--dir DIR]

The world is the one of bench/reports.py (a province of N communes with plans, progress and half of
their Q3 reports submitted), built once into a SQLite file in --dir, or into DATABASE_URL. Two real
`cchc worker` processes (apps/jobs/testing.py): the first pauses after each progress report so it is
killed in the middle of the compile (after the first batch), the second picks the job up once the
lease (--lease s) has run out, at its next sweep (--sweep s). Production defaults: 60 s and 15 s.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import reports as world  # noqa: E402 - bench/reports.py, the 200-commune province


def run(lease: int, sweep: float) -> dict:
    from apps.accounts.models import User
    from apps.audit.models import AuditEntry
    from apps.jobs.models import Job
    from apps.jobs.services import submit
    from apps.jobs.testing import WorkerProcess, wait_for
    from apps.orgs.models import OrgUnit
    from apps.reports import jobs
    from apps.reports.models import PeriodicReport
    from core.reporting.periods import parse_period

    province = OrgUnit.objects.get(code=world.MARKER)
    period = parse_period("2025-Q3")
    report, _ = PeriodicReport.objects.get_or_create(
        org_unit=province, period_code=period.code, version=1,
        defaults={"period_start": period.start, "period_end": period.end, "due": period.due},
    )  # fmt: skip
    PeriodicReport.objects.filter(pk=report.pk).update(compiled=None)
    events = AuditEntry.objects.filter(object_id=str(report.pk), message__contains="Đã tổng hợp")
    events_before = events.count()
    officer, _ = User.objects.get_or_create(
        username="bench-officer", defaults={"full_name": "Chuyên viên thử"}
    )
    options = {"lease": lease, "sweep": sweep}
    with WorkerProcess(step_delay=2.0, **options) as first:
        job = submit(jobs.KIND, actor=officer, org_unit=province, subject=report, key=jobs.key(report))
        at = wait_for(
            lambda: Job.objects.filter(pk=job.pk, done__gte=25).first(), timeout=120, what="batch 1"
        )
        first.kill()
        killed = time.perf_counter()
    with WorkerProcess(**options) as second:
        wait_for(
            lambda: Job.objects.filter(pk=job.pk, attempts=2).exists(), timeout=lease + 60, what="pick-up"
        )
        picked = time.perf_counter()
        wait_for(lambda: Job.objects.get(pk=job.pk).finished, timeout=300, what="the job finished")
        done = time.perf_counter()
        job.refresh_from_db()
        assert job.status == "succeeded", (job.error, second.output())
    report.refresh_from_db()
    names = [row["name"] for row in report.compiled["rows"]]
    assert len(names) == len(set(names)) == province.children.count(), "duplicated or missing rows"
    assert events.count() == events_before + 1, "the completion was not recorded exactly once"
    return {
        "killed_at": f"{at.done}/{at.total}",
        "picked_up_s": picked - killed,
        "finished_s": done - killed,
        "attempts": job.attempts,
        "rows": len(names),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communes", type=int, default=200)
    parser.add_argument("--lease", type=int, default=10)
    parser.add_argument("--sweep", type=float, default=2.0)
    parser.add_argument("--dir", type=Path, default=world.DEFAULT_DIR)
    args = parser.parse_args()
    world.setup(args.dir)
    world.build(args.communes)
    r = run(args.lease, args.sweep)
    print(
        f"Tổng hợp tỉnh ({r['rows']} xã): tiến trình xử lý bị kill -9 ở {r['killed_at']} đơn vị; tiến trình thứ hai "
        f"nhận lại sau {r['picked_up_s']:.1f} s (hạn giữ {args.lease} s + quét mỗi {args.sweep:g} s), hoàn tất sau "
        f"{r['finished_s']:.1f} s; {r['attempts']} lần chạy, {r['rows']} dòng, ghi kết quả đúng 1 lần"
    )


if __name__ == "__main__":
    main()
