"""Benchmark the dossier register: a province's year (1,000,000 dossiers of 200 communes) imported and
measured, every figure of issue 11 printed side by side in one run.

    .venv/bin/python bench/dossiers.py [--rows 1000000] [--communes 200] [--dir /tmp/cchc-bench-dossiers]
        [--pg postgres://postgres@127.0.0.1:5432/cchc_dossiers_bench] [--skip-sqlite]

The canonical CSV is generated once into --dir (``core.dossiers.synthetic``, dates yyyyMMddHHmmss).
Each step runs in its own process (its peak memory is read from the kernel): a raw COPY of the file
into a bare text table (the baseline), the import into PostgreSQL, the same file again (must change
nothing and take no longer), all indicators of the province-year and of one commune-quarter from
the roll-ups, the same aggregation by DuckDB straight over the CSV, and the import into SQLite. The
PostgreSQL database named by --pg is dropped and created afresh.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PROVINCE = "tỉnh Thử Nghiệm"
YEAR = 2025
AS_OF = datetime(2025, 12, 20, 17, 0)


def _django(database_url: str, var_dir: Path) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ["CCHC_VAR_DIR"] = str(var_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cchc.settings")
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    import django

    django.setup()


def communes(n: int) -> list[str]:
    return [f"xã Thử Nghiệm {i:03d}" for i in range(n)]


# --- child steps (each prints one JSON line) ---------------------------------------------------------


def step_generate(args) -> dict:
    from core.dossiers.synthetic import generate, write_csv
    from core.workdays import WorkCalendar

    started = time.perf_counter()
    per = args.rows // args.communes
    with open(args.file, "w", encoding="utf-8", newline="") as out:
        n = write_csv(out, generate(communes(args.communes), per, date(YEAR, 1, 1), date(YEAR, 12, 19), AS_OF,
                                    WorkCalendar().is_working_day, seed=766))  # fmt: skip
    return {"rows": n, "seconds": time.perf_counter() - started}


def step_setup(args) -> dict:
    _django(args.db, Path(args.dir))
    from django.core.management import call_command

    from apps.dossiers.demo import load_catalogue
    from apps.orgs.models import OrgUnit

    call_command("migrate", verbosity=0)
    province, _ = OrgUnit.objects.get_or_create(name=PROVINCE, parent=None, defaults={"level": "province"})
    existing = set(OrgUnit.objects.filter(parent=province).values_list("name", flat=True))
    OrgUnit.objects.bulk_create(
        OrgUnit(name=name, level="commune", parent=province)
        for name in communes(args.communes)
        if name not in existing
    )
    load_catalogue()
    return {}


def step_rawcopy(args) -> dict:
    """The baseline: the same file into a bare table of text columns, no index, by COPY."""
    import psycopg

    header = Path(args.file).open(encoding="utf-8").readline().strip().split(",")
    with psycopg.connect(args.db.replace("postgres://", "postgresql://"), autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS bench_bare")
        conn.execute("CREATE TABLE bench_bare (" + ", ".join(f'"{c}" text' for c in header) + ")")
        started = time.perf_counter()
        with (
            conn.cursor() as cur,
            open(args.file, "rb") as f,
            cur.copy("COPY bench_bare FROM STDIN (FORMAT csv, HEADER true)") as copy,
        ):
            while chunk := f.read(1 << 20):
                copy.write(chunk)
        seconds = time.perf_counter() - started
        conn.execute("DROP TABLE bench_bare")
    return {"seconds": seconds}


def _checksum() -> list:
    from django.db.models import Count, Max, Sum

    from apps.dossiers.models import Dossier, DossierRollup

    d = Dossier.objects.aggregate(
        n=Count("pk"), ids=Sum("pk"), last=Max("as_of"), late=Count("pk", filter=None)
    )
    r = DossierRollup.objects.aggregate(n=Count("pk"), received=Sum("received"), on_time=Sum("on_time"))
    return [d["n"], d["ids"], str(d["last"]), r["n"], r["received"], r["on_time"]]


def step_import(args) -> dict:
    _django(args.db, Path(args.dir))
    from apps.dossiers.pipeline import ImportRequest, import_file
    from core.workdays import WorkCalendar

    before = _checksum()
    started = time.perf_counter()
    out = import_file(Path(args.file), ImportRequest(calendar=WorkCalendar()))
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds, "rows": out.rows, "created": out.created, "updated": out.updated,
        "unchanged": out.unchanged, "errors": out.errors, "fast": out.fast, "fallback": out.fallback,
        "timings": out.timings, "before": before, "after": _checksum(),
    }  # fmt: skip


def step_indicators(args) -> dict:
    _django(args.db, Path(args.dir))
    from apps.indicators import engine
    from apps.orgs.models import OrgUnit
    from core.measures import calendar_period

    province = OrgUnit.objects.get(name=PROVINCE, parent=None)
    commune = OrgUnit.objects.get(name=communes(args.communes)[7], parent=province)

    def timed(unit, code, runs):
        period = calendar_period(code)
        times, result = [], None
        for _ in range(runs):
            started = time.perf_counter()
            result = engine.evaluate(unit, period)
            times.append(time.perf_counter() - started)
        return times, result

    year_times, year = timed(province, f"{YEAR}-Y", 5)
    quarter_times, _q = timed(commune, f"{YEAR}-Q3", 20)
    c = year.counts
    return {
        "year_first": year_times[0], "year_median": statistics.median(year_times),
        "quarter_first": quarter_times[0], "quarter_median": statistics.median(quarter_times),
        "counts": {"received": c.received, "on_time": c.on_time, "online": c.online, "fee_due": c.fee_due,
                   "paid_online": c.paid_online, "finished": c.finished, "e_result": c.e_result, "reused": c.reused},
        "values": {r.code: r.value for r in year.results if r.value is not None},
        "total_points": year.total_points,
    }  # fmt: skip


def step_duckdb(args) -> dict:
    import duckdb

    ts = "strptime(NULLIF({}, ''), '%Y%m%d%H%M%S')"
    sql = f"""
    WITH d AS (
      SELECT {ts.format("NgayTiepNhan")} AS received, {ts.format("NgayHenTra")} AS due,
             {ts.format("NgayKetThucXuLy")} AS finished, CAST(KenhThucHien AS INT) AS channel,
             CAST(LePhi AS BIGINT) AS fee, CAST(DuocThanhToanTrucTuyen AS INT) AS paid,
             CAST(SoLanBoSung AS INT) AS supp, CoKetQuaDienTu = '1' AS e_result, DuocTaiSuDung = '1' AS reused
      FROM read_csv('{args.file}', header = true, all_varchar = true))
    SELECT count(*) AS received,
      sum(CASE WHEN finished IS NOT NULL THEN (supp <= 1 AND finished <= due)::INT
               ELSE (supp <= 1 AND due IS NOT NULL AND CAST(due AS DATE) >= DATE '{YEAR}-12-31')::INT END) AS on_time,
      sum((channel = 2)::INT) AS online, sum((fee > 0)::INT) AS fee_due,
      sum((fee > 0 AND paid IN (1, 2))::INT) AS paid_online, sum((finished IS NOT NULL)::INT) AS finished,
      sum((finished IS NOT NULL AND e_result)::INT) AS e_result, sum(reused::INT) AS reused
    FROM d WHERE received >= TIMESTAMP '{YEAR}-01-01' AND received < TIMESTAMP '{YEAR + 1}-01-01'"""
    con = duckdb.connect()
    started = time.perf_counter()
    row = con.execute(sql).fetchone()
    seconds = time.perf_counter() - started
    names = ["received", "on_time", "online", "fee_due", "paid_online", "finished", "e_result", "reused"]
    return {"seconds": seconds, "counts": dict(zip(names, [int(v) for v in row], strict=True))}


STEPS = {"generate": step_generate, "setup": step_setup, "rawcopy": step_rawcopy, "import": step_import,
         "indicators": step_indicators, "duckdb": step_duckdb}  # fmt: skip


# --- the parent: runs each step in a child process and prints the table ------------------------------


def run(step: str, args, db: str) -> dict:
    cmd = [sys.executable, __file__, "--child", step, "--file", args.file, "--db", db, "--dir", args.dir,
           "--rows", str(args.rows), "--communes", str(args.communes)]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    out = proc.stdout.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise SystemExit(f"bước {step} thất bại:\n{out.decode(errors='replace')}")
    result = json.loads(out.decode().strip().splitlines()[-1])
    result["peak_mb"] = usage.ru_maxrss / 1024
    return result


def _fresh_pg(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0].replace("postgres://", "postgresql://") + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--communes", type=int, default=200)
    p.add_argument("--dir", default="/tmp/cchc-bench-dossiers")
    p.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432/cchc_dossiers_bench")
    p.add_argument("--skip-sqlite", action="store_true")
    p.add_argument("--child")
    p.add_argument("--file")
    p.add_argument("--db")
    args = p.parse_args()
    if args.child:
        print(json.dumps(STEPS[args.child](args), default=str))
        return
    Path(args.dir).mkdir(parents=True, exist_ok=True)
    args.file = str(Path(args.dir) / f"ho-so-{args.rows}-{args.communes}.csv")
    print(f"Máy: {os.cpu_count()} lõi, tải trung bình {os.getloadavg()[0]:.1f} lúc bắt đầu.")
    if not Path(args.file).exists():
        g = run("generate", args, "")
        print(f"Sinh tệp {args.file}: {g['rows']:,} hồ sơ trong {g['seconds']:.1f} s")
    size = Path(args.file).stat().st_size
    _fresh_pg(args.pg)
    run("setup", args, args.pg)
    raw = run("rawcopy", args, args.pg)
    pg = run("import", args, args.pg)
    again = run("import", args, args.pg)
    ind = run("indicators", args, args.pg)
    duck = run("duckdb", args, "")
    lite = lite_again = None
    if not args.skip_sqlite:
        sqlite_url = f"sqlite:///{Path(args.dir) / 'bench.sqlite3'}"
        for suffix in ("", "-wal", "-shm"):
            Path(args.dir, "bench.sqlite3" + suffix).unlink(missing_ok=True)
        run("setup", args, sqlite_url)
        lite = run("import", args, sqlite_url)
        lite_again = run("import", args, sqlite_url)
    report(args, size, raw, pg, again, ind, duck, lite, lite_again)


def _ok(flag: bool) -> str:
    return "đạt" if flag else "KHÔNG ĐẠT"


def report(args, size, raw, pg, again, ind, duck, lite, lite_again) -> None:
    n = pg["rows"]
    print(f"\nTệp: {n:,} hồ sơ, {args.communes} xã, {size / 1024**2:.0f} MB (CSV chuẩn)\n")
    rows = [
        ("COPY thô vào bảng trần (PostgreSQL)", raw["seconds"], raw["peak_mb"], ""),
        ("Nhập vào PostgreSQL", pg["seconds"], pg["peak_mb"],
         f"< 20 s: {_ok(pg['seconds'] < 20)}; {pg['seconds'] / raw['seconds']:.2f}x COPY thô (≤ 3x: "
         f"{_ok(pg['seconds'] <= 3 * raw['seconds'])}); {pg['created']:,} mới, {pg['errors']} lỗi"),
        ("Nhập lại cùng tệp (PostgreSQL)", again["seconds"], again["peak_mb"],
         f"không đổi gì: {_ok(again['created'] == 0 and again['updated'] == 0 and again['before'] == again['after'])}"
         f" ({again['unchanged']:,} không đổi); không lâu hơn: {_ok(again['seconds'] <= pg['seconds'])}"),
    ]  # fmt: skip
    if lite:
        rows += [
            ("Nhập vào SQLite", lite["seconds"], lite["peak_mb"], f"< 60 s: {_ok(lite['seconds'] < 60)}"),
            ("Nhập lại cùng tệp (SQLite)", lite_again["seconds"], lite_again["peak_mb"],
             f"không đổi gì: {_ok(lite_again['created'] == 0 and lite_again['updated'] == 0)}; không lâu hơn: "
             f"{_ok(lite_again['seconds'] <= lite['seconds'])}"),
        ]  # fmt: skip
    rows += [
        ("Chỉ số tỉnh cả năm (lần đầu / trung vị)", ind["year_first"], None,
         f"trung vị {ind['year_median'] * 1000:.0f} ms; < 1 s: {_ok(ind['year_first'] < 1)}"),
        ("Chỉ số một xã một quý (lần đầu / trung vị)", ind["quarter_first"], None,
         f"trung vị {ind['quarter_median'] * 1000:.1f} ms; < 100 ms: {_ok(ind['quarter_median'] < 0.1)}"),
        ("DuckDB: cùng phép tổng hợp trên tệp CSV", duck["seconds"], duck["peak_mb"], "đối chiếu"),
    ]  # fmt: skip
    print(f"{'Bước':46} {'Thời gian':>11} {'Bộ nhớ':>9}  Ghi chú")
    for name, seconds, mb, note in rows:
        memory = f"{mb:7.0f} MB" if mb is not None else " " * 10
        print(f"{name:46} {seconds:9.3f} s {memory}  {note}")
    peaks = [r["peak_mb"] for r in (pg, again, lite, lite_again) if r]
    print(f"\nBộ nhớ lớn nhất của tiến trình nhập: {max(peaks):.0f} MB (< 300 MB: {_ok(max(peaks) < 300)})")
    print("Các bước nhập PostgreSQL (giây):", ", ".join(f"{k} {v:.2f}" for k, v in pg["timings"].items()))
    steps = pg["timings"]
    floor = steps.get("copy", 0) + steps.get("write", 0)
    print(f"Sàn của tỷ lệ: đọc tệp bằng COPY ({steps.get('copy', 0):.2f} s) + ghi {n:,} hồ sơ vào sổ (bảng, WAL, "
          f"3 chỉ mục: {steps.get('write', 0):.2f} s) = {floor:.2f} s = {floor / raw['seconds']:.2f}x COPY thô; "
          f"phần còn lại ({pg['seconds'] - floor:.2f} s) là đọc ngày, đối chiếu, kiểm tra và tổng hợp.")  # fmt: skip
    if lite:
        print("Các bước nhập SQLite (giây):", ", ".join(f"{k} {v:.2f}" for k, v in lite["timings"].items()))
    print("\nTỉnh cả năm: CCHC (từ số liệu tổng hợp) và DuckDB (từ tệp CSV)")
    for key, value in ind["counts"].items():
        other = duck["counts"][key]
        print(f"  {key:12} {value:>10,} {other:>10,}  {'khớp' if value == other else 'KHÁC'}")
    print(f"Tổng điểm QĐ 766 của tỉnh năm {YEAR}: {ind['total_points']}")


if __name__ == "__main__":
    main()
