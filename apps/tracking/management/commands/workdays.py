"""`cchc workdays add DATE N` / `cchc workdays between A B`: working-day arithmetic on the database calendar."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from apps.tracking.calendar import work_calendar
from core.bounds import working_days_problem, year_problem


def _day(text: str) -> date:
    for parse in (date.fromisoformat, _dmy):
        try:
            day = parse(text)
        except ValueError:
            continue
        if problem := year_problem(day):
            raise CommandError(problem)
        return day
    raise CommandError(f"Ngày không hợp lệ: {text!r} (dùng YYYY-MM-DD hoặc dd/mm/YYYY).")


def _dmy(text: str) -> date:
    d, m, y = (int(p) for p in text.split("/"))
    return date(y, m, d)


class Command(BaseCommand):
    help = "Tính ngày làm việc theo lịch của hệ thống (ngày lễ, nghỉ bù, làm bù)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help="Ngày làm việc thứ N sau (hoặc trước, N âm) một ngày.")
        add.add_argument("start")
        add.add_argument("n", type=int)
        between = sub.add_parser("between", help="Số ngày làm việc d với A < d <= B.")
        between.add_argument("a")
        between.add_argument("b")
        check = sub.add_parser("is", help="Một ngày có phải ngày làm việc không.")
        check.add_argument("day")

    def handle(self, *args, action: str, **options):
        cal = work_calendar()
        if action == "add":
            if problem := working_days_problem(options["n"]):
                raise CommandError(problem)
            result = cal.add_working_days(_day(options["start"]), options["n"])
            if problem := year_problem(result, "Kết quả"):
                raise CommandError(problem)
            self.stdout.write(result.isoformat())
        elif action == "between":
            self.stdout.write(str(cal.working_days_between(_day(options["a"]), _day(options["b"]))))
        else:
            day = _day(options["day"])
            self.stdout.write("làm việc" if cal.is_working_day(day) else "nghỉ")
