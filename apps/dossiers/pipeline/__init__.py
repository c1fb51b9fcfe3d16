"""Dossier import: a file (or pushed items) in, dossiers and roll-ups written in one transaction.

``import_file`` and ``import_items`` are plain functions with a progress callback; the background
job, the command line and the push API call them. Two phases:

A. reading, on working tables of the connection (each statement committed at once, so progress is
   visible and nothing of the dossier register is touched): PostgreSQL streams a CSV through COPY
   and reads it in SQL (``fast``), anything else is read row by row in Python (``rows``); the
   distinct unit, procedure, sector and agency texts are resolved (``resolve``); dates, on-time
   verdicts and processing days are derived, duplicates and bad rows set aside (``apply``);
B. one transaction (``final``: the job layer's ``progress.complete``, so the job succeeds exactly
   when the data is written): which rows are new, changed, unchanged or older than what is stored,
   unless it is a dry run the inserts, updates and the roll-ups of the touched keys, and the row
   errors (``ImportRowError``).

A failure anywhere leaves the register as it was. On PostgreSQL, imports take turns (an advisory
lock held by the session), so phase A's view of the register is still true in phase B.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import psycopg
from django.db import connection, transaction

from apps.dossiers.pipeline import apply, fast, resolve, rows
from apps.dossiers.pipeline.dialect import IMPORT_LOCK, LOCAL_TZ, Dialect, dialect_for
from apps.dossiers.pipeline.source import Source, SourceError, open_source
from apps.dossiers.pipeline.tables import create_base, drop_all
from cchc import clock

log = logging.getLogger(__name__)
Progress = Callable[[str, int, int], None]  # (phase, done, total)
__all__ = ["ImportRequest", "Outcome", "SourceError", "import_file", "import_items"]


@dataclass
class ImportRequest:
    dry_run: bool = False
    mapping: dict[str, str] | None = None  # canonical column -> file header
    scope: set[int] | None = None  # units the importer may write for; None: all
    import_id: int | None = None  # where row errors are saved
    calendar: object = None  # a WorkCalendar; the database's when None
    reader: str = "auto"  # "python" forces the Python reader (tests, comparisons)
    final: Callable | None = None  # () -> the context manager of phase B; transaction.atomic when None
    finalize: Callable | None = None  # (outcome) -> None, inside phase B after the writes


@dataclass
class Outcome(apply.Counts):
    fast: bool = False  # read by the PostgreSQL bulk reader
    fallback: str = ""  # why the bulk reader handed over to the Python reader
    timings: dict = field(default_factory=dict)  # step -> seconds, for the benchmark

    @contextmanager
    def timed(self, step: str):
        start = time.perf_counter()
        yield
        self.timings[step] = round(self.timings.get(step, 0) + time.perf_counter() - start, 3)


def _quiet(phase: str, done: int, total: int) -> None:
    pass


SESSION = {
    "timezone": LOCAL_TZ,
    "DateStyle": "ISO, DMY",
    "work_mem": "128MB",
    "jit": "off",
    "parallel_tuple_cost": "0.01",
}


def _session(cursor, d: Dialect) -> None:
    """PostgreSQL: local times, DMY dates, room to sort, no JIT (compiling the wide expressions costs
    more than it saves), rows from parallel workers priced nearer their cost (at the default price the
    planner keeps a scan of a million rows on one core whenever it guesses many rows pass), the working
    tables' schema first on the search path; one import at a time (the working tables have fixed
    names). Undone by ``_release``."""
    if d.vendor != "postgresql":
        return
    for name, value in SESSION.items():
        cursor.execute(f"SET {name} TO '{value}'")
    d.enter_work_schema(cursor, transaction_only=False)


def _release(cursor, d: Dialect) -> None:
    drop_all(cursor, d)
    if d.vendor == "postgresql":
        cursor.execute(f"SELECT pg_advisory_unlock({IMPORT_LOCK})")
        for name in (*SESSION, "search_path"):
            cursor.execute(f"RESET {name}")


def _calendar(request: ImportRequest):
    if request.calendar is not None:
        return request.calendar
    from apps.tracking.calendar import work_calendar

    return work_calendar()


def _maps(cursor, d: Dialect, names: dict[str, list], request: ImportRequest, cal, today) -> resolve.Maps:
    maps = resolve.build_maps(cursor, d, names, request.scope)
    resolve.build_agency_map(cursor, d, maps, names.get("agency_name", []))
    apply.build_calendar(cursor, d, cal, date(today.year - 10, 1, 1), date(today.year + 2, 12, 31))
    for table in ("m_unit", "m_proc", "m_sector", "m_agency", "cal"):
        cursor.execute(f"ANALYZE {table}")  # temp tables have no statistics until asked
    return maps


def _read_fast(cursor, d: Dialect, source: Source, request, progress, outcome, cal, today) -> resolve.Maps:
    t = outcome.timed
    with t("copy"):
        n = fast.copy_stage(cursor, d, source)
        progress("Đã đọc tệp", n, n)
    progress("Kiểm tra dữ liệu", 0, 0)
    with t("distinct"):
        distinct = fast.distinct_values(cursor, d, source)
        names = {name: distinct.get(column, []) for column, name in fast.NAME_COLUMNS.items()}
        maps = _maps(cursor, d, names, request, cal, today)
    with t("parse"):
        query = fast.source_query(cursor, d, source, distinct)
        apply.build_valid(cursor, d, query, datetime.now().replace(microsecond=0), extra=("shapes_ok",))
        fast.check_dates(cursor)
    with t("checks"):
        fast.check_rows(cursor, d)
    return maps


def _read_rows(cursor, d: Dialect, source, items, request, progress, outcome, cal, today) -> resolve.Maps:
    t = outcome.timed
    create_base(cursor, d, clean_table=True)
    estimate = source.estimated_rows if source is not None else len(items)
    stream = rows.file_values(source) if source is not None else items
    with t("read"):
        rows.fill(cursor, d, stream, lambda done: progress("Đọc tệp", done, max(done, estimate)))
    progress("Kiểm tra dữ liệu", 0, 0)
    with t("distinct"):
        names = {}
        for name in ("unit_name", "proc_code", "sector_code", "agency_name"):
            cursor.execute(f"SELECT DISTINCT {name} FROM clean")
            names[name] = [r[0] for r in cursor.fetchall()]
        maps = _maps(cursor, d, names, request, cal, today)
    with t("parse"):
        apply.build_valid(cursor, d, "clean", datetime.now().replace(microsecond=0))
    return maps


def _read(cursor, d: Dialect, source, items, request, progress, outcome, cal, today) -> resolve.Maps:
    """Fill ``v`` (every row, typed, resolved, derived) and ``errs``: by the bulk reader when it can."""
    if source is not None and source.kind == "csv" and d.vendor == "postgresql" and request.reader == "auto":
        # Outside a transaction each statement commits (progress stays visible to the job's pollers)
        # and a hand-over just drops the working tables; inside a caller's transaction a savepoint
        # undoes the failed statement.
        guard = transaction.atomic() if connection.in_atomic_block else nullcontext()
        try:
            with guard:
                create_base(cursor, d, clean_table=False)
                maps = _read_fast(cursor, d, source, request, progress, outcome, cal, today)
            outcome.fast = True
            return maps
        except (fast.Fallback, psycopg.DataError) as exc:
            outcome.fallback = str(exc).splitlines()[0][:300]
            log.info("Nhập hồ sơ: đọc bằng Python (%s)", outcome.fallback)
            drop_all(cursor, d)
    return _read_rows(cursor, d, source, items, request, progress, outcome, cal, today)


def _run(source: Source | None, items, request: ImportRequest, progress: Progress) -> Outcome:
    outcome = Outcome()
    t = outcome.timed
    cal = _calendar(request)
    today = clock.today()
    cursor = connection.cursor().cursor
    d = dialect_for(connection)
    _session(cursor, d)
    failed = True
    try:
        drop_all(cursor, d)
        maps = _read(cursor, d, source, items, request, progress, outcome, cal, today)
        with t("validate"):
            cursor.execute("SELECT count(*) FROM v")
            outcome.rows = cursor.fetchone()[0]
            apply.report_unresolved(cursor, d, maps.bad)
            apply.complete_dues(cursor, d, cal)
            outcome.duplicates = apply.find_duplicates(cursor, d)
            apply.mark_valid(cursor)
        progress("Ghi hồ sơ" if not request.dry_run else "Tổng hợp kết quả chạy thử", 0, 0)
        with (request.final or transaction.atomic)():
            _write(cursor, d, request, outcome, progress)
        failed = False
    finally:
        try:
            _release(cursor, d)
        except Exception:  # noqa: BLE001 - never hide the failure that brought us here
            if not failed:
                raise
            log.warning("Nhập hồ sơ: không dọn được bảng tạm sau lỗi", exc_info=True)
    return outcome


def _write(cursor, d: Dialect, request: ImportRequest, outcome: Outcome, progress: Progress) -> None:
    """Phase B, inside the final transaction."""
    t = outcome.timed
    with t("classify"):
        apply.refuse_foreign(cursor, d, request.scope)
        outcome.created, outcome.updated, outcome.unchanged, outcome.older = apply.classify(cursor, d)
    if not request.dry_run:
        all_new = not (outcome.updated or outcome.unchanged or outcome.older)  # every valid row is new
        apply.note_touched(cursor, d, all_new=all_new)
        if all_new:
            progress("Cập nhật số liệu tổng hợp", 0, 0)
            with t("rollups"):
                apply.refresh_rollups(cursor, d, apply.STORED_AND_NEW)
        progress("Ghi hồ sơ", 0, 0)
        with t("write"):
            apply.write(cursor, d, request.import_id, all_new=all_new)
            apply.refresh_statistics(cursor, d, outcome.created + outcome.updated)
        if not all_new:
            progress("Cập nhật số liệu tổng hợp", 0, 0)
            with t("rollups"):
                apply.refresh_rollups(cursor, d)
    with t("errors"):
        if request.import_id is not None:
            outcome.errors = apply.save_errors(cursor, request.import_id)
        else:
            cursor.execute("SELECT count(DISTINCT n) FROM errs")
            outcome.errors = cursor.fetchone()[0]
    if request.finalize is not None:
        request.finalize(outcome)
    if not request.dry_run and (outcome.created or outcome.updated):
        transaction.on_commit(_figures_changed)


def _figures_changed() -> None:
    from apps.dossiers.signals import imported

    imported.send(sender=Outcome)


def import_file(path: Path, request: ImportRequest, progress: Progress = _quiet) -> Outcome:
    """Import a CSV/XLSX export. Raises ``SourceError`` when the whole file is refused."""
    source = open_source(Path(path), request.mapping)
    return _run(source, None, request, progress)


def import_items(
    items: Iterable[tuple[int, dict, str]], request: ImportRequest, progress: Progress = _quiet
) -> Outcome:
    """Import already-parsed items (row number, canonical values, problem) — the push API."""
    return _run(None, list(items), request, progress)
