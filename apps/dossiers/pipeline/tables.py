"""The import's working tables (temporary, per connection) and how rows are written into them.

``clean`` holds one typed row per file row, still with the file's texts for unit, procedure, sector
and agency; ``errs`` one row per problem. Both the PostgreSQL bulk reader and the Python reader fill
them, so every later step is the same whatever read the file.
"""

from __future__ import annotations

from collections.abc import Iterable

from apps.dossiers.pipeline.dialect import Dialect

TEMP_TABLES = ("combos", "errs_checks", "rollup_rows", "tkeys", "touched", "vx", "scope", "v", "dupkeep", "dupdiff", "dupk", "dups", "dues", "cal",
               "m_bad", "m_unit", "m_proc", "m_sector", "m_agency", "m_lephi", "m_kenhthuchien", "m_trangthaihoso",
               "m_duocthanhtoantructuyen", "m_solanbosung", "m_coketquadientu", "m_hosocothanhphansohoa",
               "m_duoctaisudung", "errs", "clean")  # fmt: skip


def clean_columns(d: Dialect) -> list[tuple[str, str]]:
    ts, flag = d.ts_type(), ("boolean" if d.vendor == "postgresql" else "integer")
    return [
        ("n", "bigint"),
        ("code", "text"),
        ("proc_code", "text"),
        ("sector_code", "text"),
        ("unit_name", "text"),
        ("agency_name", "text"),
        ("channel", "integer"),
        ("submitted", ts),
        ("received", ts),
        ("due", ts),
        ("finished", ts),
        ("returned", ts),
        ("status", "integer"),
        ("fee", "bigint"),
        ("paid", "integer"),
        ("supp", "integer"),
        ("supp_req", ts),
        ("supp_done", ts),
        ("e_result", flag),
        ("digitized", flag),
        ("reused", flag),
        ("apology", ts),
    ]


CLEAN_NAMES: list[str] = [
    "n", "code", "proc_code", "sector_code", "unit_name", "agency_name", "channel", "submitted", "received",
    "due", "finished", "returned", "status", "fee", "paid", "supp", "supp_req", "supp_done", "e_result",
    "digitized", "reused", "apology",
]  # fmt: skip


def drop_all(cursor, d: Dialect) -> None:
    """Drop the working tables (a connection may be reused by the next import or request)."""
    for name in (*TEMP_TABLES, "stage"):
        cursor.execute(f"DROP TABLE IF EXISTS {d.work_name(name)}")


def create_base(cursor, d: Dialect, *, clean_table: bool) -> None:
    """``errs`` always; ``clean`` as a table when a Python reader fills it (the PostgreSQL bulk
    reader defines it as a view over its staging table instead)."""
    cursor.execute(f"CREATE {d.work_table} errs (n bigint, code text, col text, msg text)")
    if clean_table:
        cols = ", ".join(f"{name} {kind}" for name, kind in clean_columns(d))
        cursor.execute(f"CREATE {d.work_table} clean ({cols})")


def write_rows(cursor, d: Dialect, table: str, columns: list[str], rows: Iterable[tuple]) -> int:
    """Bulk-write rows: COPY on PostgreSQL, executemany on SQLite."""
    rows = list(rows)
    if not rows:
        return 0
    if d.vendor == "postgresql":
        with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        marks = ", ".join("?" for _ in columns)
        cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
    return len(rows)
