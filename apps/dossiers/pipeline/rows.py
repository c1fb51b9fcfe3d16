"""The Python reader: rows (of a CSV or XLSX file, or pushed items) read one by one with
``core.dossiers.fields.read_row`` and written in batches into ``clean`` and ``errs``.

It reads any file on any database and explains every bad value; the PostgreSQL bulk reader is
faster on well-formed CSV and hands over to this one when it meets a value it cannot read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db import transaction

from apps.dossiers.pipeline.dialect import Dialect
from apps.dossiers.pipeline.source import Source, data_rows
from apps.dossiers.pipeline.tables import CLEAN_NAMES, write_rows
from core.dossiers.fields import DossierRow, read_row

BATCH = 5000
Progress = Callable[[int], None]


def clean_tuple(r: DossierRow, d: Dialect) -> tuple:
    ts = d.param_ts
    return (
        r.row, r.code, r.procedure_code, r.sector_code, r.unit_name, r.agency_name, r.channel,
        ts(r.submitted), ts(r.received), ts(r.due), ts(r.finished), ts(r.returned), r.status, r.fee,
        r.paid_online, r.supplement_count, ts(r.supplement_requested), ts(r.supplement_completed),
        r.e_result, r.digitized, r.reused, ts(r.apology),
    )  # fmt: skip


def file_values(source: Source) -> Iterable[tuple[int, dict, str]]:
    """(row number, canonical values, problem with the row's shape or "") of a file's data rows."""
    width = len(source.header)
    columns = source.columns.items()
    for number, values in data_rows(source):
        problem = ""
        if source.kind == "csv" and len(values) != width:
            problem = f"dòng có {len(values)} cột, dòng tiêu đề có {width} cột (kiểm tra dấu phân cách, dấu ngoặc kép)."
        yield number, {c: values[i] for c, i in columns if i < len(values)}, problem


def fill(cursor, d: Dialect, items: Iterable[tuple[int, dict, str]], progress: Progress | None = None) -> int:
    """Read every item into ``clean`` (and its problems into ``errs``); returns the number of rows."""
    rows: list[tuple] = []
    problems: list[tuple] = []
    count = 0
    for number, values, problem in items:
        record, errors = read_row(values, number)
        rows.append(clean_tuple(record, d))
        if problem:
            problems.append((number, record.code, "", problem))
        problems += [(number, record.code, column, message) for column, message in errors]
        count += 1
        if len(rows) >= BATCH:
            _flush(cursor, d, rows, problems)
            if progress:
                progress(count)
    _flush(cursor, d, rows, problems)
    if progress:
        progress(count)
    return count


def _flush(cursor, d: Dialect, rows: list[tuple], problems: list[tuple]) -> None:
    with transaction.atomic():  # one commit per batch (SQLite would commit each row otherwise)
        write_rows(cursor, d, "clean", CLEAN_NAMES, rows)
        write_rows(cursor, d, "errs", ["n", "code", "col", "msg"], problems)
    rows.clear()
    problems.clear()
