"""The set-based steps every import shares once ``clean`` and ``errs`` are filled: duplicates, the
derived values, which rows are new, changed, unchanged or older, the writes, and the roll-ups.

Derived values here are the SQL twin of ``core.dossiers.timeliness`` (on time, open until,
processing days) and ``core.dossiers.fields.effective_status``; ``tests/apps/dossiers/test_twin.py``
keeps them equal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from apps.dossiers.pipeline.dialect import LOCAL_TZ, Dialect
from apps.dossiers.pipeline.tables import write_rows
from core.dossiers.fields import Status
from core.dossiers.timeliness import computed_due, pause_days

DOSSIER = "dossiers_dossier"
ROLLUP = "dossiers_dossierrollup"
BIG_WRITE = 50_000  # dossiers written by one import after which the planner's statistics are renewed
# The dossier table's columns written by an import, in the order of ``v``.
COLUMNS = [
    "code", "procedure_id", "sector_id", "org_unit_id", "agency_id", "agency_name", "channel", "submitted_at",
    "received_at", "due_at", "due_computed", "finished_at", "returned_at", "status", "fee", "paid_online",
    "supplement_count", "supplement_requested_at", "supplement_completed_at", "has_e_result", "digitized",
    "reused_data", "apology_at", "on_time", "processing_days", "as_of",
]  # fmt: skip
COMPARED = [c for c in COLUMNS if c != "code"]


@dataclass
class Counts:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    older: int = 0
    duplicates: int = 0
    errors: int = 0


def find_duplicates(cursor, d: Dialect) -> int:
    """Codes that appear more than once: identical copies are kept once (the others counted), copies
    with different data are all refused, each naming the other rows."""
    # The planner takes the codes for a few hundred groups and splits them among parallel workers,
    # whose partial groups (every code) are then merged again: one hash table is faster.
    with d.planner(cursor, max_parallel_workers_per_gather="0"):
        cursor.execute(
            f"CREATE {d.work_table} dups AS SELECT code FROM v WHERE code <> '' GROUP BY code HAVING count(*) > 1"
        )
    cursor.execute("SELECT count(*) FROM dups")
    if not cursor.fetchone()[0]:  # the usual case: no join of ``v`` with an empty list
        for table in ("dupk", "dupdiff", "dupkeep"):
            cursor.execute(f"CREATE {d.work_table} {table} (n bigint, code text)")
        return 0
    names = ["proc_raw", "unit_raw", "sector_raw"] + [
        c for c in COMPARED if c not in ("procedure_id", "sector_id", "org_unit_id")
    ]
    content = d.concat([f"c.{n}" for n in names])
    cursor.execute(
        f"CREATE {d.work_table} dupk AS SELECT c.n, c.code, {content} AS content FROM v c JOIN dups u ON u.code = c.code"
    )
    cursor.execute(
        f"CREATE {d.work_table} dupdiff AS SELECT code FROM dupk GROUP BY code HAVING count(DISTINCT content) > 1"
    )
    cursor.execute(
        f"""INSERT INTO errs (n, code, col, msg)
        SELECT k.n, k.code, 'MaHoSo', 'mã hồ sơ “' || k.code || '” trùng với dòng ' ||
          (SELECT {d.text_agg("o.n")} FROM dupk o WHERE o.code = k.code AND o.n <> k.n) || ' nhưng khác dữ liệu.'
        FROM dupk k WHERE k.code IN (SELECT code FROM dupdiff)"""
    )
    cursor.execute(
        f"""CREATE {d.work_table} dupkeep AS SELECT k.n FROM dupk k
        WHERE k.code NOT IN (SELECT code FROM dupdiff) AND k.n > (SELECT min(o.n) FROM dupk o WHERE o.code = k.code)"""
    )
    cursor.execute("SELECT count(*) FROM dupkeep")
    return cursor.fetchone()[0]


def build_calendar(cursor, d: Dialect, cal, first: date, last: date) -> None:
    """``cal``: every day with the number of working days up to it, so working days between two
    days is a subtraction (``WorkCalendar.working_days_between``)."""
    rows, idx, day = [], 0, first
    while day <= last:
        idx += cal.is_working_day(day)
        rows.append((d.param_date(day), idx))
        day += timedelta(days=1)
    kind = "date" if d.vendor == "postgresql" else "text"
    cursor.execute(f"CREATE {d.work_table} cal (d {kind} PRIMARY KEY, idx integer)")
    write_rows(cursor, d, "cal", ["d", "idx"], rows)


def _on_time(d: Dialect, due: str) -> str:
    """Twin of ``timeliness.on_time_finished`` for finished dossiers; NULL for open ones."""
    return (
        "CASE WHEN finished_at IS NULL THEN NULL "
        f"WHEN supplement_count >= 2 OR {due} IS NULL THEN FALSE ELSE finished_at <= {due} END"
    )


def build_valid(cursor, d: Dialect, source: str, now_local: datetime, extra: tuple[str, ...] = ()) -> None:
    """``v``: every read row with its resolved ids (NULL when unknown) and derived values (the stored
    dossier each would update is found by ``classify``). ``source`` is ``clean`` or a subquery shaped
    like it."""
    status = (
        "coalesce(c.status, CASE WHEN c.finished IS NOT NULL THEN (CASE WHEN c.returned IS NOT NULL "
        f"THEN {Status.RETURNED} ELSE {Status.DONE} END) WHEN c.received IS NOT NULL THEN {Status.PROCESSING} "
        f"ELSE {Status.NEW} END)"
    )
    supp = "coalesce(c.supp, CASE WHEN c.supp_req IS NOT NULL THEN 1 ELSE 0 END)"
    on_time = f"CASE WHEN c.finished IS NULL THEN NULL WHEN {supp} >= 2 OR c.due IS NULL THEN FALSE ELSE c.finished <= c.due END"
    pause = "CASE WHEN c.supp_done >= c.supp_req AND cd.idx IS NOT NULL AND cq.idx IS NOT NULL THEN cd.idx - cq.idx ELSE 0 END"
    days = f"CASE WHEN cf.idx IS NULL OR cr.idx IS NULL THEN NULL ELSE {d.greatest(['0', f'cf.idx - cr.idx - {pause}'])} END"
    as_of = d.greatest(
        ["c.submitted", "c.received", "c.finished", "c.returned", "c.supp_req", "c.supp_done", "c.apology"]
    )
    now = d.param_ts(now_local)
    i = d.instant
    cursor.execute(
        f"""CREATE {d.work_table} v AS SELECT c.n,
        c.code AS code, c.proc_code AS proc_raw, c.unit_name AS unit_raw, c.sector_code AS sector_raw,
        p.id AS procedure_id, coalesce(s.id, p.sector_id) AS sector_id, u.id AS org_unit_id,
        a.id AS agency_id, CASE WHEN a.id IS NULL THEN trim(c.agency_name) ELSE '' END AS agency_name,
        c.channel AS channel, {i("c.submitted")} AS submitted_at, {i("c.received")} AS received_at,
        {i("c.due")} AS due_at, (1 = 0) AS due_computed,
        {i("c.finished")} AS finished_at, {i("c.returned")} AS returned_at, {status} AS status, c.status AS status_given,
        c.fee AS fee, c.paid AS paid_online, {supp} AS supplement_count, (c.supp IS NOT NULL) AS count_given,
        {i("c.supp_req")} AS supplement_requested_at, {i("c.supp_done")} AS supplement_completed_at,
        c.e_result AS has_e_result, c.digitized AS digitized, c.reused AS reused_data, {i("c.apology")} AS apology_at,
        {on_time} AS on_time, {days} AS processing_days,
        {i(f"coalesce({as_of}, '{now}')")} AS as_of{"".join(f", c.{e}" for e in extra)}
        FROM {source} c
        LEFT JOIN m_unit u ON u.raw = c.unit_name
        LEFT JOIN m_proc p ON p.raw = c.proc_code
        LEFT JOIN m_sector s ON s.raw = c.sector_code
        LEFT JOIN m_agency a ON a.unit_id = u.id AND a.raw = c.agency_name
        LEFT JOIN cal cr ON cr.d = {d.day("c.received")}
        LEFT JOIN cal cf ON cf.d = {d.day("c.finished")}
        LEFT JOIN cal cq ON cq.d = {d.day("c.supp_req")}
        LEFT JOIN cal cd ON cd.d = {d.day("c.supp_done")}"""
    )


def _moment(value, d: Dialect) -> datetime | None:
    """A ``v`` instant back as a local naive datetime."""
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            return value.astimezone(ZoneInfo(LOCAL_TZ)).replace(tzinfo=None)
        return value
    return datetime.fromisoformat(str(value)) + timedelta(hours=7)  # SQLite stores UTC text


def complete_dues(cursor, d: Dialect, cal, batch: int = 5000) -> int:
    """Appointments of dossiers exported without ``NgayHenTra``, from their procedure's processing
    time (``timeliness.computed_due``), with their on-time verdict; read in batches."""
    cursor.execute(
        f"CREATE {d.work_table} dues (n bigint PRIMARY KEY, due {'timestamptz' if d.vendor == 'postgresql' else 'text'})"
    )
    last, written = -1, 0
    while True:
        cursor.execute(
            f"""SELECT v.n, v.received_at, v.supplement_requested_at, v.supplement_completed_at, p.amount, p.unit
            FROM v JOIN m_proc p ON p.id = v.procedure_id
            WHERE v.due_at IS NULL AND v.received_at IS NOT NULL AND v.n > {last} ORDER BY v.n LIMIT {batch}"""
        )
        found = cursor.fetchall()
        if not found:
            break
        rows = []
        for n, received, req, done, amount, unit in found:
            pause = pause_days(_moment(req, d), _moment(done, d), cal)
            due = computed_due(_moment(received, d), amount, unit, cal, pause)
            if due is not None:
                rows.append(
                    (
                        n,
                        d.param_ts(due - timedelta(hours=7))
                        if d.vendor == "sqlite"
                        else due.replace(tzinfo=ZoneInfo(LOCAL_TZ)),
                    )
                )
        written += write_rows(cursor, d, "dues", ["n", "due"], rows)
        last = found[-1][0]
    if written:
        cursor.execute(
            """UPDATE v SET due_at = (SELECT due FROM dues WHERE dues.n = v.n), due_computed = (1 = 1)
            WHERE n IN (SELECT n FROM dues)"""
        )
        cursor.execute(f"UPDATE v SET on_time = {_on_time(d, 'due_at')} WHERE n IN (SELECT n FROM dues)")
    return written


def report_unresolved(cursor, d: Dialect, bad: dict[str, list[tuple[str, str]]]) -> None:
    """One ``errs`` row per row naming an unknown unit, procedure or sector."""
    columns = {
        "unit_name": ("unit_raw", "DonVi"),
        "proc_code": ("proc_raw", "MaTTHC"),
        "sector_code": ("sector_raw", "MaLinhVuc"),
    }
    for key, items in bad.items():
        col, name = columns[key]
        cursor.execute("DROP TABLE IF EXISTS m_bad")
        cursor.execute(f"CREATE {d.work_table} m_bad (raw text, msg text)")
        write_rows(cursor, d, "m_bad", ["raw", "msg"], items)
        cursor.execute(
            f"INSERT INTO errs (n, code, col, msg) SELECT v.n, v.code, '{name}', b.msg FROM v JOIN m_bad b ON b.raw = v.{col}"
        )
        cursor.execute("DROP TABLE m_bad")


def mark_valid(cursor) -> None:
    """Drop from ``v`` the rows with a problem and the repeated identical copies. A row left without
    a unit or procedure always has its reason in ``errs``; should one not, it is refused here rather
    than written half-resolved."""
    cursor.execute(
        """INSERT INTO errs (n, code, col, msg) SELECT n, code, '', 'không xác định được đơn vị hoặc thủ tục của hồ sơ.'
        FROM v WHERE (org_unit_id IS NULL OR procedure_id IS NULL) AND n NOT IN (SELECT n FROM errs)"""
    )
    cursor.execute("SELECT (SELECT count(*) FROM errs) + (SELECT count(*) FROM dupkeep)")
    if cursor.fetchone()[0]:
        cursor.execute("DELETE FROM v WHERE n IN (SELECT n FROM errs) OR n IN (SELECT n FROM dupkeep)")


def refuse_foreign(cursor, d: Dialect, scope: set[int] | None) -> None:
    """A code that already belongs to a unit outside the importer's scope is refused."""
    if scope is None:
        return
    cursor.execute(f"CREATE {d.work_table} scope (id bigint PRIMARY KEY)")
    write_rows(cursor, d, "scope", ["id"], [(pk,) for pk in scope])
    foreign = f"SELECT v.n FROM v JOIN {DOSSIER} x ON x.code = v.code WHERE x.org_unit_id NOT IN (SELECT id FROM scope)"
    cursor.execute(
        f"""INSERT INTO errs (n, code, col, msg) SELECT v.n, v.code, 'MaHoSo',
        'mã hồ sơ “' || v.code || '” đã có ở một đơn vị mà bạn không có quyền cập nhật.' FROM v
        WHERE v.n IN ({foreign})"""
    )
    cursor.execute(f"DELETE FROM v WHERE n IN ({foreign})")
    cursor.execute("DROP TABLE scope")


def _kept(column: str, stored: str = "x") -> str:
    """What the stored dossier would hold after the update: an apology recorded in CCHC is kept when
    the file has none."""
    return f"coalesce(v.{column}, {stored}.{column})" if column == "apology_at" else f"v.{column}"


def classify(cursor, d: Dialect) -> tuple[int, int, int, int]:
    """(new, changed, unchanged, older) among the valid rows, from one join with the register: each
    row's state goes to ``vx`` (n, state: new / changed / same / older, and the stored row's keys)."""
    changed = d.distinct([f"x.{c}" for c in COMPARED], [_kept(c) for c in COMPARED])
    cursor.execute(
        f"""CREATE {d.work_table} vx AS SELECT v.n, x.id, x.org_unit_id, x.procedure_id, x.received_at,
        CASE WHEN x.id IS NULL THEN 'new' WHEN v.as_of < x.as_of THEN 'older'
             WHEN {changed} THEN 'changed' ELSE 'same' END AS state
        FROM v LEFT JOIN {DOSSIER} x ON x.code = v.code"""
    )
    cursor.execute("SELECT state, count(*) FROM vx GROUP BY state")
    n = dict(cursor.fetchall())
    return n.get("new", 0), n.get("changed", 0), n.get("same", 0), n.get("older", 0)


def note_touched(cursor, d: Dialect, *, all_new: bool = False) -> None:
    """``touched``: the roll-up keys (unit, procedure, month) the new and changed rows fall in, before
    and after the change. ``all_new`` (nothing of the file is stored yet: a first import) skips the
    joins with ``vx``."""
    m = d.local_month
    if all_new:
        cursor.execute(
            f"""CREATE {d.work_table} touched AS SELECT DISTINCT org_unit_id, procedure_id, {m("received_at")} AS month
            FROM v WHERE received_at IS NOT NULL"""
        )
        return
    cursor.execute(
        f"""CREATE {d.work_table} touched AS
        SELECT org_unit_id, procedure_id, {m("received_at")} AS month FROM vx
        WHERE state = 'changed' AND received_at IS NOT NULL
        UNION SELECT v.org_unit_id, v.procedure_id, {m("v.received_at")}
        FROM v JOIN vx ON vx.n = v.n WHERE vx.state IN ('new', 'changed') AND v.received_at IS NOT NULL"""
    )


def write(cursor, d: Dialect, import_id: int | None, *, all_new: bool = False) -> None:
    """Insert the new dossiers and update the changed ones."""
    source = "NULL" if import_id is None else str(int(import_id))
    cols = ", ".join(COLUMNS)
    if all_new:
        cursor.execute(f"INSERT INTO {DOSSIER} ({cols}, source_import_id) SELECT {cols}, {source} FROM v")
        return
    sets = ", ".join(f"{c} = {_kept(c, DOSSIER)}" for c in COMPARED)
    cursor.execute(
        f"""UPDATE {DOSSIER} SET {sets}, source_import_id = {source}
        FROM v JOIN vx ON vx.n = v.n WHERE vx.state = 'changed' AND {DOSSIER}.id = vx.id"""
    )
    cursor.execute(
        f"""INSERT INTO {DOSSIER} ({cols}, source_import_id) SELECT {", ".join(f"v.{c}" for c in COLUMNS)}, {source}
        FROM v JOIN vx ON vx.n = v.n WHERE vx.state = 'new'"""
    )


# What a roll-up reads of a dossier.
ROLLUP_INPUT = ("org_unit_id, sector_id, procedure_id, received_at, due_at, finished_at, status, channel, fee, "
                "paid_online, supplement_count, on_time, processing_days, has_e_result, digitized, reused_data")  # fmt: skip
# The register as it will be once every row of ``v`` is added (all of them new): a first import's
# roll-ups are computed before its rows are written, from the file's rows and the stored ones, not by
# reading back the million rows just written (slower: they no longer fit the server's buffers).
STORED_AND_NEW = f"(SELECT {ROLLUP_INPUT} FROM v UNION ALL SELECT {ROLLUP_INPUT} FROM {DOSSIER})"


def refresh_statistics(cursor, d: Dialect, written: int) -> None:
    """After a large write, PostgreSQL's statistics of the dossier table are renewed at once (a
    sample, well under a second) rather than whenever autovacuum comes by: with the old ones the
    roll-up pass and the next import plan for a table of a few rows and walk a million through an
    index one by one."""
    if d.vendor == "postgresql" and written >= BIG_WRITE:
        cursor.execute(f"ANALYZE {DOSSIER}")


def refresh_rollups(cursor, d: Dialect, dossiers: str = DOSSIER) -> int:
    """Recompute the roll-up rows of the touched (unit, procedure, month) keys from the dossiers (the
    table, or ``STORED_AND_NEW``): one grouped pass over the touched units' dossiers of the touched
    months, keeping the touched keys."""
    cursor.execute(
        f"CREATE {d.work_table} tkeys AS SELECT DISTINCT org_unit_id, procedure_id, month FROM touched"
    )
    cursor.execute("CREATE INDEX tkeys_key ON tkeys (org_unit_id, procedure_id, month)")
    cursor.execute("SELECT count(*), min(month), max(month) FROM tkeys")
    n, first, last = cursor.fetchone()
    if not n:
        return 0
    if d.vendor == "postgresql":
        cursor.execute("ANALYZE tkeys")
    cursor.execute(
        f"""DELETE FROM {ROLLUP} WHERE EXISTS (SELECT 1 FROM tkeys t WHERE t.org_unit_id = {ROLLUP}.org_unit_id
        AND t.procedure_id = {ROLLUP}.procedure_id AND t.month = {ROLLUP}.month)"""
    )
    first = first if isinstance(first, date) else date.fromisoformat(first)
    last = last if isinstance(last, date) else date.fromisoformat(last)
    start = d.instant(f"'{d.param_ts(datetime.combine(first, datetime.min.time()))}'")
    stop_day = (last.replace(day=28) + timedelta(days=4)).replace(day=1)
    stop = d.instant(f"'{d.param_ts(datetime.combine(stop_day, datetime.min.time()))}'")
    open_until = f"CASE WHEN x.finished_at IS NULL AND x.supplement_count <= 1 AND x.due_at IS NOT NULL THEN {d.local_day('x.due_at')} END"
    completed = f"x.finished_at IS NOT NULL AND x.status IN ({', '.join(str(s) for s in sorted(Status.COMPLETED))}) AND x.processing_days IS NOT NULL"
    names = ("org_unit_id, sector_id, procedure_id, month, open_until, received, online, post, fee_due, paid_online, "
             "finished, on_time, open, completed, completed_days, e_result, e_result_known, digitized, "
             "digitized_known, reused, reused_known")  # fmt: skip
    # The grouping is a CREATE TABLE … AS (which PostgreSQL may run in parallel; an INSERT … SELECT
    # it never does), the small result is then kept for the touched keys. The planner cannot know how
    # few groups a million dossiers form (the open-until CASE has no statistics) and would sort them
    # all; hashing them takes half the time.
    with d.planner(cursor, enable_sort="off"):
        cursor.execute(
            f"""CREATE {d.work_table} rollup_rows AS SELECT g.* FROM (
          SELECT x.org_unit_id, x.sector_id, x.procedure_id, {d.local_month("x.received_at")} AS month,
          {open_until} AS open_until, count(*) AS received,
          SUM(CASE WHEN x.channel = 2 THEN 1 ELSE 0 END) AS online, SUM(CASE WHEN x.channel = 3 THEN 1 ELSE 0 END) AS post,
          SUM(CASE WHEN x.fee > 0 THEN 1 ELSE 0 END) AS fee_due, SUM(CASE WHEN x.fee > 0 AND x.paid_online IN (1, 2) THEN 1 ELSE 0 END) AS paid_online,
          SUM(CASE WHEN x.finished_at IS NOT NULL THEN 1 ELSE 0 END) AS finished, SUM(CASE WHEN x.on_time THEN 1 ELSE 0 END) AS on_time,
          SUM(CASE WHEN {open_until} IS NOT NULL THEN 1 ELSE 0 END) AS open,
          SUM(CASE WHEN {completed} THEN 1 ELSE 0 END) AS completed, SUM(CASE WHEN {completed} THEN x.processing_days ELSE 0 END) AS completed_days,
          SUM(CASE WHEN x.finished_at IS NOT NULL AND x.has_e_result THEN 1 ELSE 0 END) AS e_result,
          SUM(CASE WHEN x.finished_at IS NOT NULL AND x.has_e_result IS NOT NULL THEN 1 ELSE 0 END) AS e_result_known,
          SUM(CASE WHEN x.digitized AND (x.finished_at IS NULL OR x.has_e_result IS NULL OR x.has_e_result) THEN 1 ELSE 0 END) AS digitized,
          SUM(CASE WHEN x.digitized IS NOT NULL THEN 1 ELSE 0 END) AS digitized_known,
          SUM(CASE WHEN x.reused_data THEN 1 ELSE 0 END) AS reused, SUM(CASE WHEN x.reused_data IS NOT NULL THEN 1 ELSE 0 END) AS reused_known
          FROM {dossiers} x
          WHERE x.received_at >= {start} AND x.received_at < {stop}
            AND x.org_unit_id IN (SELECT DISTINCT org_unit_id FROM tkeys)
          GROUP BY 1, 2, 3, 4, 5
        ) g
        WHERE EXISTS (SELECT 1 FROM tkeys t WHERE t.org_unit_id = g.org_unit_id AND t.procedure_id = g.procedure_id
                      AND t.month = g.month)"""
        )
    cursor.execute(f"INSERT INTO {ROLLUP} ({names}) SELECT * FROM rollup_rows")
    cursor.execute("DROP TABLE rollup_rows")
    return n


def save_errors(cursor, import_id: int) -> int:
    cursor.execute(
        f"""INSERT INTO dossiers_importrowerror (dossier_import_id, "row", code, "column", message)
        SELECT {int(import_id)}, n, substr(coalesce(code, ''), 1, 200), coalesce(col, ''), substr(msg, 1, 500)
        FROM errs ORDER BY n, col"""
    )
    cursor.execute("SELECT count(DISTINCT n) FROM errs")
    return cursor.fetchone()[0]


def refresh_all_rollups(connection) -> int:
    """Recompute every roll-up from the dossiers (after a calendar or catalogue correction); call
    inside a transaction."""
    from apps.dossiers.pipeline.dialect import dialect_for

    cursor = connection.cursor().cursor
    d = dialect_for(connection)
    if d.vendor == "postgresql":  # the import's settings, for this transaction only
        cursor.execute(f"SET LOCAL timezone TO '{LOCAL_TZ}'")
        d.enter_work_schema(cursor, transaction_only=True)
    for name in ("tkeys", "touched", "rollup_rows"):
        cursor.execute(f"DROP TABLE IF EXISTS {d.work_name(name)}")
    cursor.execute(
        f"""CREATE {d.work_table} touched AS SELECT DISTINCT org_unit_id, procedure_id, {d.local_month("received_at")} AS month
        FROM {DOSSIER} WHERE received_at IS NOT NULL"""
    )
    cursor.execute(f"DELETE FROM {ROLLUP}")
    n = refresh_rollups(cursor, d)
    for name in ("tkeys", "touched"):
        cursor.execute(f"DROP TABLE {d.work_name(name)}")
    return n
