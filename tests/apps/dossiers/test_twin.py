"""The PostgreSQL bulk reader (SQL) and the Python reader must read every file the same way.

The same file, with the three date formats, status names, blank cells, a missing appointment,
duplicates and broken rules, is imported once by each reader; the dossiers, roll-ups and row errors
must be identical. Also: the roll-ups the import keeps current equal a recomputation from scratch.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.db import connection

from apps.dossiers.models import Dossier, DossierImport, DossierRollup, ImportRowError
from apps.dossiers.pipeline.apply import refresh_all_rollups
from core.dossiers.synthetic import COLUMNS, generate
from tests.apps.dossiers.conftest import CAL, row

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="the bulk reader is PostgreSQL's")

TRICKY = [
    row(MaHoSo="T-names", TrangThaiHoSo="Đã trả kết quả", KenhThucHien="Trực tuyến", CoKetQuaDienTu="Có"),
    row(MaHoSo="T-blank", TrangThaiHoSo="", KenhThucHien="", LePhi="", DuocThanhToanTrucTuyen="", SoLanBoSung="",
        CoKetQuaDienTu="", HoSoCoThanhPhanSoHoa="", DuocTaiSuDung=""),
    row(MaHoSo="T-nodue", NgayHenTra="", MaTTHC="1.004227", NgayKetThucXuLy="20250709100000", NgayTra=""),
    row(MaHoSo="T-supp2", SoLanBoSung="2", NgayYeuCauBoSung="02/07/2025", NgayHoanThanhBoSung="2025-07-03"),
    row(MaHoSo="T-supp1", NgayYeuCauBoSung="20250701150000", NgayHoanThanhBoSung="20250702090000",
        NgayHenTra="20250703170000", NgayKetThucXuLy="20250703100000", SoLanBoSung=""),
    row(MaHoSo="T-open", NgayKetThucXuLy="", NgayTra="", TrangThaiHoSo="4", NgayHenTra="30/09/2025"),
    row(MaHoSo="T-fee", MaTTHC="2.000908", MaLinhVuc="", LePhi="15.000", DuocThanhToanTrucTuyen="2"),
    row(MaHoSo="T-early", NgayKetThucXuLy="30/06/2025"),
    row(MaHoSo="T-submit", NgayNopHoSo="20250705080000"),
    row(MaHoSo="T-status", TrangThaiHoSo="10", NgayKetThucXuLy="", NgayTra=""),
    row(MaHoSo="T-zero", SoLanBoSung="0", NgayYeuCauBoSung="20250701150000"),
    row(MaHoSo="T-back", NgayHoanThanhBoSung="20250701090000", NgayYeuCauBoSung="20250701150000", SoLanBoSung="1"),
    row(MaHoSo="T-chan", KenhThucHien="9"),
    row(MaHoSo="T-flag", CoKetQuaDienTu="2"),
    row(MaHoSo="T-fee2", LePhi="abc"),
    row(MaHoSo="T-stat", TrangThaiHoSo="Chờ duyệt"),
    row(MaHoSo="T-unit", DonVi="xã Không Có"),
    row(MaHoSo="T-proc", MaTTHC="0.000"),
    row(MaHoSo="T-sector", MaLinhVuc="ZZ"),
    row(MaHoSo="", DonVi=""),
    row(MaHoSo="T-dup"), row(MaHoSo="T-dup"),
    row(MaHoSo="T-diff"), row(MaHoSo="T-diff", KenhThucHien="2"),
    row(MaHoSo="T-notrecv", NgayTiepNhan="", NgayKetThucXuLy="", NgayTra="", NgayHenTra="", TrangThaiHoSo="1"),
]  # fmt: skip


def _state():
    fields = [f.attname for f in Dossier._meta.concrete_fields if f.attname not in ("id", "source_import_id")]
    dossiers = sorted(Dossier.objects.values_list(*fields), key=repr)
    rollup_fields = [f.attname for f in DossierRollup._meta.concrete_fields if f.attname != "id"]
    rollups = sorted(DossierRollup.objects.values_list(*rollup_fields), key=repr)
    errors = sorted(ImportRowError.objects.values_list("row", "code", "column", "message"), key=repr)
    return dossiers, rollups, errors


def _clear():
    Dossier.objects.all().delete()
    DossierRollup.objects.all().delete()
    ImportRowError.objects.all().delete()


def test_both_readers_read_the_same(world, catalogue, write_csv, run):
    synthetic = generate(["xã An Một", "xã An Hai"], 150, date(2025, 1, 1), date(2025, 9, 30), datetime(2025, 9, 20),
                         CAL.is_working_day, mixed_formats=True)  # fmt: skip
    rows = [dict(zip(COLUMNS, values, strict=True)) for values in synthetic]
    for r in rows:  # the synthetic catalogue's procedures, mapped onto the test catalogue
        r["MaTTHC"], r["MaLinhVuc"] = ("2.000908", "CT") if r["LePhi"] != "0" else ("1.001193", "HT")
    path = write_csv(rows + TRICKY)
    fast = run(path, import_id=DossierImport.objects.create().pk)
    assert fast.fast, fast.fallback
    assert fast.errors > 15 and fast.created > 300
    first = _state()
    _clear()
    slow = run(path, reader="python", import_id=DossierImport.objects.create().pk)
    assert not slow.fast
    assert (slow.created, slow.errors, slow.duplicates) == (fast.created, fast.errors, fast.duplicates)
    second = _state()
    assert first[2] == second[2]  # row errors, message for message
    assert first[0] == second[0]  # dossiers, field for field
    assert first[1] == second[1]  # roll-ups


def test_the_bulk_reader_hands_odd_dates_to_the_python_reader(world, catalogue, write_csv, run):
    out = run(write_csv([row(), row(MaHoSo="X", NgayTiepNhan="28/6/25")]))
    assert not out.fast and out.fallback
    assert (out.created, out.errors) == (1, 1)


def test_rollups_kept_by_imports_equal_a_recomputation(world, catalogue, write_csv, run):
    rows = [row(MaHoSo=f"R-{i}", NgayKetThucXuLy="" if i % 5 == 0 else "20250702100000", NgayTra="",
                NgayHenTra=f"2025070{2 + i % 3}170000", KenhThucHien=str(1 + i % 2)) for i in range(40)]  # fmt: skip
    run(write_csv(rows[:25], name="a.csv"))
    changed = [dict(r, NgayKetThucXuLy="20250704100000", DonVi="xã An Hai") for r in rows[10:20]]
    run(write_csv(changed + rows[25:], name="b.csv"))
    kept = _state()[1]
    refresh_all_rollups(connection)
    assert _state()[1] == kept
