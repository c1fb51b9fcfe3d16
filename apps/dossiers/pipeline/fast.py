"""The PostgreSQL bulk reader: the CSV streamed by COPY into a staging table, read by SQL.

This is the SQL twin of ``core.dossiers.fields.read_row``/``check_row``: dates are accepted in
exactly the shapes of ``DATE_SHAPES`` (PostgreSQL's own parser reads them, under DateStyle DMY);
low-cardinality columns (channel, status, fee, flags, ...) are read by the Python readers once per
distinct value. A value the SQL cannot read safely (an impossible date, a malformed line) raises
``Fallback``: the caller rolls the bulk reader's work back and reads the file with the Python reader,
which explains every bad row. ``tests/apps/dossiers/test_twin.py`` keeps the two readers equal.
"""

from __future__ import annotations

import psycopg

from apps.dossiers.pipeline.dialect import Dialect
from apps.dossiers.pipeline.source import Source
from core.dossiers import fields as F

CHUNK = 1 << 20
INLINE_LIMIT = 200  # distinct values above which a column is read through a join, not a CASE


class Fallback(Exception):
    """The bulk reader leaves this file to the Python reader (the reason is kept for the log)."""


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _shape_feature(shape: str) -> int:
    """What the bulk reader sees of a date text cheaply: its length and the first position of each
    separator, packed in one number (the SQL twin is ``_feature_sql``). With PostgreSQL's parser
    refusing what is not a date at all, this is enough to take exactly the shapes of ``DATE_SHAPES``
    (a time written without its colon, a two-digit year, a year-first date with slashes are not)."""
    value = len(shape)
    for sep in "/-:":
        value = value * 100 + (shape.find(sep) + 1)
    return value


VALID_FEATURES = frozenset(_shape_feature(s) for s in F.DATE_SHAPES) | {0}  # 0: an empty text


def _feature_sql(col: str) -> str:
    out = f"length({col})::bigint"
    for sep in "/-:":
        out = f"({out} * 100 + strpos({col}, '{sep}'))"
    return out


def _ts_sql(col: str) -> str:
    """A date text as a local timestamp, by PostgreSQL's parser (DateStyle DMY); the compact national
    form gets its date/time separator first. Raises on an impossible date (31/02)."""
    # an 8-character text must be digits (the parser would also take words such as 'infinity')
    return (
        f"(CASE WHEN length({col}) = 14 THEN left({col}, 8) || 'T' || right({col}, 6) "
        f"WHEN length({col}) = 8 THEN ({col}::integer)::text ELSE nullif({col}, '') END)::timestamp"
    )


def copy_stage(cursor, d: Dialect, source: Source) -> int:
    """Stream the file's data lines into ``stage``; the number of rows read."""
    cols = ", ".join(f"c{i}" for i in range(len(source.header)))
    cursor.execute(
        f"CREATE {d.work_table} stage (n bigserial, {', '.join(f'c{i} text' for i in range(len(source.header)))})"
    )
    delimiter = "E'\\t'" if source.delimiter == "\t" else _lit(source.delimiter)
    sql = (
        f"COPY stage ({cols}) FROM STDIN (FORMAT csv, DELIMITER {delimiter}, ENCODING '{source.pg_encoding}')"
    )
    try:
        with source.path.open("rb") as f, cursor.copy(sql) as copy:
            f.seek(source.data_offset)
            while chunk := f.read(CHUNK):
                copy.write(chunk)
    except psycopg.DataError as exc:  # a line with too many or too few fields, a bad byte
        raise Fallback(str(exc).splitlines()[0]) from exc
    return cursor.rowcount  # progress is reported after, not during, the COPY


# canonical column -> (reader of one raw value, value for an absent column)
_LOW = {
    "KenhThucHien": (F.parse_channel, 1),
    "TrangThaiHoSo": (F.parse_status, None),
    "LePhi": (F.parse_fee, None),
    "DuocThanhToanTrucTuyen": (F.parse_payment, None),
    "SoLanBoSung": (lambda v: F.parse_count(v), None),
    "CoKetQuaDienTu": (lambda v: F.parse_flag(v, "CoKetQuaDienTu"), None),
    "HoSoCoThanhPhanSoHoa": (lambda v: F.parse_flag(v, "HoSoCoThanhPhanSoHoa"), None),
    "DuocTaiSuDung": (lambda v: F.parse_flag(v, "DuocTaiSuDung"), None),
}
NAME_COLUMNS = {
    "DonVi": "unit_name",
    "MaTTHC": "proc_code",
    "MaLinhVuc": "sector_code",
    "DonViXuLy": "agency_name",
}


def name_sql(source: Source, column: str) -> str:
    """A text column as the rows carry it (composed Vietnamese for a Windows-1258 file)."""
    c = f"c{source.columns[column]}" if column in source.columns else None
    if not c:
        return "''"
    if source.encoding == "cp1258":  # tone marks as separate characters: compose them
        return f"normalize(coalesce({c}, ''), NFC)"
    return f"coalesce({c}, '')"


def distinct_values(cursor, d: Dialect, source: Source) -> dict[str, list[str | None]]:
    """Every distinct value of the low-cardinality (raw) and name columns (as rows carry them): the
    distinct combinations first, in a CREATE TABLE … AS that parallel workers share (GROUPING SETS
    over the million rows would run on one core), then each column's values from those few rows."""
    wanted = [c for c in list(_LOW) + list(NAME_COLUMNS) if c in source.columns]
    if not wanted:
        return {}
    cols = [name_sql(source, c) if c in NAME_COLUMNS else f"c{source.columns[c]}" for c in wanted]
    keys = [f"k{i}" for i in range(len(cols))]
    listed = ", ".join(f"{c} AS {k}" for c, k in zip(cols, keys, strict=True))
    cursor.execute(f"CREATE {d.work_table} combos AS SELECT {listed} FROM stage GROUP BY {', '.join(keys)}")
    sets = ", ".join(f"({k})" for k in keys)
    flags = ", ".join(f"GROUPING({k})" for k in keys)
    cursor.execute(f"SELECT {flags}, {', '.join(keys)} FROM combos GROUP BY GROUPING SETS ({sets})")
    out: dict[str, list[str | None]] = {c: [] for c in wanted}
    k = len(cols)
    for row in cursor.fetchall():
        i = row[:k].index(0)
        out[wanted[i]].append(row[k + i])
    cursor.execute("DROP TABLE combos")
    return out


def _sql_value(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(int(value))


def _low_column(cursor, d: Dialect, column: str, raw_col: str, values: list[str | None], bad: list) -> str:
    """The SQL expression of a low-cardinality column, with its unreadable values noted in ``bad``."""
    reader, _absent = _LOW[column]
    mapping: dict[str | None, str] = {}
    for raw in values:
        try:
            mapping[raw] = _sql_value(reader("" if raw is None else raw))
        except F.FieldError as exc:
            mapping[raw] = "NULL"
            bad.append((column, raw_col, raw, str(exc)))
    if len(mapping) > INLINE_LIMIT:
        table = f"m_{column.lower()}"
        cursor.execute(f"DROP TABLE IF EXISTS {table}")
        cursor.execute(f"CREATE {d.work_table} {table} (raw text, val bigint)")
        rows = [(raw, None if v == "NULL" else int(v == "true") if v in ("true", "false") else int(v))
                for raw, v in mapping.items() if raw is not None]  # fmt: skip
        with cursor.copy(f"COPY {table} (raw, val) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        cast = "::boolean" if column in F.FLAG_COLUMNS else ""
        return f"(CASE WHEN {raw_col} IS NULL THEN {mapping.get(None, 'NULL')} ELSE (SELECT val FROM {table} WHERE raw = {raw_col}){cast} END)"
    whens = " ".join(f"WHEN {_lit(raw)} THEN {v}" for raw, v in mapping.items() if raw is not None)
    null_value = mapping.get(None, _sql_value(reader("")))
    if not whens:  # every cell empty
        return f"({null_value})"
    return f"(CASE WHEN {raw_col} IS NULL THEN {null_value} ELSE (CASE {raw_col} {whens} END) END)"


def source_query(cursor, d: Dialect, source: Source, distinct: dict[str, list]) -> str:
    """The staged rows read by SQL, as a subquery shaped like ``clean`` (each value parsed once);
    the unreadable low-cardinality values go to ``errs`` now."""

    def raw(column: str) -> str | None:
        return f"c{source.columns[column]}" if column in source.columns else None

    def text(column: str) -> str:
        return name_sql(source, column)

    def ts(column: str) -> str:
        c = raw(column)
        return _ts_sql(c) if c else "NULL::timestamp"

    bad: list = []
    low = {}
    for column, (_reader, absent) in _LOW.items():
        c = raw(column)
        low[column] = (
            _low_column(cursor, d, column, c, distinct.get(column, []), bad) if c else _sql_value(absent)
        )
    for column, raw_col, value, message in bad:
        cursor.execute(
            f"INSERT INTO errs SELECT n + 1, btrim({text('MaHoSo')}), %s, %s FROM stage WHERE {raw_col} IS NOT DISTINCT FROM %s",
            [column, message, value],
        )
    features = ", ".join(str(f) for f in sorted(VALID_FEATURES))
    dates = [raw(c) for c in F.DATE_COLUMNS if raw(c)]
    shapes_ok = " AND ".join(f"coalesce({_feature_sql(c)} IN ({features}), true)" for c in dates) or "true"
    return f"""(SELECT n + 1 AS n, btrim({text("MaHoSo")}) AS code, {text("MaTTHC")} AS proc_code,
        {text("MaLinhVuc")} AS sector_code, {text("DonVi")} AS unit_name, {text("DonViXuLy")} AS agency_name,
        {low["KenhThucHien"]}::integer AS channel, {ts("NgayNopHoSo")} AS submitted, {ts("NgayTiepNhan")} AS received,
        {ts("NgayHenTra")} AS due, {ts("NgayKetThucXuLy")} AS finished, {ts("NgayTra")} AS returned,
        {low["TrangThaiHoSo"]}::integer AS status, {low["LePhi"]}::bigint AS fee,
        {low["DuocThanhToanTrucTuyen"]}::integer AS paid, {low["SoLanBoSung"]}::integer AS supp,
        {ts("NgayYeuCauBoSung")} AS supp_req, {ts("NgayHoanThanhBoSung")} AS supp_done,
        {low["CoKetQuaDienTu"]}::boolean AS e_result, {low["HoSoCoThanhPhanSoHoa"]}::boolean AS digitized,
        {low["DuocTaiSuDung"]}::boolean AS reused, {ts("NgayXinLoi")} AS apology, {shapes_ok} AS shapes_ok
        FROM stage OFFSET 0)"""


def check_dates(cursor) -> None:
    """Dates in a shape the Python reader does not take, or outside its years: leave the file to it
    (it explains them row by row)."""
    cols = ["submitted_at", "received_at", "due_at", "finished_at", "returned_at", "supplement_requested_at",
            "supplement_completed_at", "apology_at"]  # fmt: skip
    cursor.execute(
        "SELECT bool_and(shapes_ok), " + ", ".join(f"min({c}), max({c})" for c in cols) + " FROM v"
    )
    shapes_ok, *bounds = cursor.fetchone()
    if shapes_ok is False:
        raise Fallback("có ngày viết theo dạng khác ba dạng chuẩn")
    low, high = f"{F.MIN_YEAR}-01-01", f"{F.MAX_YEAR + 1}-01-01"
    for value in bounds:
        if value is not None and not (low <= value.strftime("%Y-%m-%d") < high):
            raise Fallback(f"năm {value.year} ngoài khoảng {F.MIN_YEAR}-{F.MAX_YEAR}")


def check_rows(cursor, d: Dialect) -> None:
    """The SQL twin of ``check_row``, over ``v``: every rule a dossier must satisfy, as ``errs``
    rows; the messages are built only for the rows that break a rule."""
    dt = d.date_text
    completed = ", ".join(str(s) for s in sorted(F.Status.COMPLETED))
    not_received = ", ".join(str(s) for s in sorted(F.Status.NOT_YET_RECEIVED))
    status_label = (
        "CASE status_given "
        + " ".join(f"WHEN {k} THEN {_lit(v)}" for k, v in F.Status.LABELS.items())
        + " END"
    )
    day = "({})::date".format
    rules = [
        ("MaHoSo", "code = ''", "'thiếu mã hồ sơ.'"),
        ("MaHoSo", f"length(code) > {F.MAX_CODE}", f"'mã hồ sơ dài quá {F.MAX_CODE} ký tự.'"),
        ("MaTTHC", "btrim(proc_raw) = ''", "'thiếu mã thủ tục hành chính.'"),
        ("DonVi", "btrim(unit_raw) = ''", "'thiếu tên đơn vị.'"),
        ("NgayTiepNhan", f"received_at IS NULL AND coalesce(status_given, 0) NOT IN ({not_received})",
         "'thiếu ngày tiếp nhận.'"),
    ]  # fmt: skip
    for column, col, what in (("NgayKetThucXuLy", "finished_at", "kết thúc xử lý"), ("NgayTra", "returned_at", "trả kết quả"),
                              ("NgayHenTra", "due_at", "hẹn trả")):  # fmt: skip
        rules.append((column, f"{day(col)} < {day('received_at')}",
                      f"'ngày {what} ' || {dt(col)} || ' trước ngày tiếp nhận ' || {dt('received_at')} || '.'"))  # fmt: skip
    rules += [
        ("NgayNopHoSo", f"{day('submitted_at')} > {day('received_at')}",
         f"'ngày nộp ' || {dt('submitted_at')} || ' sau ngày tiếp nhận ' || {dt('received_at')} || '.'"),
        ("NgayTra", f"{day('returned_at')} < {day('finished_at')}", "'ngày trả kết quả trước ngày kết thúc xử lý.'"),
        ("NgayKetThucXuLy", f"status_given IN ({completed}) AND finished_at IS NULL",
         f"'trạng thái “' || {status_label} || '” nhưng thiếu ngày kết thúc xử lý.'"),
        ("SoLanBoSung", "count_given AND supplement_count = 0 AND supplement_requested_at IS NOT NULL",
         "'SoLanBoSung là 0 nhưng có ngày yêu cầu bổ sung.'"),
        ("NgayHoanThanhBoSung", "supplement_completed_at < supplement_requested_at",
         "'ngày hoàn thành bổ sung trước ngày yêu cầu bổ sung.'"),
    ]  # fmt: skip
    anyone = " OR ".join(f"coalesce({cond}, false)" for _c, cond, _m in rules)
    values = ", ".join(f"({_lit(col)}, CASE WHEN {cond} THEN {msg} END)" for col, cond, msg in rules)
    # a CREATE TABLE … AS scans ``v`` with parallel workers (an INSERT … SELECT would not)
    cursor.execute(
        f"""CREATE {d.work_table} errs_checks AS
        SELECT c.n, c.code, x.col, x.msg FROM (SELECT * FROM v WHERE {anyone}) c
        CROSS JOIN LATERAL (VALUES {values}) x(col, msg) WHERE x.msg IS NOT NULL"""
    )
    cursor.execute("INSERT INTO errs (n, code, col, msg) SELECT n, code, col, msg FROM errs_checks")
    cursor.execute("DROP TABLE errs_checks")
