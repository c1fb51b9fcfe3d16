"""`cchc par-index import-framework FILE.xlsx --year 2025 --level commune --province "tỉnh Thanh Hóa"`
and `cchc par-index results --year 2025 --province "tỉnh Thanh Hóa" [--level commune] --json`.

The import is all or nothing: every problem of the workbook is printed, row by row, and nothing is
saved. Results are computed from the current database (self-scores where nothing was appraised).
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from apps.assessment.frameworks import import_framework
from apps.assessment.models import AssessmentRound
from apps.assessment.results import round_results
from apps.orgs.models import OrgUnit
from core.scoring.framework import LEVEL_LABELS
from core.text import fold

LEVELS = {"commune": "commune", "xa": "commune", "department": "department", "so": "department"}


def find_province(name: str) -> OrgUnit:
    matches = [
        u
        for u in OrgUnit.objects.filter(level=OrgUnit.Level.PROVINCE)
        if fold(name) in (fold(u.name), fold(u.short_name))
    ]
    if len(matches) != 1:
        raise CommandError(f"Không tìm thấy tỉnh “{name}” (viết như “tỉnh Thanh Hóa”).")
    return matches[0]


def parse_level(text: str) -> str:
    value = LEVELS.get(fold(text or ""))
    if value is None:
        raise CommandError(f"Cấp “{text}” không hợp lệ: commune (xã) hoặc department (sở).")
    return value


class Command(BaseCommand):
    help = "Chỉ số CCHC: nhập bộ chỉ số từ Excel, in kết quả một năm (JSON)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import-framework", help="nhập bộ chỉ số từ tệp .xlsx theo mẫu")
        imp.add_argument("file")
        imp.add_argument("--year", type=int, required=True)
        imp.add_argument("--level", required=True, help="commune | department")
        imp.add_argument("--province", required=True, help='ví dụ "tỉnh Thanh Hóa"')
        res = sub.add_parser("results", help="kết quả, xếp hạng của một năm")
        res.add_argument("--year", type=int, required=True)
        res.add_argument("--province", required=True)
        res.add_argument("--level", default="commune", help="commune (mặc định) | department")
        res.add_argument("--json", action="store_true", help="in JSON")

    def handle(self, *args, action, **options):
        if action == "import-framework":
            return self.import_framework(**options)
        return self.results(**options)

    def import_framework(self, *, file, year, level: str, province: str, **_):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp {file}.")
        unit = find_province(province)
        outcome = import_framework(None, unit, path.read_bytes(), year=year, level=parse_level(level))
        if outcome.framework is None:
            for e in outcome.errors:
                self.stderr.write(f"- {e}")
            raise CommandError(f"Chưa nhập bộ chỉ số: {len(outcome.errors)} lỗi, không lưu gì.")
        fw = outcome.framework
        for w in outcome.warnings:
            self.stderr.write(f"Lưu ý: {w}")
        leaves = fw.criteria.filter(is_leaf=True).count()
        self.stdout.write(
            f"Đã nhập “{fw.title}” (phiên bản {fw.version}) cho {LEVEL_LABELS[fw.level].lower()} {fw.province}: "
            f"{fw.criteria.count()} dòng, {leaves} tiêu chí chấm điểm."
        )

    def results(self, *, year, province: str, level: str, json: bool, **_):
        unit = find_province(province)
        rnd = AssessmentRound.objects.filter(province=unit, year=year, level=parse_level(level)).first()
        if rnd is None:
            raise CommandError(f"{unit} chưa có đợt đánh giá năm {year} cho cấp này.")
        res = round_results(rnd, weak_limit=0)
        if json:
            self.stdout.write(_dumps(res.json()))
            return
        for row in res.rows:
            r = row.result
            self.stdout.write(
                f"{r.rank or '—':>3}  {r.unit:<30} {r.total:>7}/{r.max:<6} {r.percent or 0:>6}%  {r.band}"
            )


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
