"""`cchc worker [--batch] [--queue q1,q2]`: a background worker process (run several, on any machines).

It runs the configured task backend's worker (the database, or RQ when REDIS_URL is set) and, beside
it, the housekeeping that recovers jobs left by dead workers and submits periodic work (reminders
each working morning). SIGTERM / Ctrl+C finish the job in hand, then stop; a second one stops at once
(the job's lease then runs out and another worker takes it over).
"""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from apps.jobs.worker import Housekeeping, database_worker, housekeeping_once, run_rq_worker


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError as exc:
        raise CommandError(f"Giá trị không hợp lệ: {text!r} (cần một số giây).") from exc
    if not 0 < value <= 3600:
        raise CommandError("Khoảng chờ phải lớn hơn 0 và không quá 3600 giây.")
    return value


class Command(BaseCommand):
    help = "Chạy tiến trình xử lý tác vụ nền (tổng hợp báo cáo, nhắc việc hằng ngày, nhập dữ liệu)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--queue", default="*", help="hàng đợi, cách nhau bởi dấu phẩy (mặc định: tất cả)"
        )
        parser.add_argument("--batch", action="store_true", help="chạy hết tác vụ đang chờ rồi dừng")
        parser.add_argument("--interval", default="1", help="số giây chờ khi không có tác vụ (mặc định 1)")

    def handle(self, *args, queue: str, batch: bool, interval: str, **options):
        backend = settings.CCHC_TASK_BACKEND
        if backend == "immediate":
            raise CommandError(
                "CCHC_TASK_BACKEND=immediate chạy tác vụ ngay khi gửi, không cần tiến trình xử lý."
            )
        queues = [q.strip() for q in queue.split(",") if q.strip()] or ["*"]
        unknown = [q for q in queues if q != "*" and q not in settings.CCHC_JOB_QUEUES]
        if unknown:
            raise CommandError(
                f"Không có hàng đợi {', '.join(unknown)} (CCHC_JOB_QUEUES: {', '.join(settings.CCHC_JOB_QUEUES)})."
            )
        wait = _positive(interval)
        where = "Redis (RQ)" if backend == "rq" else "cơ sở dữ liệu"
        self.stdout.write(f"Tiến trình xử lý tác vụ nền: {where}, hàng đợi {', '.join(queues)}.")
        self.stdout.flush()
        if batch:
            housekeeping_once()
        else:
            Housekeeping(watchdog=True).start()
        if backend == "rq":
            run_rq_worker(queues, burst=batch)
            return
        worker = database_worker(queues, batch=batch, interval=wait)
        worker.configure_signals()
        worker.run()
