"""Demo step: indicator values and a signed, submitted Q3/2025 report of xã Thường Xuân, and the
province's Q3 draft compiled from its communes, so a newcomer sees the reports of a lived-in system.
Idempotent: nothing is added when the Q3 report already exists."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from apps.accounts.models import User
from apps.jobs.models import Job
from apps.jobs.runner import run_job
from apps.orgs.models import OrgUnit
from apps.plans.models import Plan, Target
from apps.reports import services
from apps.reports.models import Indicator, IndicatorValue, PeriodicReport
from apps.reports.selectors import period_for
from apps.system.demo import demo_step

COMMUNE, PROVINCE = "xã Thường Xuân", "tỉnh Thanh Hóa"
SOURCE = "Hệ thống thông tin giải quyết TTHC tỉnh Thanh Hóa"
# Values per period rising towards the targets, so the trend chart has a story to tell.
STEPS = {"2025-Q1": Decimal("-12"), "2025-H1": Decimal("-6"), "2025-Q3": Decimal("-1.5")}


def placeholder_pdf(text: str = "Bao cao da ky") -> bytes:
    """A small valid one-page PDF (with its xref table), standing in for a scanned signed report."""
    stream = f"BT /F1 18 Tf 72 760 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _indicator_values(unit: OrgUnit, officer: User) -> None:
    plans = Plan.objects.filter(org_unit=unit, status=Plan.Status.ACTIVE)
    catalog = {i.code: i for i in Indicator.objects.all()}
    targets = Target.objects.filter(plan__in=plans).exclude(indicator__in=["", "other"]).exclude(value=None)
    for t in targets:
        for code, step in STEPS.items():
            period = period_for(unit, code)
            value = max(Decimal(0), min(Decimal(100), t.value + step))
            IndicatorValue.objects.get_or_create(
                org_unit=unit,
                indicator=catalog[t.indicator],
                period_code=code,
                defaults={
                    "period_end": period.end,
                    "value": value,
                    "source": SOURCE,
                    "entered_by": officer,
                    "evidence_note": "Số liệu trích xuất từ hệ thống một cửa điện tử.",
                },
            )


@demo_step(50, "Báo cáo định kỳ mẫu (quý III/2025 của xã Thường Xuân, bản tổng hợp của tỉnh)")
def load_reports() -> None:
    unit = OrgUnit.objects.get(name=COMMUNE)
    period = period_for(unit, "2025-Q3")
    if PeriodicReport.objects.filter(org_unit=unit, period_code=period.code).exists():
        return
    officer, leader = User.objects.get(username="cv.thuongxuan"), User.objects.get(username="ct.thuongxuan")
    _indicator_values(unit, officer)
    report = services.open_report(officer, unit, period)
    services.save_narrative(
        officer,
        report,
        {
            "number": "125",
            "report_date": dt.date(2025, 9, 17),
            "causes": "- Một số nhiệm vụ cần kinh phí và hướng dẫn của cấp trên.\n"
            "- Cán bộ làm công tác CCHC kiêm nhiệm nhiều việc sau khi sắp xếp bộ máy.",
            "proposals": "Đề nghị Sở Nội vụ tổ chức tập huấn nghiệp vụ CCHC cho cán bộ cấp xã sau sắp xếp.",
        },
    )
    scan = SimpleUploadedFile("bao-cao-da-ky.pdf", placeholder_pdf(), content_type="application/pdf")
    services.sign(leader, report, scan)
    services.submit(officer, report)
    signed = dt.datetime(2025, 9, 17, 15, 0, tzinfo=dt.UTC)
    PeriodicReport.objects.filter(pk=report.pk).update(  # as it happened, not as the demo ran
        signed_at=signed, submitted_at=signed + dt.timedelta(hours=20), submitted_on=dt.date(2025, 9, 18)
    )
    province = OrgUnit.objects.get(name=PROVINCE)
    draft = services.open_report(
        User.objects.get(username="snv.thanhhoa"), province, period_for(province, "2025-Q3")
    )
    # The province's compilation, through the job layer as on the page (run here, not by a worker).
    job = services.start_compile(User.objects.get(username="snv.thanhhoa"), draft)
    run_job(job.pk)
    compiled_at = signed + dt.timedelta(days=3)  # as it happened, not as the demo ran
    draft.refresh_from_db()
    PeriodicReport.objects.filter(pk=draft.pk).update(
        compiled={**draft.compiled, "at": compiled_at.isoformat()}
    )
    Job.objects.filter(pk=job.pk).update(
        created_at=compiled_at, started_at=compiled_at, finished_at=compiled_at
    )
