"""`cchc ratings summary --org-unit NAME --period 2025-Q3 [--json]`: ratings of a unit's dossiers."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from apps.citizen.rating_stats import dossier_satisfaction, unit_ratings
from apps.reports.management.commands.report import find_unit
from core.measures import calendar_period
from core.reporting.periods import PeriodError


def summary(unit, code: str) -> dict:
    try:
        period = calendar_period(code)
    except PeriodError as exc:
        raise CommandError(str(exc)) from exc
    r = unit_ratings(unit, period, comments=0)
    m = dossier_satisfaction(unit, period)
    return {
        "org_unit": unit.name,
        "period": period.code,
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "ratings": r.summary.as_dict(),
        "by_procedure": [{"procedure": name, **s.as_dict()} for name, s in r.by_procedure],
        "satisfaction_rate_766": (
            {"value": m.value, "numerator": m.numerator, "denominator": m.denominator, **m.details}
            if m is not None
            else None
        ),
        "note": "Đánh giá của người dân theo mã trên giấy hẹn (địa phương), không phải Chỉ số SIPAS.",
    }


class Command(BaseCommand):
    help = "Đánh giá việc giải quyết hồ sơ: `cchc ratings summary --org-unit TÊN --period 2025-Q3 [--json]`."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        s = sub.add_parser("summary", help="tổng hợp đánh giá của một đơn vị trong một kỳ")
        s.add_argument("--org-unit", required=True, help='đơn vị, ví dụ "xã Thường Xuân"')
        s.add_argument("--period", required=True, help="kỳ: 2025-Q3, 2025-H1, 2025-Y, 2025-M07")
        s.add_argument("--json", action="store_true", help="in JSON")

    def handle(self, *args, action, org_unit, period, json=False, **options):
        data = summary(find_unit(org_unit), period)
        if json:
            self.stdout.write(_dumps(data))
            return
        r = data["ratings"]
        ci = r["satisfied_ci95"]
        self.stdout.write(f"{data['org_unit']}, kỳ {data['period']} ({data['start']} – {data['end']}):")
        self.stdout.write(
            f"  {r['n']} đánh giá; hài lòng {r['satisfied_percent']}% (khoảng tin cậy 95%: {ci[0]}–{ci[1]}%)"
        )
        for label, n in r["counts"].items():
            self.stdout.write(f"  {label}: {n}")
        m = data["satisfaction_rate_766"]
        self.stdout.write(
            f"  QĐ 766 chỉ số 5.4: {m['value']}%" if m else "  QĐ 766 chỉ số 5.4: chưa có hồ sơ trong kỳ"
        )


def _dumps(payload) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=1)
