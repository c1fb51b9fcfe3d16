"""Believable one-stop dossiers for the demo and the benchmarks, reproducible from a seed.

The shape follows what commune one-stop centres handle: civil-status and certification requests
dominate, land dossiers are few but slow; about half are submitted online; most finish before
their appointment; one in twelve asks the citizen for more papers, one in a hundred twice (which
makes it late); a few are still open at the cut-off day. The procedure codes and names below are a
small illustrative catalogue, not the national one.
"""

from __future__ import annotations

import bisect
import csv
import io
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from core.dossiers.fields import CANONICAL_COLUMNS, OPTIONAL_COLUMNS


@dataclass(frozen=True)
class DemoProcedure:
    code: str
    name: str
    sector_code: str
    days: int  # processing time in working days
    fee: int  # đồng, 0 when free
    online_level: str  # none / partial / full
    weight: int  # relative frequency at a commune centre
    agency: str  # the commune office that handles it


SECTORS: tuple[tuple[str, str], ...] = (
    ("HT", "Hộ tịch"),
    ("CT", "Chứng thực"),
    ("DD", "Đất đai"),
    ("BTXH", "Bảo trợ xã hội"),
    ("NCC", "Người có công"),
    ("HKD", "Thành lập và hoạt động của hộ kinh doanh"),
    ("XD", "Xây dựng"),
    ("NCN", "Nuôi con nuôi"),
    ("TDKT", "Thi đua, khen thưởng"),
    ("VH", "Văn hóa cơ sở"),
    ("NN", "Nông nghiệp"),
    ("GD", "Giáo dục và Đào tạo"),
)

_VP, _VH, _KT = "Văn phòng HĐND và UBND xã", "Phòng Văn hóa - Xã hội", "Phòng Kinh tế"
PROCEDURES: tuple[DemoProcedure, ...] = (
    DemoProcedure("1.001193", "Đăng ký khai sinh", "HT", 1, 0, "full", 140, _VP),
    DemoProcedure("1.000894", "Đăng ký kết hôn", "HT", 1, 0, "partial", 40, _VP),
    DemoProcedure("1.000656", "Đăng ký khai tử", "HT", 1, 0, "full", 45, _VP),
    DemoProcedure("1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân", "HT", 3, 0, "full", 90, _VP),
    DemoProcedure("1.001022", "Trích lục hộ tịch (cấp bản sao)", "HT", 1, 8000, "full", 70, _VP),
    DemoProcedure("1.000689", "Đăng ký nhận cha, mẹ, con", "HT", 3, 0, "partial", 6, _VP),
    DemoProcedure("2.000908", "Chứng thực bản sao từ bản chính", "CT", 1, 2000, "partial", 260, _VP),
    DemoProcedure("2.000884", "Chứng thực chữ ký trong giấy tờ, văn bản", "CT", 1, 10000, "none", 60, _VP),
    DemoProcedure(
        "2.001035", "Chứng thực hợp đồng, giao dịch liên quan đến nhà ở", "CT", 2, 50000, "none", 25, _VP
    ),
    DemoProcedure("1.003596", "Hòa giải tranh chấp đất đai", "DD", 45, 0, "none", 8, _KT),
    DemoProcedure("1.004227", "Xác nhận hiện trạng sử dụng đất", "DD", 5, 0, "partial", 18, _KT),
    DemoProcedure("2.000983", "Đăng ký biến động quyền sử dụng đất", "DD", 10, 30000, "partial", 22, _KT),
    DemoProcedure(
        "1.001776", "Trợ cấp xã hội hằng tháng cho người cao tuổi", "BTXH", 15, 0, "partial", 20, _VH
    ),
    DemoProcedure("1.001758", "Hỗ trợ chi phí mai táng", "BTXH", 5, 0, "partial", 12, _VH),
    DemoProcedure("1.010805", "Xác nhận hộ nghèo, hộ cận nghèo phát sinh", "BTXH", 7, 0, "full", 10, _VH),
    DemoProcedure(
        "1.010830", "Trợ cấp một lần đối với thân nhân người có công", "NCC", 12, 0, "partial", 5, _VH
    ),
    DemoProcedure("2.000720", "Đăng ký thành lập hộ kinh doanh", "HKD", 3, 100000, "full", 30, _KT),
    DemoProcedure(
        "2.000575", "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", "HKD", 3, 100000, "full", 14, _KT
    ),
    DemoProcedure("1.009994", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "XD", 15, 75000, "partial", 16, _KT),
    DemoProcedure("1.003005", "Đăng ký nuôi con nuôi trong nước", "NCN", 20, 400000, "none", 2, _VH),
    DemoProcedure("1.000775", "Tặng giấy khen của Chủ tịch UBND xã", "TDKT", 20, 0, "none", 5, _VP),
    DemoProcedure("1.000954", "Công nhận gia đình văn hóa", "VH", 5, 0, "partial", 6, _VH),
    DemoProcedure("1.008004", "Hỗ trợ khôi phục sản xuất vùng bị thiệt hại", "NN", 10, 0, "none", 4, _KT),
    DemoProcedure(
        "1.005106", "Cho phép nhóm trẻ, lớp mẫu giáo độc lập hoạt động", "GD", 15, 0, "partial", 2, _VH
    ),
)

COLUMNS: tuple[str, ...] = CANONICAL_COLUMNS + OPTIONAL_COLUMNS


def working_days(first: date, last: date, is_working_day) -> list[date]:
    out, day = [], first
    while day <= last:
        if is_working_day(day):
            out.append(day)
        day += timedelta(days=1)
    return out


def _fmt(moment: datetime | None, style: int) -> str:
    if moment is None:
        return ""
    if style == 1:
        return f"{moment:%Y-%m-%d %H:%M:%S}" if moment.second else f"{moment:%Y-%m-%d}"
    if style == 2:
        return f"{moment:%d/%m/%Y %H:%M}" if moment.minute or moment.hour else f"{moment:%d/%m/%Y}"
    return f"{moment:%Y%m%d%H%M%S}"


def generate(
    units: list[str],
    per_unit: int,
    first: date,
    last: date,
    as_of: datetime,
    is_working_day,
    *,
    seed: int = 766,
    mixed_formats: bool = False,
    unit_codes: list[str] | None = None,
) -> Iterator[list[str]]:
    """Rows (values in ``COLUMNS`` order) of ``per_unit`` dossiers per unit, received between
    ``first`` and ``last``, as they stood at ``as_of``. Dates are yyyyMMddHHmmss, or a mix of the
    three accepted formats when ``mixed_formats``."""
    rnd = random.Random(seed)
    days = working_days(first - timedelta(days=3), last + timedelta(days=200), is_working_day)
    start = bisect.bisect_left(days, first)
    stop = bisect.bisect_right(days, last)
    cum = []
    total = 0
    for p in PROCEDURES:
        total += p.weight
        cum.append(total)
    for u, unit in enumerate(units):
        prefix = (unit_codes[u] if unit_codes else f"H{u:03d}") + "-"
        seq: dict[date, int] = {}
        for _ in range(per_unit):
            p = PROCEDURES[bisect.bisect_right(cum, rnd.random() * total)]
            i = rnd.randrange(start, stop)
            yield _row(rnd, p, unit, prefix, days, i, seq, as_of, mixed_formats)


def _at(day: date, lo: int = 7 * 60 + 30, hi: int = 16 * 60 + 45, rnd=None) -> datetime:
    minute = rnd.randrange(lo, hi) if rnd else lo
    return datetime(day.year, day.month, day.day, minute // 60, minute % 60, rnd.randrange(60) if rnd else 0)


def _row(rnd, p: DemoProcedure, unit, prefix, days, i, seq, as_of, mixed) -> list[str]:
    received_day = days[i]
    received = _at(received_day, rnd=rnd)
    online = rnd.random() < {"full": 0.62, "partial": 0.42, "none": 0.04}[p.online_level]
    channel = 2 if online else (3 if rnd.random() < 0.02 else 1)
    submitted = received - timedelta(minutes=rnd.randrange(5, 60 * (30 if online else 1)))
    n = seq.get(received_day, 0) + 1
    seq[received_day] = n
    code = f"{prefix}{received_day:%y%m%d}-{n:04d}"
    due_i = i + max(p.days, 1)
    supplements = 1 if rnd.random() < 0.08 else 0
    if supplements and rnd.random() < 0.12:
        supplements = 2
    req = done = None
    if supplements:
        req_i = min(i + 1 + rnd.randrange(2), due_i)
        pause = 1 + rnd.randrange(5)
        req, done = _at(days[req_i], rnd=rnd), _at(days[req_i + pause], rnd=rnd)
        due_i += pause
    due = datetime.combine(days[due_i], datetime.min.time()).replace(hour=17)
    late = supplements >= 2 or rnd.random() < 0.035
    span = due_i - i
    finish_i = due_i + 1 + rnd.randrange(6) if late else i + int(span * (0.25 + 0.75 * rnd.random()))
    finished = _at(days[finish_i], rnd=rnd)
    status = 10
    returned = _at(days[min(finish_i + rnd.randrange(3), len(days) - 1)], rnd=rnd)
    roll = rnd.random()
    if roll < 0.004:
        status = 7  # withdrawn by the citizen
    elif roll < 0.007:
        status = 8  # stopped
    if finished > as_of:
        finished = returned = None
        status = 5 if req is not None and done is not None and done > as_of else 4
        if done is not None and done > as_of:
            done = None
    elif returned > as_of or status in (7, 8) or rnd.random() < 0.05:
        returned = None
        status = status if status in (7, 8) else 9
    paid = 0
    if p.fee:
        paid = (1 if rnd.random() < 0.7 else 2) if rnd.random() < (0.75 if online else 0.12) else 0
    e_result = finished is not None and rnd.random() < (0.85 if p.online_level == "full" else 0.6)
    digitized = online or rnd.random() < 0.8
    reused = rnd.random() < (0.55 if online else 0.3)
    apology = ""
    if late and finished is not None and rnd.random() < 0.45:
        apology = _fmt(due - timedelta(days=1), 0)
    style = rnd.randrange(3) if mixed else 0
    return [
        code,
        p.code,
        p.name,
        p.sector_code,
        unit,
        str(channel),
        _fmt(submitted, style),
        _fmt(received, style),
        _fmt(due, style),
        _fmt(finished, style),
        _fmt(returned, style),
        str(status),
        str(p.fee),
        str(paid),
        str(supplements),
        _fmt(req, style),
        _fmt(done, style),
        "1" if e_result else "0",
        "1" if digitized else "0",
        "1" if reused else "0",
        p.agency,
        apology,
    ]


def write_csv(out: io.TextIOBase, rows, *, header: tuple[str, ...] = COLUMNS) -> int:
    """Write a canonical CSV (UTF-8, comma-separated); returns the number of rows."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    n = 0
    for row in rows:
        writer.writerow(row)
        n += 1
    return n
