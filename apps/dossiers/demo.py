"""Demo step: the illustrative procedure catalogue and a year of one-stop dossiers of the demo
communes (01/12/2024 to the demo date), imported through the same pipeline as any export, so the
indicator pages, plan targets and reports have real figures. Idempotent: skipped once the communes
have dossiers; the data comes from a fixed seed, so every demo database holds the same dossiers."""

from __future__ import annotations

import os
import tempfile
from datetime import date, datetime

from apps.dossiers.models import ColumnMapping, Dossier, Procedure, Sector
from apps.dossiers.pipeline import ImportRequest, import_file
from apps.orgs.models import OrgUnit
from apps.system.demo import demo_step
from core.dossiers.synthetic import PROCEDURES, SECTORS, generate, write_csv

COMMUNES = ["xã Thường Xuân", "xã Ngọc Liên", "xã Anh Sơn", "xã Tuệ Tĩnh"]
UNIT_CODES = ["000.20.38.H56", "000.21.38.H56", "000.22.38.H56", "000.11.31.H26"]
PER_COMMUNE = 2400
FIRST, LAST = date(2024, 12, 1), date(2025, 11, 25)
AS_OF = datetime(2025, 11, 25, 16, 0)
# How a (fictional) provincial one-stop system names its export columns: shows the mapping step.
DEMO_MAPPING = {
    "MaHoSo": "Số hồ sơ", "MaTTHC": "Mã thủ tục", "DonVi": "Đơn vị tiếp nhận", "NgayTiepNhan": "Ngày nhận",
    "NgayHenTra": "Ngày hẹn trả", "NgayKetThucXuLy": "Ngày xử lý xong", "KenhThucHien": "Hình thức nộp",
}  # fmt: skip


def load_catalogue() -> None:
    sectors = {}
    for code, name in SECTORS:
        sectors[code], _ = Sector.objects.get_or_create(code=code, defaults={"name": name})
    for p in PROCEDURES:
        Procedure.objects.get_or_create(
            code=p.code,
            defaults={"name": p.name, "sector": sectors[p.sector_code], "level": Procedure.Level.COMMUNE,
                      "processing_time": p.days, "has_fee": bool(p.fee), "online_level": p.online_level},
        )  # fmt: skip


def _calendar():
    from apps.tracking.calendar import work_calendar

    return work_calendar()


@demo_step(45, "Danh mục TTHC và hồ sơ một năm của các xã mẫu")
def load_dossiers() -> None:
    load_catalogue()
    ColumnMapping.objects.get_or_create(name="Một cửa điện tử (mẫu)", defaults={"columns": DEMO_MAPPING})
    units = list(OrgUnit.objects.filter(name__in=COMMUNES).order_by("name"))
    if not units or Dossier.objects.filter(org_unit__in=units).exists():
        return
    names = [u.name for u in units]
    codes = [UNIT_CODES[COMMUNES.index(n)] for n in names]
    cal = _calendar()
    fd, path = tempfile.mkstemp(prefix="cchc-demo-", suffix=".csv")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            write_csv(out, generate(names, PER_COMMUNE, FIRST, LAST, AS_OF, cal.is_working_day, seed=2025,
                                    unit_codes=codes))  # fmt: skip
        import_file(path, ImportRequest(calendar=cal))
    finally:
        os.unlink(path)
