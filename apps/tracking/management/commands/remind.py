"""`cchc remind [--as-of YYYY-MM-DD] [--dry-run] [--json]`: the daily reminder job (đôn đốc)."""

from __future__ import annotations

import time
from collections import Counter
from datetime import date

from apps.tracking.management.daily import DailyCommand
from apps.tracking.remind import run


class Command(DailyCommand):
    help = "Gửi nhắc việc (đôn đốc) cho các mốc sắp đến hạn, đến hạn và quá hạn. Chạy lại không gửi trùng."
    as_of_help = "Ngày tính (YYYY-MM-DD), mặc định hôm nay."
    dry_run_help = "Chỉ liệt kê, không gửi, không ghi."
    day_name = "Ngày tính"
    json_day_key = "as_of"
    json_indent = 1

    def send(self, day: date, *, dry_run: bool) -> dict:
        """The run's counts, its duration and each reminder (the JSON lists them; the summary counts them)."""
        started = time.perf_counter()
        outgoing, result = run(day, dry_run=dry_run)
        result["seconds"] = round(time.perf_counter() - started, 2)
        items = [
            {
                "milestone": o.milestone_id,
                "kind": o.kind,
                "step": o.step,
                "days": o.days,
                "text": o.text,
                "recipients": o.users,
            }
            for o in outgoing
        ]
        return {**result, "items": items}

    def summary(self, day: date, result: dict, *, verb: str) -> str:
        by_kind = Counter(item["kind"] for item in result["items"])
        detail = ", ".join(f"{k}: {n}" for k, n in sorted(by_kind.items())) or "không có"
        return f"{verb} {len(result['items'])} nhắc việc ngày {day:%d/%m/%Y} ({detail}) trong {result['seconds']} giây."
