"""`cchc import-plan FILE --json` | `cchc import-plan FILE --org-unit "xã Ngọc Liên" --save`.

FILE is a plan document (.docx, .pdf, .txt) or an Excel workbook of tasks and targets (the template
of `cchc plan-template`, or any sheet whose header row names the columns). The JSON lists, under
"warnings", why a part is missing (no task, no target) and the manual route."""

from __future__ import annotations

import json as jsonlib
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from apps.accounts.policy import OPERATOR
from apps.orgs.models import OrgUnit
from apps.plans.services import activate_plan, read_plan_document, save_draft
from core.plan_json import plan_json
from core.text import fold


def find_unit(name: str) -> OrgUnit:
    matches = [
        u for u in OrgUnit.objects.all() if fold(u.name) == fold(name) or fold(u.short_name) == fold(name)
    ]
    if len(matches) != 1:
        raise CommandError(f'Không tìm thấy đúng một đơn vị tên "{name}" (tìm thấy {len(matches)}).')
    return matches[0]


class Command(BaseCommand):
    help = (
        "Đọc một kế hoạch CCHC (.txt, .docx, .pdf, hoặc .xlsx theo mẫu): in JSON (--json) "
        "hoặc lưu vào đơn vị (--org-unit ... --save)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--json", action="store_true", help="in kết quả đọc dạng JSON, không ghi CSDL")
        parser.add_argument("--org-unit", help='đơn vị của kế hoạch, ví dụ "xã Ngọc Liên"')
        parser.add_argument("--save", action="store_true", help="lưu và xác nhận kế hoạch vào đơn vị")
        parser.add_argument("--draft", action="store_true", help="chỉ lưu bản nháp để rà soát trên web")

    def handle(self, *args, file, json: bool, org_unit, save, draft, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp {file}.")
        if not json and not save:
            raise CommandError("Chọn --json (in kết quả) hoặc --org-unit ĐƠN_VỊ --save (lưu).")
        data = path.read_bytes()
        try:
            plan_draft = read_plan_document(data, path.name)
        except ValidationError as exc:
            raise CommandError("\n".join(exc.messages)) from exc  # a workbook's bad rows, one a line
        if json:
            self.stdout.write(_dumps(plan_json(plan_draft)))
        if save:
            if not org_unit:
                raise CommandError("Cần --org-unit để lưu.")
            unit = find_unit(org_unit)
            plan = save_draft(OPERATOR, unit, plan_draft, data, path.name)
            if not draft:
                activate_plan(OPERATOR, plan)
            self.stderr.write(
                f'Đã lưu kế hoạch #{plan.pk} "{plan.title}" của {unit}: {plan.tasks.count()} nhiệm vụ, {plan.targets.count()} chỉ tiêu.'
            )


def _dumps(data) -> str:
    return jsonlib.dumps(data, ensure_ascii=False, indent=2)
