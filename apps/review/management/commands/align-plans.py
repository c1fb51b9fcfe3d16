"""`cchc align-plans FILE SUPERIOR_FILE [--json]`: which superior task each task implements, and
what each side leaves uncovered; no database."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from apps.review.management.commands._plan_files import dumps, read_plan_file
from core.alignment import align
from core.checks.superior import mismatch


def _ref(item: dict) -> str:
    return f"{item['area']}/{item['no'] or '-'} {item['content'][:90]}"


class Command(BaseCommand):
    help = "Đối chiếu nhiệm vụ, chỉ tiêu của một kế hoạch với kế hoạch cấp trên; không ghi CSDL."
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("file", help="tệp kế hoạch cấp dưới")
        parser.add_argument("superior_file", help="tệp kế hoạch cấp trên")
        parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")

    def handle(self, *args, file, superior_file, json: bool, **options):
        plan, superior = read_plan_file(file), read_plan_file(superior_file)
        data = align(plan, superior).to_dict()
        data["warning"] = mismatch(plan, superior)
        if json:
            self.stdout.write(dumps(data))
            return
        out = self.stdout.write
        if data["warning"]:
            out(f"Cảnh báo: {data['warning']}")
        out(f"{len(data['pairs'])} nhiệm vụ gắn với nhiệm vụ cấp trên:")
        for pair in data["pairs"]:
            out(f"- {_ref(pair['task'])}\n    → {_ref(pair['superior_task'])}\n    {pair['explanation']}")
        out(f"\n{len(data['unmatched_tasks'])} nhiệm vụ riêng của đơn vị:")
        for item in data["unmatched_tasks"]:
            out(f"- {_ref(item)}")
        out(f"\n{len(data['uncovered_superior_tasks'])} nhiệm vụ cấp trên chưa có nhiệm vụ tương ứng:")
        for item in data["uncovered_superior_tasks"]:
            out(f"- {_ref(item)}")
        missing = [t for t in data["superior_targets"] if t["status"] == "missing"]
        out(f"\n{len(missing)} chỉ tiêu cấp trên chưa có chỉ tiêu tương ứng:")
        for item in missing:
            out(f"- {item['text'][:120]}")
