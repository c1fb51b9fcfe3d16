from datetime import datetime

import pytest

from core.dossiers.fields import (
    DATE_SHAPES,
    FieldError,
    Status,
    effective_status,
    parse_channel,
    parse_datetime,
    parse_fee,
    parse_flag,
    parse_payment,
    parse_status,
    read_row,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("20251028113222", datetime(2025, 10, 28, 11, 32, 22)),
        ("20251028", datetime(2025, 10, 28)),
        ("2025-10-28", datetime(2025, 10, 28)),
        ("2025-1-5 9:05", datetime(2025, 1, 5, 9, 5)),
        ("2025-10-28T11:32:22", datetime(2025, 10, 28, 11, 32, 22)),
        ("28/10/2025", datetime(2025, 10, 28)),
        ("1/2/2025 07:30", datetime(2025, 2, 1, 7, 30)),
        ("  28/10/2025 ", datetime(2025, 10, 28)),
        ("", None),
        (None, None),
    ],
)
def test_three_date_formats(text, expected):
    assert parse_datetime(text) == expected


@pytest.mark.parametrize("text", ["31/02/2025", "2025-13-01", "28/10/25", "2025/10/28", "28-10-2025", "now", "251028",
                                  "2025-10-28 11:32:22.5", "01/01/1900"])  # fmt: skip
def test_dates_outside_the_three_formats_are_refused_with_the_value(text):
    with pytest.raises(FieldError) as exc:
        parse_datetime(text, "NgayTiepNhan")
    assert "NgayTiepNhan" in str(exc.value) and text.strip() in str(exc.value)


def test_every_date_shape_has_one_reading():
    for shape in DATE_SHAPES:
        sample = shape.replace("0000", "YYYY", 1).replace("0", "1").replace("YYYY", "2024")
        got = parse_datetime(sample)
        assert got.year == 2024 and got.month in (1, 11) and got.day in (1, 11), shape


def test_channel_status_flags_and_fee():
    assert parse_channel("") == 1 and parse_channel("2") == 2 and parse_channel("Trực tuyến") == 2
    assert parse_channel("Bưu chính công ích") == 3
    with pytest.raises(FieldError):
        parse_channel("4")
    assert (
        parse_status("10") == 10
        and parse_status("Đã trả kết quả") == 10
        and parse_status("da xu ly xong") == 9
    )
    assert parse_status("") is None
    with pytest.raises(FieldError):
        parse_status("11")
    assert parse_flag("1") is True and parse_flag("") is False and parse_flag("Có") is True
    with pytest.raises(FieldError):
        parse_flag("2", "CoKetQuaDienTu")
    assert parse_payment("2") == 2 and parse_payment("") == 0
    assert parse_fee("15.000") == 15000 and parse_fee("15,000") == 15000 and parse_fee("") == 0
    assert parse_fee(8000.0) == 8000
    with pytest.raises(FieldError):
        parse_fee("-5")


def _row(**values):
    base = {"MaHoSo": "H1", "MaTTHC": "1.001", "DonVi": "xã A", "NgayTiepNhan": "01/07/2025",
            "NgayHenTra": "03/07/2025", "NgayKetThucXuLy": ""}  # fmt: skip
    base.update(values)
    return read_row(base, 2)


def test_read_row_types_and_unknowns():
    r, errors = _row(KenhThucHien="2", LePhi="10000", DuocThanhToanTrucTuyen="1")
    assert errors == []
    assert r.channel == 2 and r.fee == 10000 and r.paid_online == 1
    assert r.e_result is None  # the column is absent: unknown, not "no"
    r, _ = _row(CoKetQuaDienTu="")
    assert r.e_result is False  # present and blank: no


def test_a_dossier_finished_before_it_was_received_is_refused():
    _r, errors = _row(NgayKetThucXuLy="30/06/2025")
    assert errors == [("NgayKetThucXuLy", "ngày kết thúc xử lý 30/06/2025 trước ngày tiếp nhận 01/07/2025.")]


def test_row_rules():
    assert ("NgayTiepNhan", "thiếu ngày tiếp nhận.") in _row(NgayTiepNhan="")[1]
    assert _row(NgayTiepNhan="", TrangThaiHoSo="1")[1] == []  # not received yet: nothing to say
    assert any(c == "NgayKetThucXuLy" for c, _m in _row(TrangThaiHoSo="10")[1])
    assert ("SoLanBoSung", "SoLanBoSung là 0 nhưng có ngày yêu cầu bổ sung.") in _row(
        SoLanBoSung="0", NgayYeuCauBoSung="02/07/2025"
    )[1]
    r, errors = _row(NgayYeuCauBoSung="02/07/2025")
    assert errors == [] and r.supplement_count == 1  # count not given: one request
    assert [c for c, _m in _row(MaHoSo="", DonVi="", MaTTHC="")[1]] == ["MaHoSo", "MaTTHC", "DonVi"]


def test_effective_status():
    r, _ = _row(NgayKetThucXuLy="02/07/2025")
    assert effective_status(r) == Status.DONE
    r, _ = _row(NgayKetThucXuLy="02/07/2025", NgayTra="03/07/2025")
    assert effective_status(r) == Status.RETURNED
    r, _ = _row()
    assert effective_status(r) == Status.PROCESSING
