"""Importing dossier exports: what is written, what is refused, row by row, on either database."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from openpyxl import Workbook

from apps.dossiers.models import Dossier, DossierImport, DossierRollup, ImportRowError
from apps.dossiers.pipeline import SourceError
from tests.apps.dossiers.conftest import row

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def _snapshot():
    return sorted(Dossier.objects.values_list(*[f.attname for f in Dossier._meta.concrete_fields]))


def _rollups():
    return sorted(
        DossierRollup.objects.values_list(
            "org_unit_id",
            "procedure_id",
            "month",
            "open_until",
            "received",
            "on_time",
            "open",
            "online",
            "fee_due",
            "paid_online",
            "completed_days",
        ),  # fmt: skip
        key=repr,  # open_until may be None
    )


def test_canonical_file_is_imported_with_instants_and_derived_values(world, catalogue, write_csv, run):
    path = write_csv(
        [row(), row(MaHoSo="HS-2", KenhThucHien="2", NgayKetThucXuLy="20250703090000", NgayTra="")]
    )
    out = run(path)
    assert (out.rows, out.created, out.errors) == (2, 2, 0)
    d = Dossier.objects.get(code="HS-1")
    assert d.org_unit == world.a1 and d.procedure == catalogue["birth"] and d.sector == catalogue["ht"]
    assert d.received_at == datetime(2025, 7, 1, 8, 0, tzinfo=VN)
    assert d.on_time is True and d.processing_days == 1 and d.status == 10
    late = Dossier.objects.get(code="HS-2")
    assert late.on_time is False and late.channel == 2 and late.status == 10  # status as given
    rollup = DossierRollup.objects.get()
    assert (rollup.received, rollup.on_time, rollup.online, rollup.finished) == (2, 1, 1, 2)


def test_reimporting_the_same_file_changes_nothing(world, catalogue, write_csv, run):
    path = write_csv(
        [row(MaHoSo=f"HS-{i}", NgayKetThucXuLy=f"2025070{i % 3 + 1}160000", NgayTra="") for i in range(8)]
    )
    run(path)
    before, rollups, ids = _snapshot(), _rollups(), set(Dossier.objects.values_list("pk", flat=True))
    out = run(path)
    assert (out.created, out.updated, out.unchanged) == (0, 0, 8)
    assert _snapshot() == before and _rollups() == rollups
    assert set(Dossier.objects.values_list("pk", flat=True)) == ids


def test_a_newer_row_updates_and_an_older_one_is_skipped(world, catalogue, write_csv, run):
    open_row = row(NgayKetThucXuLy="", NgayTra="", TrangThaiHoSo="4")
    run(write_csv([open_row], name="a.csv"))
    assert Dossier.objects.get().finished_at is None
    out = run(write_csv([row()], name="b.csv"))
    assert (out.created, out.updated) == (0, 1)
    assert Dossier.objects.get().finished_at is not None and DossierRollup.objects.get().on_time == 1
    out = run(write_csv([open_row], name="c.csv"))  # the old export again
    assert (out.updated, out.older) == (0, 1)
    assert Dossier.objects.get().finished_at is not None


def test_duplicate_codes(world, catalogue, write_csv, run):
    path = write_csv([row(), row(), row(MaHoSo="HS-2"), row(MaHoSo="HS-2", KenhThucHien="2")])
    out = run(path, import_id=DossierImport.objects.create().pk)
    assert (out.created, out.duplicates, out.errors) == (1, 1, 2)
    messages = list(ImportRowError.objects.filter(code="HS-2").values_list("row", "message"))
    assert messages == [(4, "mã hồ sơ “HS-2” trùng với dòng 5 nhưng khác dữ liệu."),
                        (5, "mã hồ sơ “HS-2” trùng với dòng 4 nhưng khác dữ liệu.")]  # fmt: skip
    assert list(Dossier.objects.values_list("code", flat=True)) == ["HS-1"]


def test_bad_rows_are_reported_and_the_others_imported(world, catalogue, write_csv, run):
    rows = [
        row(MaHoSo="OK"),
        row(MaHoSo="EARLY", NgayKetThucXuLy="20250630100000"),
        row(MaHoSo="NOUNIT", DonVi="xã Không Có"),
        row(MaHoSo="NOPROC", MaTTHC="9.999999"),
        row(MaHoSo="BADCHAN", KenhThucHien="7"),
    ]
    imp = DossierImport.objects.create()
    out = run(write_csv(rows), import_id=imp.pk)
    assert (out.created, out.errors) == (1, 4)
    errors = {e.code: (e.row, e.column, e.message) for e in imp.row_errors.all()}
    assert errors["EARLY"] == (
        3,
        "NgayKetThucXuLy",
        "ngày kết thúc xử lý 30/06/2025 trước ngày tiếp nhận 01/07/2025.",
    )
    assert errors["NOUNIT"][1] == "DonVi" and "xã Không Có" in errors["NOUNIT"][2]
    assert errors["NOPROC"][1] == "MaTTHC" and "9.999999" in errors["NOPROC"][2]
    assert errors["BADCHAN"][1] == "KenhThucHien"


def test_three_date_formats_in_one_file(world, catalogue, write_csv, run):
    rows = [
        row(MaHoSo="A"),
        row(
            MaHoSo="B",
            NgayTiepNhan="2025-07-01 08:00",
            NgayHenTra="2025-07-02",
            NgayKetThucXuLy="2025-07-01 16:30",
        ),
        row(
            MaHoSo="C",
            NgayTiepNhan="01/07/2025",
            NgayHenTra="02/07/2025 17:00",
            NgayKetThucXuLy="03/07/2025",
            NgayTra="",
        ),
    ]
    out = run(write_csv(rows))
    assert (out.created, out.errors) == (3, 0)
    got = {d.code: d for d in Dossier.objects.all()}
    assert got["B"].due_at == datetime(2025, 7, 2, tzinfo=VN) and got["B"].on_time is True
    assert got["C"].on_time is False and got["C"].received_at == datetime(2025, 7, 1, tzinfo=VN)


def test_an_impossible_date_is_explained_for_its_row(world, catalogue, write_csv, run):
    imp = DossierImport.objects.create()
    out = run(write_csv([row(MaHoSo="OK"), row(MaHoSo="BAD", NgayHenTra="31/02/2025")]), import_id=imp.pk)
    assert (out.created, out.errors) == (1, 1)
    assert imp.row_errors.get().message.startswith("NgayHenTra “31/02/2025” không phải ngày hợp lệ")


def test_wrong_or_missing_columns_are_refused_before_anything_is_written(world, catalogue, write_csv, run):
    path = write_csv([row()], columns=["MaHoSo", "MaTTHC", "DonVi", "NgayTiepNhan"])
    with pytest.raises(SourceError, match="Thiếu cột bắt buộc: NgayHenTra, NgayKetThucXuLy"):
        run(path)
    assert not Dossier.objects.exists()


def test_a_2_gb_file_is_refused(world, catalogue, tmp_path, run):
    path = tmp_path / "lon.csv"
    with path.open("wb") as f:
        f.write(b"MaHoSo,MaTTHC\n")
        f.truncate(2 * 1024**3)  # a sparse 2 GB file
    with pytest.raises(SourceError, match="Tệp quá lớn"):
        run(path)


def test_not_a_spreadsheet_is_refused(world, catalogue, tmp_path, run):
    path = tmp_path / "anh.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(SourceError, match="không phải CSV"):
        run(path)


def test_xlsx_export_with_native_dates(world, catalogue, tmp_path, run):
    wb = Workbook()
    ws = wb.active
    header = ["MaHoSo", "MaTTHC", "DonVi", "NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy", "LePhi"]
    ws.append(header)
    ws.append(["X-1", "2.000908", "xã An Một", datetime(2025, 7, 1, 8), datetime(2025, 7, 2, 17), None, 2000])
    ws.append(["X-2", 1.001193, "xã An Một", "01/07/2025", "02/07/2025", "02/07/2025", None])
    path = tmp_path / "xuat.xlsx"
    wb.save(path)
    out = run(path)
    assert (out.created, out.errors) == (2, 0)
    assert Dossier.objects.get(code="X-1").fee == 2000


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: â ê ô ă ơ ư composed, tone marks combining."""
    letter_marks = {"\u0302", "\u0306", "\u031b"}
    out, cluster = [], []
    for ch in unicodedata.normalize("NFD", text) + "\x00":
        if cluster and unicodedata.combining(ch):
            cluster.append(ch)
            continue
        if cluster:
            base, marks = cluster[0], cluster[1:]
            out.append(unicodedata.normalize("NFC", base + "".join(m for m in marks if m in letter_marks)))
            out.extend(m for m in marks if m not in letter_marks)
        cluster = [ch]
    return "".join(out).encode("cp1258")


def test_windows_1258_with_semicolons_and_a_remembered_mapping(world, catalogue, tmp_path, run):
    mapping = {"MaHoSo": "Số hồ sơ", "MaTTHC": "Mã thủ tục", "DonVi": "Nơi tiếp nhận", "NgayTiepNhan": "Ngày nhận",
               "NgayHenTra": "Hẹn trả", "NgayKetThucXuLy": "Xong", "DonViXuLy": "Cơ quan xử lý"}  # fmt: skip
    values = row(DonVi="xã An Một", DonViXuLy="Phòng Kinh tế")
    lines = [";".join(mapping.values()), ";".join(values[k] for k in mapping)]
    path = tmp_path / "xuat-1258.csv"
    path.write_bytes(_cp1258("\r\n".join(lines) + "\r\n"))
    with pytest.raises(SourceError):
        run(path)
    out = run(path, mapping=mapping)
    assert (out.created, out.errors) == (1, 0)
    assert Dossier.objects.get().agency == world.kt_a1


def test_dry_run_reports_without_writing(world, catalogue, write_csv, run):
    imp = DossierImport.objects.create(dry_run=True)
    out = run(write_csv([row(), row(MaHoSo="E", DonVi="xã Không Có")]), dry_run=True, import_id=imp.pk)
    assert (out.created, out.errors) == (1, 1)
    assert not Dossier.objects.exists() and not DossierRollup.objects.exists()
    assert imp.row_errors.count() == 1


def test_scope_refuses_other_units_and_their_existing_codes(world, catalogue, write_csv, run):
    run(write_csv([row(MaHoSo="B-1", DonVi="xã Bình Một")], name="b.csv"))
    scope = {world.a1.pk}
    imp = DossierImport.objects.create()
    rows = [row(MaHoSo="A-1"), row(MaHoSo="A-2", DonVi="xã An Hai"), row(MaHoSo="B-1")]
    out = run(write_csv(rows, name="a.csv"), scope=scope, import_id=imp.pk)
    assert (out.created, out.errors) == (1, 2)
    messages = dict(imp.row_errors.values_list("code", "message"))
    assert "không có quyền nhập hồ sơ của xã An Hai" in messages["A-2"]
    assert "không có quyền cập nhật" in messages["B-1"]
    assert Dossier.objects.get(code="B-1").org_unit == world.b1


def test_a_failure_during_the_write_leaves_nothing(world, catalogue, write_csv, run, monkeypatch):
    from apps.dossiers.pipeline import apply

    def broken(*args, **kwargs):
        raise RuntimeError("mất kết nối")

    monkeypatch.setattr(apply, "refresh_rollups", broken)
    with pytest.raises(RuntimeError):
        run(write_csv([row(), row(MaHoSo="HS-2")]))
    assert not Dossier.objects.exists() and not DossierRollup.objects.exists()
    monkeypatch.undo()
    assert run(write_csv([row()], name="again.csv")).created == 1  # the working tables were cleaned up


def test_missing_appointment_comes_from_the_procedure(world, catalogue, write_csv, run):
    path = write_csv([row(NgayHenTra="", NgayTiepNhan="20250829090000", NgayKetThucXuLy="20250904100000",
                          NgayTra="", MaTTHC="1.004227")])  # fmt: skip
    run(path)
    d = Dossier.objects.get()
    assert d.due_computed and d.due_at == datetime(
        2025, 9, 9, 23, 59, 59, tzinfo=VN
    )  # 5 working days, 1-2/9 off
    assert d.on_time is True


def test_an_apology_recorded_in_cchc_survives_a_reimport(world, catalogue, write_csv, run):
    path = write_csv([row(NgayKetThucXuLy="20250703090000", NgayTra="")])
    run(path)
    Dossier.objects.update(apology_at=datetime(2025, 7, 2, 9, tzinfo=VN))
    assert run(path).unchanged == 1
    assert Dossier.objects.get().apology_at is not None


def test_new_codes_beside_stored_ones_keep_the_rollups_whole(world, catalogue, write_csv, run):
    """A file of new codes only has its roll-ups computed from its rows and the stored ones before
    it is written: the dossiers already stored in the same unit, procedure and month still count."""
    from django.db import connection

    from apps.dossiers.pipeline.apply import refresh_all_rollups

    rows = [row(MaHoSo=f"R-{i}", NgayKetThucXuLy="" if i % 5 == 0 else "20250702100000", NgayTra="",
                TrangThaiHoSo="4" if i % 5 == 0 else "9", NgayHenTra=f"2025070{2 + i % 3}170000",
                KenhThucHien=str(1 + i % 2)) for i in range(40)]  # fmt: skip
    assert run(write_csv(rows[:25], name="a.csv")).created == 25
    out = run(write_csv(rows[25:], name="b.csv"))
    assert (out.created, out.updated, out.unchanged) == (15, 0, 0)
    kept = _rollups()
    assert sum(r[4] for r in kept) == 40  # received, over the keys both files share
    DossierRollup.objects.all().delete()
    refresh_all_rollups(connection)
    assert _rollups() == kept
