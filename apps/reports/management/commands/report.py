"""`cchc report --org-unit "xã Thường Xuân" --period 2025-Q3 --out report.docx [--annex annex.xlsx]`.

Writes the unit's report for the period from the current database: the latest signed version as it
was signed when there is one, else the draft (or, with no draft yet, a fresh one drafted from the
data, which is not saved). A superior unit's report includes its compiled subordinates (--compile
recompiles them now).
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from apps.orgs.models import OrgUnit
from apps.reports.compile import compile_rows
from apps.reports.gather import report_data
from apps.reports.selectors import latest_report, period_for
from core.reporting.docx_report import build_docx
from core.reporting.periods import PeriodError
from core.reporting.xlsx_annex import build_annex
from core.text import fold


def find_unit(name: str) -> OrgUnit:
    matches = [
        u for u in OrgUnit.objects.all() if fold(u.name) == fold(name) or fold(u.short_name) == fold(name)
    ]
    exact = [u for u in matches if fold(u.name) == fold(name)]
    if len(exact) == 1:
        return exact[0]
    if len(matches) != 1:
        raise CommandError(f'Không tìm thấy đúng một đơn vị tên "{name}" (tìm thấy {len(matches)}).')
    return matches[0]


def _write(path: str, data: bytes) -> Path:
    out = Path(path)
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise CommandError(f"Không ghi được tệp {out}: {exc.strerror or exc}.") from exc
    return out


class Command(BaseCommand):
    help = "Xuất báo cáo CCHC định kỳ của một đơn vị (DOCX, kèm phụ lục XLSX) từ cơ sở dữ liệu hiện tại."

    def add_arguments(self, parser):
        parser.add_argument("--org-unit", required=True, help='đơn vị, ví dụ "xã Thường Xuân"')
        parser.add_argument(
            "--period", required=True, help="kỳ báo cáo: 2025-Q1..2025-Q4, 2025-H1, 2025-9M, 2025-Y"
        )
        parser.add_argument("--out", required=True, help="tệp báo cáo .docx")
        parser.add_argument("--annex", help="tệp phụ lục số liệu .xlsx")
        parser.add_argument(
            "--compile", action="store_true", help="tổng hợp lại các đơn vị cấp dưới ngay bây giờ"
        )

    def handle(self, *args, org_unit, period, out, annex, compile, **options):
        unit = find_unit(org_unit)
        try:
            p = period_for(unit, period)
        except PeriodError as exc:
            raise CommandError(str(exc)) from exc
        report = latest_report(unit, p.code)
        data = report_data(unit, p, report)
        if compile and not data.communes:
            data.communes = compile_rows(unit, p)
        written = _write(out, build_docx(data))
        self.stderr.write(f"Đã ghi báo cáo {p.label} của {unit}: {written}")
        if annex:
            self.stderr.write(f"Đã ghi phụ lục số liệu: {_write(annex, build_annex(data))}")
        state = (
            f"phiên bản {report.version}, {report.get_status_display().lower()}"
            if report
            else "bản nháp chưa lưu"
        )
        self.stderr.write(f"({state}; {len(data.tasks)} nhiệm vụ, {len(data.indicators)} chỉ tiêu)")
        for line in data.missing:
            self.stderr.write(f"Lưu ý: {line}")
