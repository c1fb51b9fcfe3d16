"""Dossier fixtures on the tiny world: a small catalogue, and files written in the canonical shape."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from apps.dossiers.models import Procedure, Sector
from apps.dossiers.pipeline import ImportRequest, import_file
from core.dossiers.fields import CANONICAL_COLUMNS, OPTIONAL_COLUMNS
from core.workdays import WorkCalendar

COLUMNS = list(CANONICAL_COLUMNS + OPTIONAL_COLUMNS)
CAL = WorkCalendar()


@pytest.fixture
def catalogue(db):
    ht = Sector.objects.create(code="HT", name="Hộ tịch")
    ct = Sector.objects.create(code="CT", name="Chứng thực")
    return {
        "ht": ht,
        "ct": ct,
        "birth": Procedure.objects.create(code="1.001193", name="Đăng ký khai sinh", sector=ht, processing_time=1,
                                          online_level="full"),
        "copy": Procedure.objects.create(code="2.000908", name="Chứng thực bản sao", sector=ct, processing_time=1,
                                         has_fee=True, online_level="partial"),
        "land": Procedure.objects.create(code="1.004227", name="Xác nhận hiện trạng đất", sector=ht, processing_time=5,
                                         online_level="none"),
    }  # fmt: skip


def row(**values) -> dict:
    """A canonical row for xã An Một: a birth registration received 01/07/2025, finished on time."""
    base = {
        "MaHoSo": "HS-1", "MaTTHC": "1.001193", "TenTTHC": "Đăng ký khai sinh", "MaLinhVuc": "HT",
        "DonVi": "xã An Một", "KenhThucHien": "1", "NgayNopHoSo": "20250701075000", "NgayTiepNhan": "20250701080000",
        "NgayHenTra": "20250702170000", "NgayKetThucXuLy": "20250702100000", "NgayTra": "20250702150000",
        "TrangThaiHoSo": "10", "LePhi": "0", "DuocThanhToanTrucTuyen": "0", "SoLanBoSung": "0",
        "NgayYeuCauBoSung": "", "NgayHoanThanhBoSung": "", "CoKetQuaDienTu": "1", "HoSoCoThanhPhanSoHoa": "1",
        "DuocTaiSuDung": "0",
    }  # fmt: skip
    base.update(values)
    return base


@pytest.fixture
def write_csv(tmp_path):
    """write_csv(rows, columns=None, name=..., delimiter=",", encoding="utf-8") -> Path"""

    def _write(rows, columns=None, name="ho-so.csv", delimiter=",", encoding="utf-8") -> Path:
        columns = columns or [c for c in COLUMNS if any(c in r for r in rows)] or COLUMNS
        path = tmp_path / name
        with path.open("w", encoding=encoding, newline="") as f:
            w = csv.writer(f, delimiter=delimiter)
            w.writerow(columns)
            for r in rows:
                w.writerow([r.get(c, "") for c in columns])
        return path

    return _write


@pytest.fixture
def run():
    """run(path, **request) -> Outcome: an import with the test calendar."""

    def _run(path, **options):
        options.setdefault("calendar", CAL)
        return import_file(path, ImportRequest(**options))

    return _run
