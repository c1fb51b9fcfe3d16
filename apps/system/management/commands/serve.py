"""`cchc serve`: the embedded production-grade server (waitress) with static files by WhiteNoise."""

from __future__ import annotations

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from apps.system.demo import demo_logins, demo_password
from cchc import clock


class Command(BaseCommand):
    help = "Chạy máy chủ web CCHC (mặc định http://127.0.0.1:8000)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--threads", type=int, default=8)

    def handle(self, *args, host, port, threads, **options):
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            raise CommandError("Cơ sở dữ liệu chưa được cập nhật cấu trúc: chạy `cchc migrate` trước.")
        from waitress import serve

        from cchc.wsgi import application

        url = f"http://{host}:{port}/"
        self.stdout.write(self.style.SUCCESS(f"CCHC đang chạy tại {url}"))
        logins = demo_logins()
        if logins:
            self.stdout.write(f"Tài khoản mẫu (mật khẩu: {demo_password()}):")
            for username, description in logins:
                self.stdout.write(f"  {username:24} {description}")
        if settings.CCHC_INLINE_JOBS:  # embedded default: a worker thread in this process (apps.jobs)
            from apps.jobs.worker import EmbeddedWorker, embedded_possible

            if embedded_possible():
                EmbeddedWorker().start()
                self.stdout.write(
                    "Tác vụ nền (tổng hợp báo cáo, nhắc việc 6:30 mỗi ngày làm việc) chạy trong tiến trình này "
                    "(CCHC_INLINE_JOBS=0 để tắt và chạy `cchc worker` riêng)."
                )
            else:
                self.stdout.write("Tác vụ nền dùng Redis (RQ): chạy thêm tiến trình `cchc worker`.")
        pinned = clock.pinned_today()
        if pinned:
            self.stdout.write(
                f"Ngày nghiệp vụ được ghim: {pinned:%d/%m/%Y} (CCHC_TODAY; để trống để dùng ngày thật)."
            )
        self.stdout.write("Nhấn Ctrl+C để dừng.")
        self.stdout.flush()
        serve(application, host=host, port=port, threads=threads, ident="cchc")
