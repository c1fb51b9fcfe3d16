"""The shape shared by the daily sending commands (`cchc remind`, `cchc digest`).

Both send, once a day, what is due on a business day that an operator may set by hand (``--as-of``),
try first without writing (``--dry-run``) or read as JSON (``--json``); both must refuse a date the
same way and say what they sent the same way. Kept outside ``commands/`` so that Django does not
take it for a command of its own.
"""

from __future__ import annotations

import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from cchc import clock
from core.bounds import year_problem


class DailyCommand(BaseCommand):
    """A command that sends one day's batch: parse the day, send, print JSON or one summary line.

    A subclass names its options' help (``as_of_help``, ``dry_run_help``), how a date out of range
    is called (``day_name``), the JSON key of the day and its indent, and implements ``send`` and
    ``summary``. A result holding ``"error"`` (another run got there first) fails the command,
    except in JSON, where the error is part of what is printed.
    """

    as_of_help: str
    dry_run_help: str
    day_name = "Ngày"
    json_day_key = "day"
    json_indent: int | None = None

    def add_arguments(self, parser):
        parser.add_argument("--as-of", help=self.as_of_help)
        parser.add_argument("--dry-run", action="store_true", help=self.dry_run_help)
        parser.add_argument("--json", action="store_true", help="In kết quả dạng JSON.")

    def handle(self, *args, as_of=None, dry_run=False, json=False, **options):
        day = self._day(as_of)
        result = self.send(day, dry_run=dry_run)
        if json:
            self.stdout.write(self._json(day, result))
            return
        if "error" in result:
            raise CommandError(result["error"])
        self.stdout.write(self.summary(day, result, verb="Sẽ gửi" if dry_run else "Đã gửi"))

    def send(self, day: date, *, dry_run: bool) -> dict:
        """Send (or, on a dry run, only count) the day's batch; the counts, as printed in JSON."""
        raise NotImplementedError

    def summary(self, day: date, result: dict, *, verb: str) -> str:
        """The one line said after a run; ``verb`` is "Sẽ gửi" on a dry run, else "Đã gửi"."""
        raise NotImplementedError

    def _day(self, as_of: str | None) -> date:
        try:
            day = date.fromisoformat(as_of) if as_of else clock.today()
        except ValueError as exc:
            raise CommandError(f"Ngày không hợp lệ: {as_of!r} (dùng YYYY-MM-DD).") from exc
        if problem := year_problem(day, self.day_name):
            raise CommandError(problem)
        return day

    def _json(self, day: date, result: dict) -> str:
        payload = {self.json_day_key: day.isoformat(), **result}
        return json.dumps(payload, ensure_ascii=False, indent=self.json_indent)
