"""The embedded default for the daily reminder job: a daemon thread in `cchc serve`.

At scale set CCHC_INLINE_JOBS=0 and let the deployment scheduler run `cchc remind`; running both
is harmless (reminders are unique per step), only wasteful.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime, time, timedelta

from django.db import close_old_connections
from django.utils import timezone

from cchc import clock

log = logging.getLogger(__name__)
RUN_AT = time(6, 30)  # before the office day starts (giờ Việt Nam)
FIRST_DELAY_S = 30.0


def seconds_until_next_run(now: datetime) -> float:
    nxt = now.replace(hour=RUN_AT.hour, minute=RUN_AT.minute, second=0, microsecond=0)
    if nxt <= now:
        nxt += timedelta(days=1)
    return (nxt - now).total_seconds()


def _run_once() -> None:
    from apps.tracking.remind import run

    close_old_connections()
    try:
        outgoing, result = run(clock.today())
        log.warning("Nhắc việc: %s", result)
    except Exception:  # noqa: BLE001 - a failed run must not kill the thread; tomorrow retries
        log.exception("Nhắc việc thất bại")
    finally:
        close_old_connections()


def _loop(stop: threading.Event) -> None:
    if stop.wait(FIRST_DELAY_S):
        return
    while True:
        _run_once()
        if stop.wait(seconds_until_next_run(timezone.localtime())):
            return


def start_daily_reminders() -> threading.Event:
    """Start the thread (once at start-up, then daily at RUN_AT); set the returned event to stop it."""
    stop = threading.Event()
    threading.Thread(target=_loop, args=(stop,), name="cchc-remind", daemon=True).start()
    return stop
