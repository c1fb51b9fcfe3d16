"""PostgreSQL: the import's working tables are unlogged tables of their own schema (so parallel
workers can read them), never left behind, and a crashed import's leftovers do not stop the next."""

from __future__ import annotations

import pytest
from django.db import connection

from apps.dossiers.models import Dossier
from apps.dossiers.pipeline import apply
from apps.dossiers.pipeline.dialect import WORK_SCHEMA
from tests.apps.dossiers.conftest import row

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's working tables")


def _work_tables(cursor) -> dict[str, str]:
    cursor.execute(
        """SELECT c.relname, c.relpersistence FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = %s AND c.relkind = 'r'""",
        [WORK_SCHEMA],
    )
    return dict(cursor.fetchall())


def test_working_tables_are_unlogged_in_their_schema_and_dropped(
    world, catalogue, write_csv, run, monkeypatch
):
    seen: dict[str, str] = {}
    classify = apply.classify

    def spy(cursor, d):
        seen.update(_work_tables(cursor))
        return classify(cursor, d)

    monkeypatch.setattr(apply, "classify", spy)
    out = run(write_csv([row(), row(MaHoSo="HS-2")]))
    assert out.fast and out.created == 2
    assert seen["stage"] == "u" and seen["v"] == "u" and seen["errs"] == "u"  # u: unlogged
    with connection.cursor() as cursor:
        assert _work_tables(cursor) == {}
        cursor.execute("SHOW search_path")
        assert WORK_SCHEMA not in cursor.fetchone()[0]  # the session is given back as it was


def test_a_failed_import_leaves_no_working_table(world, catalogue, write_csv, run, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("mất kết nối")

    monkeypatch.setattr(apply, "write", broken)
    with pytest.raises(RuntimeError):
        run(write_csv([row()]))
    with connection.cursor() as cursor:
        assert _work_tables(cursor) == {}
    assert not Dossier.objects.exists()


def test_leftovers_of_a_crashed_import_do_not_stop_the_next(world, catalogue, write_csv, run):
    with connection.cursor() as cursor:  # what a process killed mid-import leaves
        cursor.execute(f"CREATE UNLOGGED TABLE {WORK_SCHEMA}.stage (n bigint, c0 text)")
        cursor.execute(f"CREATE UNLOGGED TABLE {WORK_SCHEMA}.v (n bigint)")
    assert run(write_csv([row()])).created == 1
    with connection.cursor() as cursor:
        assert _work_tables(cursor) == {}


def test_a_planner_setting_lasts_one_statement_even_when_it_fails(db):
    """The failure is the one raised (not "current transaction is aborted"), and the setting is gone
    afterwards, whether the rollback or the RESET removed it."""
    import psycopg
    from django.db import transaction

    from apps.dossiers.pipeline.dialect import dialect_for

    d = dialect_for(connection)
    cursor = connection.cursor().cursor
    with pytest.raises(psycopg.errors.DivisionByZero):
        with transaction.atomic(), d.planner(cursor, enable_sort="off"):
            cursor.execute("SELECT 1 / 0")
    cursor.execute("SHOW enable_sort")
    assert cursor.fetchone()[0] == "on"
    with d.planner(cursor, enable_sort="off"):
        cursor.execute("SHOW enable_sort")
        assert cursor.fetchone()[0] == "off"
    cursor.execute("SHOW enable_sort")
    assert cursor.fetchone()[0] == "on"
