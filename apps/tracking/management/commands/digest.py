"""`cchc digest [--as-of YYYY-MM-DD] [--dry-run] [--json]`: the daily email digest of notices."""

from __future__ import annotations

import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from apps.tracking.digest import send_digests
from cchc import clock
from core.bounds import year_problem


class Command(BaseCommand):
    help = "Gửi thư tổng hợp thông báo chưa đọc (mỗi người một thư mỗi ngày). Chạy lại cùng ngày không gửi trùng."

    def add_arguments(self, parser):
        parser.add_argument("--as-of", help="Ngày của thư (YYYY-MM-DD), mặc định hôm nay.")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đếm, không gửi, không ghi.")
        parser.add_argument("--json", action="store_true", help="In kết quả dạng JSON.")

    def handle(self, *args, as_of=None, dry_run=False, **options):
        try:
            day = date.fromisoformat(as_of) if as_of else clock.today()
        except ValueError as exc:
            raise CommandError(f"Ngày không hợp lệ: {as_of!r} (dùng YYYY-MM-DD).") from exc
        if problem := year_problem(day, "Ngày"):
            raise CommandError(problem)
        result = send_digests(day, dry_run=dry_run)
        if options.get("json"):
            self.stdout.write(json.dumps({"day": day.isoformat(), **result}, ensure_ascii=False))
            return
        if "error" in result:
            raise CommandError(result["error"])
        verb = "Sẽ gửi" if dry_run else "Đã gửi"
        self.stdout.write(
            f"{verb} {result['digests']} thư tổng hợp ({result['notices']} thông báo) ngày {day:%d/%m/%Y}."
        )
