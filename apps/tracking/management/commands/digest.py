"""`cchc digest [--as-of YYYY-MM-DD] [--dry-run] [--json]`: the daily email digest of notices."""

from __future__ import annotations

from datetime import date

from apps.tracking.digest import send_digests
from apps.tracking.management.daily import DailyCommand


class Command(DailyCommand):
    help = "Gửi thư tổng hợp thông báo chưa đọc (mỗi người một thư mỗi ngày). Chạy lại cùng ngày không gửi trùng."
    as_of_help = "Ngày của thư (YYYY-MM-DD), mặc định hôm nay."
    dry_run_help = "Chỉ đếm, không gửi, không ghi."

    def send(self, day: date, *, dry_run: bool) -> dict:
        return send_digests(day, dry_run=dry_run)

    def summary(self, day: date, result: dict, *, verb: str) -> str:
        return f"{verb} {result['digests']} thư tổng hợp ({result['notices']} thông báo) ngày {day:%d/%m/%Y}."
