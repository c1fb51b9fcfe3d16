"""The few SQL fragments that differ between PostgreSQL and SQLite in the import's set-based steps.

Staged dossier times are local (Asia/Ho_Chi_Minh) timestamps without zone; the dossier table holds
instants. On PostgreSQL the import transaction sets the session time zone to Asia/Ho_Chi_Minh, so a
cast converts; on SQLite (where Django stores UTC text) the fixed +07:00 offset converts (Vietnam
has not changed its offset since 1975).
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date, datetime

from psycopg import pq

LOCAL_TZ = "Asia/Ho_Chi_Minh"
WORK_SCHEMA = "cchc_import"  # PostgreSQL: where the import's working tables live (migration 0003)
IMPORT_LOCK = 766_011  # PostgreSQL advisory lock: one import (or roll-up rebuild) at a time


class Dialect:
    vendor = ""
    # How a working table is created. SQLite: a temporary table. PostgreSQL: an unlogged table in
    # ``WORK_SCHEMA`` (first on the import session's search path): unlike a temporary table, its
    # scans can be shared by parallel workers, and nothing of it goes to the write-ahead log.
    work_table = "TEMP TABLE"

    def work_name(self, name: str) -> str:
        """A working table's name where it must not be mistaken for another (dropping it)."""
        return name

    @contextmanager
    def planner(self, cursor, **settings: str):
        """PostgreSQL planner settings for one statement whose row counts it cannot estimate (each
        use says why); nothing elsewhere."""
        yield

    def ts_type(self) -> str:
        raise NotImplementedError

    def param_ts(self, value: datetime | None):
        return value

    def param_date(self, value: date | None):
        return value

    def instant(self, expr: str) -> str:
        """Local timestamp -> the dossier table's instant."""
        raise NotImplementedError

    def day(self, expr: str) -> str:
        """Local timestamp -> its local date (as the calendar table stores dates)."""
        raise NotImplementedError

    def local_day(self, expr: str) -> str:
        """Instant of the dossier table -> its local date."""
        raise NotImplementedError

    def local_month(self, expr: str) -> str:
        """Instant of the dossier table -> the first day of its local month."""
        raise NotImplementedError

    def greatest(self, exprs: list[str]) -> str:
        raise NotImplementedError

    def distinct(self, left: list[str], right: list[str]) -> str:
        raise NotImplementedError

    def concat(self, exprs: list[str]) -> str:
        raise NotImplementedError

    def text_agg(self, expr: str) -> str:
        raise NotImplementedError

    def date_text(self, expr: str) -> str:
        """A local timestamp as dd/mm/yyyy, for messages."""
        raise NotImplementedError


class Postgres(Dialect):
    vendor = "postgresql"
    work_table = "UNLOGGED TABLE"

    def work_name(self, name: str) -> str:
        return f"{WORK_SCHEMA}.{name}"

    def enter_work_schema(self, cursor, *, transaction_only: bool) -> None:
        """Put ``WORK_SCHEMA`` first on the search path (the working tables' plain names resolve
        there) and take the import lock: for the session (an import, undone by its release) or for
        the current transaction only (a roll-up rebuild)."""
        cursor.execute(
            f"SELECT set_config('search_path', '{WORK_SCHEMA}, ' || current_setting('search_path'), "
            f"{'true' if transaction_only else 'false'})"
        )
        lock = "pg_advisory_xact_lock" if transaction_only else "pg_advisory_lock"
        cursor.execute(f"SELECT {lock}({IMPORT_LOCK})")

    @contextmanager
    def planner(self, cursor, **settings: str):
        for name, value in settings.items():
            cursor.execute(f"SET {name} TO '{value}'")
        try:
            yield
        finally:
            # After a failed statement inside a transaction the rollback undoes the SET (and a RESET
            # there would only hide the failure under "current transaction is aborted").
            if cursor.connection.info.transaction_status != pq.TransactionStatus.INERROR:
                for name in settings:
                    cursor.execute(f"RESET {name}")

    def ts_type(self) -> str:
        return "timestamp"

    def instant(self, expr: str) -> str:
        return f"({expr})::timestamptz"

    def day(self, expr: str) -> str:
        return f"({expr})::date"

    def local_day(self, expr: str) -> str:
        return f"({expr})::date"

    def local_month(self, expr: str) -> str:
        return f"date_trunc('month', {expr})::date"

    def greatest(self, exprs: list[str]) -> str:
        return f"GREATEST({', '.join(exprs)})"

    def distinct(self, left: list[str], right: list[str]) -> str:
        return f"ROW({', '.join(left)}) IS DISTINCT FROM ROW({', '.join(right)})"

    def concat(self, exprs: list[str]) -> str:
        return "concat_ws('|', " + ", ".join(f"coalesce(({e})::text, '')" for e in exprs) + ")"

    def text_agg(self, expr: str) -> str:
        return f"string_agg(({expr})::text, ', ' ORDER BY ({expr}))"

    def date_text(self, expr: str) -> str:
        return f"to_char({expr}, 'DD/MM/YYYY')"


class Sqlite(Dialect):
    vendor = "sqlite"

    def ts_type(self) -> str:
        return "text"

    def param_ts(self, value: datetime | None):
        return None if value is None else value.isoformat(" ", "seconds")

    def param_date(self, value: date | None):
        return None if value is None else value.isoformat()

    def instant(self, expr: str) -> str:
        return f"datetime({expr}, '-7 hours')"

    def day(self, expr: str) -> str:
        return f"date({expr})"

    def local_day(self, expr: str) -> str:
        return f"date({expr}, '+7 hours')"

    def local_month(self, expr: str) -> str:
        return f"date({expr}, '+7 hours', 'start of month')"

    def greatest(self, exprs: list[str]) -> str:
        return "nullif(max(" + ", ".join(f"coalesce({e}, '')" for e in exprs) + "), '')"

    def distinct(self, left: list[str], right: list[str]) -> str:
        return f"({', '.join(left)}) IS NOT ({', '.join(right)})"

    def concat(self, exprs: list[str]) -> str:
        return " || '|' || ".join(f"coalesce({e}, '')" for e in exprs)

    def text_agg(self, expr: str) -> str:
        return f"group_concat({expr}, ', ')"

    def date_text(self, expr: str) -> str:
        return f"strftime('%d/%m/%Y', {expr})"


def dialect_for(connection) -> Dialect:
    if connection.vendor == "postgresql":
        return Postgres()
    if connection.vendor == "sqlite":
        return Sqlite()
    raise NotImplementedError(f"Nhập hồ sơ chưa hỗ trợ cơ sở dữ liệu {connection.vendor}.")
