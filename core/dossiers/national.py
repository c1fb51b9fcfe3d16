"""The national dossier sync payload (``HoSoDongBoDVC``, §9 of the reference notes) as canonical values.

One-stop systems push dossiers in the shape they sync to the national portal: flat fields plus lists
of submitted papers (``TaiLieuNop``), fees (``DanhSachLePhi``), supplement requests
(``DanhSachHoSoBoSung``, each moving the appointment ``NgayHenTraTruoc`` → ``NgayHenTraMoi``) and
results (``DanhSachGiayToKetQua``). This folds them into the canonical columns of the import, so a
push and a file are read by the same rules.
"""

from __future__ import annotations

from core.dossiers.fields import FieldError, parse_datetime

FLAT = ("MaHoSo", "MaTTHC", "TenTTHC", "MaLinhVuc", "KenhThucHien", "NgayNopHoSo", "NgayTiepNhan",
        "NgayHenTra", "NgayKetThucXuLy", "NgayTra", "TrangThaiHoSo", "DonViXuLy", "DonVi", "DuocThanhToanTrucTuyen",
        "HoSoCoThanhPhanSoHoa", "NgayXinLoi")  # fmt: skip


def _flag(value) -> bool:
    return str(value).strip() in ("1", "true", "True")


def _latest(values: list) -> str | None:
    """The latest of several dates (as given); unreadable ones are left to the row reader."""
    best, best_text = None, None
    for text in values:
        if not text:
            continue
        try:
            moment = parse_datetime(text)
        except FieldError:
            return text  # let the reader report it
        if moment is not None and (best is None or moment > best):
            best, best_text = moment, text
    return best_text


def to_values(item: dict, default_unit: str = "") -> dict:
    """One pushed dossier -> canonical column -> raw value (what ``read_row`` reads)."""
    values = {k: item.get(k) for k in FLAT if item.get(k) not in (None, "")}
    values.setdefault("DonVi", default_unit)
    for required in ("MaHoSo", "MaTTHC", "NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy"):
        values.setdefault(required, "")
    fees = item.get("DanhSachLePhi") or []
    if fees or "LePhi" in item:
        values["LePhi"] = (
            item.get("LePhi") if "LePhi" in item else sum(float(f.get("Gia") or 0) for f in fees)
        )
    supplements = item.get("DanhSachHoSoBoSung") or []
    if supplements:
        values["SoLanBoSung"] = len(supplements)
        values["NgayYeuCauBoSung"] = _latest([s.get("NgayBoSung") for s in supplements]) or ""
        values["NgayHoanThanhBoSung"] = _latest([s.get("NgayTiepNhanBoSung") for s in supplements]) or ""
        moved = _latest([values.get("NgayHenTra")] + [s.get("NgayHenTraMoi") for s in supplements])
        if moved:
            values["NgayHenTra"] = moved
    results = item.get("DanhSachGiayToKetQua")
    if results is not None:
        values["CoKetQuaDienTu"] = int(any((r.get("DuongDanTepTinKetQua") or "").strip() for r in results))
    papers = item.get("TaiLieuNop")
    if papers is not None:
        if "HoSoCoThanhPhanSoHoa" not in values:
            values["HoSoCoThanhPhanSoHoa"] = int(any(_flag(p.get("DuocSoHoa")) for p in papers))
        values["DuocTaiSuDung"] = int(any(_flag(p.get("DuocTaiSuDung")) or _flag(p.get("DuocLayTuKhoDMQG"))
                                          for p in papers))  # fmt: skip
    return values
