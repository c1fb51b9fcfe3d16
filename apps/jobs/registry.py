"""The kinds of background job and the periodic schedule, registered by each app's ``jobs.py``.

An app declares its background work as a plain function of ``(job, progress)`` decorated with
``@job_kind(...)``; ``apps.jobs`` imports every ``apps.<app>.jobs`` module at start-up, so a worker
knows every kind before it takes a job. Periodic work is one more line: ``every_day(...)``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from importlib import import_module
from importlib.util import find_spec

JobFn = Callable[..., object]


@dataclass(frozen=True)
class JobKind:
    """How one kind of job runs: its function, its limits, and how the user sees it."""

    name: str
    fn: JobFn
    label: str  # Vietnamese, shown to users: "Tổng hợp báo cáo của các đơn vị cấp dưới"
    unit: str = ""  # what progress counts: "đơn vị", "hồ sơ"
    timeout: int = 600  # seconds one attempt may take
    attempts: int = 3  # attempts before the job is marked failed
    queue: str = "default"
    view_rule: str = ""  # policy rule asked on the job's subject (or org unit) to see the job
    result_url: Callable | None = None  # job -> URL of what it produced, shown when it succeeds
    result_label: str = "Xem kết quả"


_KINDS: dict[str, JobKind] = {}


def job_kind(name: str, *, label: str, **options) -> Callable[[JobFn], JobFn]:
    """Register ``fn(job, progress)`` as the body of jobs of kind ``name``. It must be idempotent:
    a job left by a dead worker runs again from the start."""

    def register(fn: JobFn) -> JobFn:
        _KINDS[name] = JobKind(name=name, fn=fn, label=label, **options)
        return fn

    return register


def find(name: str) -> JobKind | None:
    return _KINDS.get(name)


def get(name: str) -> JobKind:
    spec = _KINDS.get(name)
    if spec is None:
        raise LookupError(f"Không có loại tác vụ {name!r} (chưa đăng ký trong jobs.py của ứng dụng nào).")
    return spec


@dataclass(frozen=True)
class Periodic:
    """A job submitted once per slot: ``slot(now)`` names the slot ``now`` falls in (a business day)
    or None when nothing is due then (a day off); the job is submitted from ``at`` on that day."""

    name: str
    kind: str
    at: time
    slot: Callable[[datetime], date | None]


_PERIODIC: dict[str, Periodic] = {}


def every_day(name: str, kind: str, *, at: time, slot: Callable[[datetime], date | None]) -> None:
    _PERIODIC[name] = Periodic(name=name, kind=kind, at=at, slot=slot)


def periodic() -> list[Periodic]:
    return list(_PERIODIC.values())


def autodiscover() -> None:
    """Import ``apps.<app>.jobs`` for every installed project app (they register on import)."""
    from django.apps import apps

    for config in apps.get_app_configs():
        if config.name.startswith("apps.") and find_spec(f"{config.name}.jobs") is not None:
            import_module(f"{config.name}.jobs")
