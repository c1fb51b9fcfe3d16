"""A row of the procedure catalogue (danh mục TTHC) as officials type it in a spreadsheet.

The labels vary ("ngày làm việc", "Ngày LV", "giờ"; "Toàn trình", "DVCTT một phần"; "Cấp xã",
"Tỉnh, xã"); this reads them into the catalogue's codes with a Vietnamese message for anything else.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from core.dossiers.timeliness import DAY, HOUR, WORKING_DAY
from core.text import fold

HEADERS = (
    "Mã TTHC",
    "Tên thủ tục",
    "Mã lĩnh vực",
    "Tên lĩnh vực",
    "Cấp thực hiện (tỉnh / xã / tỉnh và xã)",
    "Thời hạn giải quyết",
    "Đơn vị thời hạn (ngày làm việc / ngày / giờ)",
    "Có phí, lệ phí (có / không)",
    "Mức độ DVCTT (toàn trình / một phần / không)",
)
UNITS = {"ngay lam viec": WORKING_DAY, "ngay lv": WORKING_DAY, "nlv": WORKING_DAY, "": WORKING_DAY,
         "ngay": DAY, "ngay (theo lich)": DAY, "gio": HOUR, "gio lam viec": HOUR}  # fmt: skip
LEVELS = {"xa": "commune", "cap xa": "commune", "tinh": "province", "cap tinh": "province",
          "tinh va xa": "both", "tinh, xa": "both", "cap tinh va cap xa": "both", "": "commune"}  # fmt: skip
ONLINE = {"toan trinh": "full", "dvctt toan trinh": "full", "mot phan": "partial", "dvctt mot phan": "partial",
          "khong": "none", "": "none", "thong tin truc tuyen": "none"}  # fmt: skip
YES = {"co", "1", "x", "true"}
NO = {"khong", "0", "", "false"}


@dataclass
class ProcedureRow:
    code: str
    name: str
    sector_code: str
    sector_name: str
    level: str
    processing_time: Decimal | None
    time_unit: str
    has_fee: bool
    online_level: str


def _text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value or "").split())


def read_procedure(values: list) -> tuple[ProcedureRow | None, list[str]]:
    """One catalogue row (cells in ``HEADERS`` order) -> the procedure, or the problems found."""
    cells = [_text(v) for v in list(values) + [""] * len(HEADERS)][: len(HEADERS)]
    code, name, sector_code, sector_name, level, amount, unit, fee, online = cells
    errors = []
    if not code:
        errors.append("thiếu mã TTHC.")
    if not name:
        errors.append("thiếu tên thủ tục.")
    if not sector_code:
        errors.append("thiếu mã lĩnh vực.")
    time = None
    if amount:
        try:
            time = Decimal(amount.replace(",", "."))
            if time <= 0:
                raise InvalidOperation
        except InvalidOperation:
            errors.append(f"thời hạn “{amount}” không phải số dương.")
    for label, table, what in ((unit, UNITS, "đơn vị thời hạn"), (level, LEVELS, "cấp thực hiện"),
                               (online, ONLINE, "mức độ DVCTT")):  # fmt: skip
        if fold(label) not in table:
            errors.append(f"{what} “{label}” không hợp lệ.")
    if fold(fee) not in YES | NO:
        errors.append(f"cột phí, lệ phí “{fee}” không hợp lệ (ghi có hoặc không).")
    if errors:
        return None, errors
    row = ProcedureRow(code, name, sector_code, sector_name or sector_code, LEVELS[fold(level)], time,
                       UNITS[fold(unit)], fold(fee) in YES, ONLINE[fold(online)])  # fmt: skip
    return row, []
