"""`cchc report-jobs [--loop]`: run queued report compilations (when CCHC_REPORT_JOBS=queue).

Safe on several machines at once: each job is claimed with a conditional UPDATE.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from apps.reports.jobs import run_queued


class Command(BaseCommand):
    help = "Chạy các tác vụ tổng hợp báo cáo đang chờ."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="chạy liên tục, kiểm tra mỗi giây")

    def handle(self, *args, loop: bool, **options):
        while True:
            ran = run_queued()
            if ran:
                self.stderr.write(f"Đã chạy {ran} tác vụ tổng hợp báo cáo.")
            if not loop:
                return
            time.sleep(1)
