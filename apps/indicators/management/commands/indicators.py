"""`cchc indicators --org-unit NAME --period 2025-Q3 [--json]`: the QĐ 766 indicators of a unit.

Values are percentages with two decimals (the average processing time is in working days); each
indicator carries its numerator, denominator and points. Periods are calendar periods of dossiers
received in them: 2025-Q3, 2025-H1, 2025-9M, 2025-Y, 2025-M07.
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from apps.indicators import engine
from apps.reports.management.commands.report import find_unit
from core import qd766
from core.measures import calendar_period
from core.reporting.periods import PeriodError
from core.reporting.targets import number


def as_json(evaluation: engine.Evaluation) -> dict:
    def num(x):
        if x is None:
            return None
        return int(x) if float(x).is_integer() else round(float(x), 2)

    return {
        "org_unit": evaluation.unit.name,
        "period": evaluation.period.code,
        "indicators": [
            {
                "code": r.code,
                "numerator": num(r.numerator),
                "denominator": num(r.denominator),
                "value": r.value,
                "points": r.points,
                "max_points": num(r.max_points),
            }
            for r in evaluation.results
        ],
        "total_points": evaluation.total_points,
    }


class Command(BaseCommand):
    help = "In các chỉ số QĐ 766 của một đơn vị trong một kỳ (tử số, mẫu số, giá trị, điểm)."

    def add_arguments(self, parser):
        parser.add_argument("--org-unit", required=True, help='đơn vị, ví dụ "xã Thường Xuân"')
        parser.add_argument("--period", required=True, help="kỳ: 2025-Q3, 2025-H1, 2025-9M, 2025-Y, 2025-M07")
        parser.add_argument("--json", action="store_true", help="in dạng JSON")

    def handle(self, *args, org_unit, period, json: bool = False, **options):
        unit = find_unit(org_unit)
        try:
            p = calendar_period(period)
        except PeriodError as exc:
            raise CommandError(str(exc)) from exc
        evaluation = engine.evaluate(unit, p)
        if json:
            self.stdout.write(_dumps(as_json(evaluation)))
            return
        self.stdout.write(
            f"{unit.name} — {p.label} ({p.start:%d/%m/%Y}–{p.end:%d/%m/%Y}); {evaluation.scheme.label}"
        )
        for r in evaluation.results:
            d = r.definition
            value = number(r.value, d.unit) if r.value is not None else "chưa có số liệu"
            frac = f" ({number(r.numerator)}/{number(r.denominator)})" if r.denominator else ""
            pts = "—" if r.points is None else number(r.points)
            mark = "" if d.source == qd766.DOSSIERS else f" [{r.source or qd766.SOURCE_LABELS[d.source]}]"
            na = " (không áp dụng cấp xã: tính đủ điểm)" if not r.applies else ""
            self.stdout.write(
                f"  {d.key:5} {d.name}: {value}{frac} — {pts}/{number(d.max_points)} điểm{na}{mark}"
            )
        self.stdout.write(
            f"Tổng điểm: {number(evaluation.total_points)}/{number(evaluation.scheme.max_total)}"
        )


def _dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
