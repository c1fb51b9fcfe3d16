"""The dossier fields of the national sync specification (§9 of the reference notes), and how one
exported value is read: dates in three formats, flags, channel and status codes or their names.

One-stop systems export dossiers in many shapes; CCHC reads them into the field names of the
national sync payload (``HoSoDongBoDVC``), so a file, a push and the database speak the same words.
Everything here is pure: a value in, a typed value or a Vietnamese error out. The PostgreSQL bulk
importer has an SQL twin of these readers (``apps/dossiers/pipeline/pg_parse.py``); a test keeps the
two in agreement.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

from core.text import fold

# The canonical import template, in this order (the header row of the downloadable template).
CANONICAL_COLUMNS: tuple[str, ...] = (
    "MaHoSo",
    "MaTTHC",
    "TenTTHC",
    "MaLinhVuc",
    "DonVi",
    "KenhThucHien",
    "NgayNopHoSo",
    "NgayTiepNhan",
    "NgayHenTra",
    "NgayKetThucXuLy",
    "NgayTra",
    "TrangThaiHoSo",
    "LePhi",
    "DuocThanhToanTrucTuyen",
    "SoLanBoSung",
    "NgayYeuCauBoSung",
    "NgayHoanThanhBoSung",
    "CoKetQuaDienTu",
    "HoSoCoThanhPhanSoHoa",
    "DuocTaiSuDung",
)
# Optional columns beyond the template: the processing agency (national ``DonViXuLy``) and the day
# the apology letter (phiếu xin lỗi và hẹn lại ngày trả kết quả) was sent.
OPTIONAL_COLUMNS: tuple[str, ...] = ("DonViXuLy", "NgayXinLoi")
ALL_COLUMNS: tuple[str, ...] = CANONICAL_COLUMNS + OPTIONAL_COLUMNS
# Without these a file cannot be imported at all (refused before any row is read).
REQUIRED_COLUMNS: tuple[str, ...] = (
    "MaHoSo",
    "MaTTHC",
    "DonVi",
    "NgayTiepNhan",
    "NgayHenTra",
    "NgayKetThucXuLy",
)
DATE_COLUMNS: tuple[str, ...] = (
    "NgayNopHoSo",
    "NgayTiepNhan",
    "NgayHenTra",
    "NgayKetThucXuLy",
    "NgayTra",
    "NgayYeuCauBoSung",
    "NgayHoanThanhBoSung",
    "NgayXinLoi",
)
FLAG_COLUMNS: tuple[str, ...] = ("CoKetQuaDienTu", "HoSoCoThanhPhanSoHoa", "DuocTaiSuDung")

# What each column means, for the template's second sheet and the mapping page.
COLUMN_HELP: dict[str, str] = {
    "MaHoSo": "Mã hồ sơ (duy nhất; nhập lại cùng mã sẽ cập nhật, không nhân đôi)",
    "MaTTHC": "Mã thủ tục hành chính trong danh mục",
    "TenTTHC": "Tên thủ tục (để đối chiếu)",
    "MaLinhVuc": "Mã lĩnh vực; để trống thì lấy theo thủ tục",
    "DonVi": "Tên đơn vị hành chính tiếp nhận (ví dụ: xã Ngọc Liên)",
    "KenhThucHien": "1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích (hoặc ghi tên)",
    "NgayNopHoSo": "Ngày nộp hồ sơ",
    "NgayTiepNhan": "Ngày tiếp nhận",
    "NgayHenTra": "Ngày hẹn trả kết quả (sau khi dời hẹn nếu có)",
    "NgayKetThucXuLy": "Ngày kết thúc xử lý (để trống nếu chưa xong)",
    "NgayTra": "Ngày trả kết quả",
    "TrangThaiHoSo": "Mã trạng thái 1-10 hoặc tên trạng thái",
    "LePhi": "Phí, lệ phí (đồng); 0 nếu không thu",
    "DuocThanhToanTrucTuyen": "0 không, 1 qua Cổng DVCQG, 2 qua cổng thanh toán của tỉnh",
    "SoLanBoSung": "Số lần yêu cầu bổ sung hồ sơ",
    "NgayYeuCauBoSung": "Ngày yêu cầu bổ sung (lần gần nhất)",
    "NgayHoanThanhBoSung": "Ngày công dân hoàn thành bổ sung",
    "CoKetQuaDienTu": "1 nếu có kết quả giải quyết điện tử",
    "HoSoCoThanhPhanSoHoa": "1 nếu thành phần hồ sơ được số hóa",
    "DuocTaiSuDung": "1 nếu hồ sơ sử dụng lại dữ liệu đã số hóa",
    "DonViXuLy": "Cơ quan xử lý (không bắt buộc)",
    "NgayXinLoi": "Ngày gửi phiếu xin lỗi và hẹn lại (không bắt buộc)",
}

# Dates: yyyyMMddHHmmss (national sync), yyyy-mm-dd[ HH:MM[:SS]] and dd/mm/yyyy[ HH:MM[:SS]]. A value
# is recognised by its shape (every digit written 0), so the bulk importer's SQL can accept exactly
# the same set: ``DATE_SHAPES`` maps each accepted shape to how its numbers are ordered.
DATE_FORMATS_TEXT = "yyyyMMddHHmmss, yyyy-mm-dd hoặc dd/mm/yyyy"
_ZERO = str.maketrans("0123456789", "0000000000")
_NUMBERS = re.compile(r"\d+")


def _date_shapes() -> dict[str, str]:
    shapes = {"0" * 14: "compact", "0" * 8: "compact"}
    one_or_two = ("0", "00")
    times = [""] + [f"{sep}{h}:00{s}" for sep in (" ", "T") for h in one_or_two for s in ("", ":00")]
    for m in one_or_two:
        for d in one_or_two:
            for t in times:
                shapes[f"0000-{m}-{d}{t}"] = "ymd"
                if not t.startswith("T"):
                    shapes[f"{d}/{m}/0000{t}"] = "dmy"
    return shapes


DATE_SHAPES: dict[str, str] = _date_shapes()
MIN_YEAR, MAX_YEAR = 1990, 2100


class Channel:
    """``KenhThucHien``: how the dossier was submitted."""

    DIRECT, ONLINE, POST = 1, 2, 3
    LABELS = {1: "Trực tiếp", 2: "Trực tuyến", 3: "Bưu chính công ích"}


CHANNEL_NAMES: dict[str, int] = {
    "truc tiep": 1,
    "tai bo phan mot cua": 1,
    "truc tuyen": 2,
    "online": 2,
    "qua mang": 2,
    "buu chinh": 3,
    "buu chinh cong ich": 3,
    "qua buu chinh": 3,
    "qua dich vu buu chinh cong ich": 3,
    "bcci": 3,
}


class Status:
    """``TrangThaiHoSo`` codes of the national sync vocabulary (§4.4)."""

    NEW, RECEIVED, NOT_RECEIVED, PROCESSING, SUPPLEMENT, PAYMENT = 1, 2, 3, 4, 5, 6
    WITHDRAWN, STOPPED, DONE, RETURNED = 7, 8, 9, 10
    LABELS = {
        1: "Mới đăng ký",
        2: "Được tiếp nhận",
        3: "Không được tiếp nhận",
        4: "Đang xử lý",
        5: "Yêu cầu bổ sung giấy tờ",
        6: "Yêu cầu thực hiện nghĩa vụ tài chính",
        7: "Công dân yêu cầu rút hồ sơ",
        8: "Dừng xử lý",
        9: "Đã xử lý xong",
        10: "Đã trả kết quả",
    }
    # Terminal states: the dossier's processing has ended (NgayKetThucXuLy must be set).
    TERMINAL = frozenset({7, 8, 9, 10})
    # Completed with a result: what the average processing time (2.2) counts.
    COMPLETED = frozenset({9, 10})
    # Never received: no NgayTiepNhan expected, counted in no indicator.
    NOT_YET_RECEIVED = frozenset({1, 3})


STATUS_NAMES: dict[str, int] = {fold(name): code for code, name in Status.LABELS.items()} | {
    "moi": 1,
    "cho tiep nhan": 1,
    "da tiep nhan": 2,
    "tiep nhan": 2,
    "tu choi tiep nhan": 3,
    "tu choi": 3,
    "dang giai quyet": 4,
    "dang xu ly": 4,
    "yeu cau bo sung": 5,
    "yeu cau bo sung ho so": 5,
    "bo sung ho so": 5,
    "cho thuc hien nghia vu tai chinh": 6,
    "rut ho so": 7,
    "cong dan rut ho so": 7,
    "dung giai quyet": 8,
    "da giai quyet": 9,
    "hoan thanh": 9,
    "da hoan thanh": 9,
    "da xu ly": 9,
    "da tra": 10,
    "da tra ket qua": 10,
}

_TRUE = {"1", "co", "true", "x", "yes", "dung"}
_FALSE = {"0", "khong", "false", "no", "sai", ""}


class FieldError(ValueError):
    """A value that cannot be read; the message is Vietnamese and names the value."""


def _text(value) -> str:
    """A cell as text: integers without ".0", Vietnamese in composed form (Windows-1258 files write
    tone marks as separate characters)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _make(y: int, m: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0) -> datetime | None:
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    try:
        return datetime(y, m, d, hh, mm, ss)
    except ValueError:
        return None


def parse_datetime(value, column: str = "") -> datetime | None:
    """A local (Asia/Ho_Chi_Minh), naive datetime from any of the three formats; None when blank.

    A date without a time is read as 00:00 of that day, so ``NgayKetThucXuLy ≤ NgayHenTra`` is
    compared exactly as exported."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None, microsecond=0)
    if isinstance(value, date):
        return datetime.combine(value, time())
    text = _text(value)
    if not text:
        return None
    kind = DATE_SHAPES.get(text.translate(_ZERO))
    got = None
    if kind == "compact":
        got = _make(int(text[:4]), int(text[4:6]), int(text[6:8]), int(text[8:10] or 0), int(text[10:12] or 0),
                    int(text[12:14] or 0))  # fmt: skip
    elif kind is not None:
        n = [int(x) for x in _NUMBERS.findall(text)] + [0, 0, 0]
        y, m, d = (n[0], n[1], n[2]) if kind == "ymd" else (n[2], n[1], n[0])
        got = _make(y, m, d, n[3], n[4], n[5])
    if got is None:
        where = f"{column} " if column else ""
        raise FieldError(f"{where}“{text}” không phải ngày hợp lệ (dùng {DATE_FORMATS_TEXT}).")
    return got


def parse_flag(value, column: str = "") -> bool:
    text = fold(_text(value))
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise FieldError(f"{column} “{_text(value)}” không hợp lệ (ghi 0 hoặc 1).")


def parse_payment(value) -> int:
    """``DuocThanhToanTrucTuyen``: 0 no, 1 paid on the national portal, 2 on the province's portal."""
    text = fold(_text(value))
    if text in ("", "0", "khong", "false"):
        return 0
    if text in ("1", "2"):
        return int(text)
    if text in ("co", "true"):
        return 1
    raise FieldError(f"DuocThanhToanTrucTuyen “{_text(value)}” không hợp lệ (ghi 0, 1 hoặc 2).")


def parse_channel(value) -> int:
    """``KenhThucHien``; blank means direct, as the 766 specification counts it."""
    text = _text(value)
    if text in ("", "1", "2", "3"):
        return int(text or 1)
    code = CHANNEL_NAMES.get(fold(text))
    if code is None:
        raise FieldError(f"KenhThucHien “{text}” không hợp lệ (1 trực tiếp, 2 trực tuyến, 3 bưu chính).")
    return code


def parse_status(value) -> int | None:
    """``TrangThaiHoSo`` as a code 1..10 or its Vietnamese name; None when blank."""
    text = _text(value)
    if not text:
        return None
    if text.isdigit() and 1 <= int(text) <= 10:
        return int(text)
    code = STATUS_NAMES.get(fold(text))
    if code is None:
        raise FieldError(f"TrangThaiHoSo “{text}” không phải mã (1-10) hay tên trạng thái quốc gia.")
    return code


_GROUPED = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")


def parse_fee(value) -> int:
    """``LePhi`` in đồng: "15000", "15.000" or "15,000" (thousands separators); blank is 0."""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        if value < 0:
            raise FieldError(f"LePhi “{value}” không được âm.")
        return int(value)
    text = _text(value).replace(" ", "")
    if not text:
        return 0
    if _GROUPED.match(text):
        text = text.replace(".", "").replace(",", "")
    try:
        amount = Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise FieldError(f"LePhi “{_text(value)}” không phải số tiền.") from None
    if amount < 0 or not amount.is_finite():
        raise FieldError(f"LePhi “{_text(value)}” không hợp lệ.")
    return int(amount)


def parse_count(value, column: str = "SoLanBoSung") -> int | None:
    text = _text(value)
    if not text:
        return None
    if not text.isdigit() or int(text) > 99:
        raise FieldError(f"{column} “{text}” không phải số lần hợp lệ (0-99).")
    return int(text)


@dataclass
class DossierRow:
    """One dossier as read from a file row or a pushed item: typed, not yet checked against the
    database (unit, procedure and sector are still the texts of the file)."""

    row: int
    code: str = ""
    procedure_code: str = ""
    procedure_name: str = ""
    sector_code: str = ""
    unit_name: str = ""
    agency_name: str = ""
    channel: int = Channel.DIRECT
    submitted: datetime | None = None
    received: datetime | None = None
    due: datetime | None = None
    finished: datetime | None = None
    returned: datetime | None = None
    status: int | None = None
    fee: int | None = None
    paid_online: int | None = None
    supplement_count: int = 0
    supplement_requested: datetime | None = None
    supplement_completed: datetime | None = None
    e_result: bool | None = None
    digitized: bool | None = None
    reused: bool | None = None
    apology: datetime | None = None


# (column, attribute, reader) for the simple one-to-one columns.
_READERS = (
    ("KenhThucHien", "channel", lambda v, c: parse_channel(v)),
    ("TrangThaiHoSo", "status", lambda v, c: parse_status(v)),
    ("LePhi", "fee", lambda v, c: parse_fee(v)),
    ("DuocThanhToanTrucTuyen", "paid_online", lambda v, c: parse_payment(v)),
    ("CoKetQuaDienTu", "e_result", parse_flag),
    ("HoSoCoThanhPhanSoHoa", "digitized", parse_flag),
    ("DuocTaiSuDung", "reused", parse_flag),
)
_DATE_ATTRS = {
    "NgayNopHoSo": "submitted",
    "NgayTiepNhan": "received",
    "NgayHenTra": "due",
    "NgayKetThucXuLy": "finished",
    "NgayTra": "returned",
    "NgayYeuCauBoSung": "supplement_requested",
    "NgayHoanThanhBoSung": "supplement_completed",
    "NgayXinLoi": "apology",
}
MAX_CODE = 60


def read_row(values: dict, row: int) -> tuple[DossierRow, list[tuple[str, str]]]:
    """Read one row (canonical column -> raw value; absent columns absent) into a ``DossierRow`` and
    the (column, message) errors found. A column missing from the file leaves its field unknown
    (None), a blank cell in a present column means 0 / no."""
    out = DossierRow(row=row)
    errors: list[tuple[str, str]] = []
    out.code = _text(values.get("MaHoSo"))
    out.procedure_code = _text(values.get("MaTTHC"))
    out.procedure_name = _text(values.get("TenTTHC"))
    out.sector_code = _text(values.get("MaLinhVuc"))
    out.unit_name = " ".join(_text(values.get("DonVi")).split())
    out.agency_name = " ".join(_text(values.get("DonViXuLy")).split())
    for column, attr, reader in _READERS:
        if column in values:
            try:
                setattr(out, attr, reader(values[column], column))
            except FieldError as exc:
                errors.append((column, str(exc)))
    for column, attr in _DATE_ATTRS.items():
        if column in values:
            try:
                setattr(out, attr, parse_datetime(values[column], column))
            except FieldError as exc:
                errors.append((column, str(exc)))
    try:
        count = parse_count(values.get("SoLanBoSung"))
    except FieldError as exc:
        errors.append(("SoLanBoSung", str(exc)))
        count = 0
    out.supplement_count = count if count is not None else (1 if out.supplement_requested else 0)
    errors += check_row(out, count_given=count is not None)
    return out, errors


def check_row(r: DossierRow, count_given: bool = True) -> list[tuple[str, str]]:
    """The rules a dossier must satisfy whatever its source (file or push)."""
    errors: list[tuple[str, str]] = []
    if not r.code:
        errors.append(("MaHoSo", "thiếu mã hồ sơ."))
    elif len(r.code) > MAX_CODE:
        errors.append(("MaHoSo", f"mã hồ sơ dài quá {MAX_CODE} ký tự."))
    if not r.procedure_code:
        errors.append(("MaTTHC", "thiếu mã thủ tục hành chính."))
    if not r.unit_name:
        errors.append(("DonVi", "thiếu tên đơn vị."))
    status = r.status
    if r.received is None and status not in Status.NOT_YET_RECEIVED:
        errors.append(("NgayTiepNhan", "thiếu ngày tiếp nhận."))
    if r.received is not None:
        day = r.received.date()
        for column, value, what in (
            ("NgayKetThucXuLy", r.finished, "kết thúc xử lý"),
            ("NgayTra", r.returned, "trả kết quả"),
            ("NgayHenTra", r.due, "hẹn trả"),
        ):
            if value is not None and value.date() < day:
                errors.append((column, f"ngày {what} {value:%d/%m/%Y} trước ngày tiếp nhận {day:%d/%m/%Y}."))
        if r.submitted is not None and r.submitted.date() > day:
            errors.append(
                ("NgayNopHoSo", f"ngày nộp {r.submitted:%d/%m/%Y} sau ngày tiếp nhận {day:%d/%m/%Y}.")
            )
    if r.returned is not None and r.finished is not None and r.returned.date() < r.finished.date():
        errors.append(("NgayTra", "ngày trả kết quả trước ngày kết thúc xử lý."))
    if status in Status.COMPLETED and r.finished is None:
        errors.append(
            ("NgayKetThucXuLy", f"trạng thái “{Status.LABELS[status]}” nhưng thiếu ngày kết thúc xử lý.")
        )
    if count_given and r.supplement_count == 0 and r.supplement_requested is not None:
        errors.append(("SoLanBoSung", "SoLanBoSung là 0 nhưng có ngày yêu cầu bổ sung."))
    if (
        r.supplement_requested is not None
        and r.supplement_completed is not None
        and r.supplement_completed < r.supplement_requested
    ):
        errors.append(("NgayHoanThanhBoSung", "ngày hoàn thành bổ sung trước ngày yêu cầu bổ sung."))
    return errors


def effective_status(r: DossierRow) -> int:
    """The status to store: as given, else inferred (finished -> Đã xử lý xong, else Đang xử lý)."""
    if r.status is not None:
        return r.status
    if r.finished is not None:
        return Status.RETURNED if r.returned is not None else Status.DONE
    return Status.PROCESSING if r.received is not None else Status.NEW
