"""Benchmark periodic reports: a commune report with its annex (< 3 s) and a province report
compiling 200 communes as a background job (< 20 s).

    .venv/bin/python bench/reports.py [--communes 200] [--dir /tmp/cchc-bench-reports]

The world is built once into a throwaway SQLite file in --dir (reused when already there) unless
DATABASE_URL is set (point it at an empty database): a province of N communes, each with a 2025
plan of 60 tasks over the seven areas (two agencies each), five milestones per task (four
quarterly reports and a final one), progress reports with evidence on most past milestones, four
targets with indicator values for three periods, and a submitted, signed Q3/2025 report for every
other commune (so compilation reads half from snapshots and half from live data).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DIR = Path("/tmp/cchc-bench-reports")
AS_OF = date(2025, 11, 25)
AREAS = ["chi_dao", "the_che", "tthc", "bo_may", "cong_vu", "tai_chinh", "chinh_quyen_so"]
AGENCIES = ["Văn phòng HĐND và UBND", "Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Trung tâm Phục vụ hành chính công",
            "Công an xã", "Phòng Tài chính"]  # fmt: skip
DUES = [date(2025, 3, 31), date(2025, 6, 30), date(2025, 9, 30), date(2025, 12, 15), date(2025, 12, 31)]
TARGETS = [
    ("on_time_rate", 95),
    ("online_dossier_rate", 50),
    ("digitized_result_rate", 80),
    ("satisfaction_rate", 90),
]
MARKER = "bench-reports-built"


def setup(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    os.environ["CCHC_VAR_DIR"] = str(directory)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cchc.settings")
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.MEDIA_ROOT = directory / "media"
    call_command("migrate", verbosity=0)


def _commune(province, n: int) -> None:
    from apps.orgs.models import Agency, OrgUnit
    from apps.plans.models import Milestone, Plan, Target, Task, TaskAgency
    from apps.reports.models import Indicator, IndicatorValue
    from apps.tracking.models import Evidence, ProgressReport
    from core.reporting.periods import parse_period

    unit = OrgUnit.objects.create(name=f"xã Thử Nghiệm {n:03d}", level="commune", parent=province)
    agencies = Agency.objects.bulk_create(Agency(org_unit=unit, name=name) for name in AGENCIES)
    plan = Plan.objects.create(org_unit=unit, title=f"Kế hoạch CCHC năm 2025 xã {n}", period_start=date(2025, 1, 1),
                               period_end=date(2025, 12, 31), status=Plan.Status.ACTIVE)  # fmt: skip
    tasks = Task.objects.bulk_create(
        Task(plan=plan, position=i, no=str(i + 1), area=AREAS[i % 7], deadline_text="Định kỳ hằng quý",
             content=f"Nhiệm vụ {i + 1}: triển khai nội dung cải cách hành chính số {i + 1} của kế hoạch năm 2025")
        for i in range(60)
    )  # fmt: skip
    TaskAgency.objects.bulk_create(
        [TaskAgency(task=t, role="lead", printed=AGENCIES[i % 6], agency=agencies[i % 6]) for i, t in enumerate(tasks)]
        + [TaskAgency(task=t, role="coordinating", printed=AGENCIES[(i + 2) % 6], agency=agencies[(i + 2) % 6])
           for i, t in enumerate(tasks)]
    )  # fmt: skip
    milestones, k = [], n * 1000
    for t in tasks:
        for due in DUES:
            k += 1
            past = due < AS_OF and k % 10
            status = ("accepted" if k % 7 else "submitted") if past else ""
            sent = (due if k % 5 else date.fromordinal(due.toordinal() + 3)) if status else None
            milestones.append(Milestone(task=t, label=f"Báo cáo {due:%d/%m}", kind="recurring", due=due,
                                        report_status=status, submitted_on=sent))  # fmt: skip
    milestones = Milestone.objects.bulk_create(milestones, batch_size=2000)
    reports = ProgressReport.objects.bulk_create(
        [ProgressReport(milestone=m, agency=agencies[i // 5 % 6], percent=100 if i % 5 == 4 else 25 * (i % 5 + 1),
                        progress="done" if i % 5 == 4 else "in_progress",
                        text=f"Đã triển khai theo kế hoạch; kết quả kỳ {m.due:%m/%Y} đạt yêu cầu, đã báo cáo đúng mẫu.")
         for i, m in enumerate(milestones) if m.report_status]
    )  # fmt: skip
    Evidence.objects.bulk_create(
        Evidence(report=r, agency_id=r.agency_id, title=f"Văn bản kiểm chứng {r.milestone_id}",
                 url=f"https://bench.invalid/vb/{r.milestone_id}")
        for r in reports[::3]
    )  # fmt: skip
    catalog = {i.code: i for i in Indicator.objects.all()}
    for pos, (code, value) in enumerate(TARGETS):
        Target.objects.create(plan=plan, position=pos, area="tthc", text=f"Chỉ tiêu {code} đạt {value}%",
                              indicator=code, comparator=">=", value=value, unit="%", year=2025)  # fmt: skip
    IndicatorValue.objects.bulk_create(
        IndicatorValue(org_unit=unit, indicator=catalog[code], period_code=pc, period_end=parse_period(pc).end,
                       value=value - 3 + (n + i) % 7, source="Hệ thống TTHC tỉnh")
        for code, value in TARGETS for i, pc in enumerate(("2025-Q1", "2025-H1", "2025-Q3"))
    )  # fmt: skip


def _submit_half(province) -> None:
    """Every other commune submitted its Q3 report: snapshot as signed, on time or late."""
    from apps.reports.compile import subordinates
    from apps.reports.gather import report_data
    from apps.reports.models import PeriodicReport
    from core.reporting.periods import parse_period

    period = parse_period("2025-Q3")
    for i, unit in enumerate(subordinates(province)[::2]):
        data = report_data(unit, period)
        PeriodicReport.objects.create(
            org_unit=unit, period_code=period.code, period_start=period.start, period_end=period.end, due=period.due,
            status="submitted", drafted=True, snapshot=data.to_dict(), submitted_on=date(2025, 9, 18 + i % 5),
        )  # fmt: skip


def build(communes: int) -> dict:
    from django.db import transaction

    from apps.orgs.models import OrgUnit
    from apps.plans.models import Milestone

    if OrgUnit.objects.filter(code=MARKER).exists():
        return {"built": False, "milestones": Milestone.objects.count()}
    started = time.perf_counter()
    with transaction.atomic():
        province = OrgUnit.objects.create(name="tỉnh Thử Nghiệm Báo Cáo", level="province", code="building")
        for n in range(communes):
            _commune(province, n)
        _submit_half(province)
        OrgUnit.objects.filter(pk=province.pk).update(code=MARKER)
    return {
        "built": True,
        "milestones": Milestone.objects.count(),
        "seconds": round(time.perf_counter() - started, 1),
    }


def commune_seconds(runs: int = 5) -> tuple[float, int, int]:
    """Median seconds for one commune: read its data, build the DOCX and the XLSX annex."""
    from apps.orgs.models import OrgUnit
    from apps.reports.gather import report_data
    from core.reporting.docx_report import build_docx
    from core.reporting.periods import parse_period
    from core.reporting.xlsx_annex import build_annex

    unit = OrgUnit.objects.get(name="xã Thử Nghiệm 001")  # odd: no submitted report, read live
    period = parse_period("2025-Q3")
    times, sizes = [], (0, 0)
    for _ in range(runs):
        t = time.perf_counter()
        data = report_data(unit, period)
        sizes = (len(build_docx(data)), len(build_annex(data)))
        times.append(time.perf_counter() - t)
    return statistics.median(times), *sizes


def province_seconds() -> tuple[float, float, list[str]]:
    """Seconds for the compile job of the province (run by a worker thread, progress polled each
    second as the page does), then for its DOCX and annex."""
    from apps.jobs.models import Job
    from apps.jobs.runner import run_job
    from apps.jobs.services import submit
    from apps.orgs.models import OrgUnit
    from apps.reports import jobs
    from apps.reports.gather import report_data
    from apps.reports.models import PeriodicReport
    from core.reporting.docx_report import build_docx
    from core.reporting.periods import parse_period
    from core.reporting.xlsx_annex import build_annex

    province = OrgUnit.objects.get(code=MARKER)
    period = parse_period("2025-Q3")
    report, _ = PeriodicReport.objects.get_or_create(
        org_unit=province, period_code=period.code, version=1,
        defaults={"period_start": period.start, "period_end": period.end, "due": period.due},
    )  # fmt: skip
    job = submit(jobs.KIND, org_unit=province, subject=report, key=jobs.key(report))
    started = time.perf_counter()
    worker = threading.Thread(target=run_job, args=(job.pk,))
    worker.start()
    seen = []
    while worker.is_alive():
        worker.join(1.0)
        j = Job.objects.get(pk=job.pk)
        seen.append(f"{j.done}/{j.total}")
    compile_s = time.perf_counter() - started
    job.refresh_from_db()
    assert job.status == "succeeded", job.error
    t = time.perf_counter()
    report.refresh_from_db()
    data = report_data(province, period, report)
    build_docx(data), build_annex(data)
    return compile_s, time.perf_counter() - t, seen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communes", type=int, default=200)
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    args = parser.parse_args()
    setup(args.dir)
    result = build(args.communes)
    print(
        f"Dữ liệu: {result['milestones']:,} mốc"
        + (f", tạo trong {result['seconds']} s" if result["built"] else " (đã có sẵn)")
    )
    median, docx_bytes, xlsx_bytes = commune_seconds()
    print(f"Báo cáo một xã (60 nhiệm vụ) kèm phụ lục: {median:.2f} s (trung vị 5 lần; DOCX {docx_bytes // 1024} KB, "
          f"XLSX {xlsx_bytes // 1024} KB) — mục tiêu < 3 s")  # fmt: skip
    compile_s, files_s, seen = province_seconds()
    print(f"Tổng hợp tỉnh ({args.communes} xã, tác vụ nền): {compile_s:.2f} s; tiến độ đọc mỗi giây: {', '.join(seen)}"
          f" — mục tiêu < 20 s")  # fmt: skip
    print(f"Báo cáo tỉnh DOCX + phụ lục sau tổng hợp: {files_s:.2f} s")


if __name__ == "__main__":
    main()
