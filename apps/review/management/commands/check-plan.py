"""`cchc check-plan FILE [--superior FILE2] [--json]`: the plan checks on a document, no database.

Officials and IT staff check a plan before uploading it (or a script checks a folder of plans);
the JSON form is the ``Finding.to_dict`` of each finding, most serious first.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from apps.review.findings import RULE_LABELS, SEVERITY_LABELS
from apps.review.management.commands._plan_files import dumps, read_plan_file
from core.checks import SEVERITIES, Finding, check_plan
from core.plandoc.model import AREAS


def _where(f: Finding) -> str:
    if f.target_index is not None:
        return f"chỉ tiêu số {f.target_index + 1}"
    if f.area is not None or f.no is not None:
        return f"nhiệm vụ {f.no or '(không số)'}, {AREAS.get(f.area or '', 'không rõ lĩnh vực')}"
    return "toàn kế hoạch"


class Command(BaseCommand):
    help = "Kiểm tra một kế hoạch CCHC (.txt, .docx, .pdf), có thể đối chiếu với kế hoạch cấp trên; không ghi CSDL."
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("file", help="tệp kế hoạch cần kiểm tra")
        parser.add_argument("--superior", help="tệp kế hoạch cấp trên để đối chiếu")
        parser.add_argument("--json", action="store_true", help='in {"findings": [...]} dạng JSON')

    def handle(self, *args, file, superior, json: bool, **options):
        plan = read_plan_file(file)
        superior_plan = read_plan_file(superior) if superior else None
        findings = check_plan(plan, superior=superior_plan)
        if json:
            self.stdout.write(dumps({"findings": [f.to_dict() for f in findings]}))
            return
        self.stdout.write(f"{plan.org_unit.name or plan.document}: {len(findings)} phát hiện")
        for severity in SEVERITIES:
            group = [f for f in findings if f.severity == severity]
            if not group:
                continue
            self.stdout.write(f"\n{SEVERITY_LABELS[severity].upper()} ({len(group)})")
            for f in group:
                at = f" [ký tự {f.span.start}-{f.span.end}]" if f.span else ""
                self.stdout.write(f"- {RULE_LABELS.get(f.rule, f.rule)} ({f.rule}) — {_where(f)}{at}")
                self.stdout.write(f"  {f.message}")
