"""`cchc remind [--as-of YYYY-MM-DD] [--dry-run] [--json]`: the daily reminder job (đôn đốc)."""

from __future__ import annotations

import json
import time
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from apps.tracking.remind import run
from cchc import clock
from core.bounds import year_problem


class Command(BaseCommand):
    help = "Gửi nhắc việc (đôn đốc) cho các mốc sắp đến hạn, đến hạn và quá hạn. Chạy lại không gửi trùng."

    def add_arguments(self, parser):
        parser.add_argument("--as-of", help="Ngày tính (YYYY-MM-DD), mặc định hôm nay.")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ liệt kê, không gửi, không ghi.")
        parser.add_argument("--json", action="store_true", help="In kết quả dạng JSON.")

    def handle(self, *args, as_of=None, dry_run=False, json: bool = False, **options):
        try:
            today = date.fromisoformat(as_of) if as_of else clock.today()
        except ValueError as exc:
            raise CommandError(f"Ngày không hợp lệ: {as_of!r} (dùng YYYY-MM-DD).") from exc
        if problem := year_problem(today, "Ngày tính"):
            raise CommandError(problem)
        started = time.perf_counter()
        outgoing, result = run(today, dry_run=dry_run)
        result["seconds"] = round(time.perf_counter() - started, 2)
        if json:
            self._json(today, outgoing, result)
            return
        if "error" in result:
            raise CommandError(result["error"])
        verb = "Sẽ gửi" if dry_run else "Đã gửi"
        by_kind: dict[str, int] = {}
        for o in outgoing:
            by_kind[o.kind] = by_kind.get(o.kind, 0) + 1
        detail = ", ".join(f"{k}: {n}" for k, n in sorted(by_kind.items())) or "không có"
        self.stdout.write(
            f"{verb} {len(outgoing)} nhắc việc ngày {today:%d/%m/%Y} ({detail}) trong {result['seconds']} giây."
        )

    def _json(self, today: date, outgoing, result: dict) -> None:
        payload = {
            "as_of": today.isoformat(),
            **result,
            "items": [
                {
                    "milestone": o.milestone_id,
                    "kind": o.kind,
                    "step": o.step,
                    "days": o.days,
                    "text": o.text,
                    "recipients": o.users,
                }
                for o in outgoing
            ],
        }
        self.stdout.write(json_dumps(payload))


def json_dumps(payload: dict) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=1)
