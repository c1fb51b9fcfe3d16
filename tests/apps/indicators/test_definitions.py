"""The indicator definitions of issue 11 on a file whose answers were worked out by hand.

xã An Một, Q3/2025 (dossiers received 01/07–30/09, Vietnamese time): eight dossiers in the period,
one before, one after, one of xã An Hai.
"""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

from apps.indicators import engine
from core import measures
from core.reporting.periods import parse_period
from tests.apps.dossiers.conftest import row


def _file(write_csv):
    f = {"NgayTra": "", "TrangThaiHoSo": ""}
    return write_csv([
        row(MaHoSo="1", KenhThucHien="2", **f),  # on time, online, result electronic
        row(MaHoSo="2", NgayKetThucXuLy="20250703090000", CoKetQuaDienTu="0", **f),  # late
        row(MaHoSo="3", SoLanBoSung="2", NgayYeuCauBoSung="20250701100000", CoKetQuaDienTu="0", **f),  # two requests
        row(MaHoSo="4", SoLanBoSung="1", NgayYeuCauBoSung="20250701100000", CoKetQuaDienTu="0", **f),  # one: on time
        row(MaHoSo="5", NgayKetThucXuLy="", NgayHenTra="15/10/2025", CoKetQuaDienTu="", **f),  # open, due after
        row(MaHoSo="6", NgayKetThucXuLy="", NgayHenTra="2025-09-25", CoKetQuaDienTu="", **f),  # open, due before
        row(MaHoSo="7", KenhThucHien="2", LePhi="10000", DuocThanhToanTrucTuyen="1", MaTTHC="2.000908", **f),
        row(MaHoSo="8", LePhi="10000", MaTTHC="2.000908", CoKetQuaDienTu="0", NgayNopHoSo="",
            NgayTiepNhan="30/09/2025 23:00", NgayHenTra="02/10/2025 17:00", NgayKetThucXuLy="01/10/2025 09:00", **f),
        row(MaHoSo="Q2", NgayNopHoSo="", NgayTiepNhan="30/06/2025 16:00", NgayHenTra="01/07/2025 17:00", **f),
        row(MaHoSo="Q4", NgayNopHoSo="", NgayTiepNhan="01/10/2025 00:30", NgayHenTra="02/10/2025 17:00",
            NgayKetThucXuLy="01/10/2025 09:00", **f),
        row(MaHoSo="A2", DonVi="xã An Hai", KenhThucHien="2", **f),
    ])  # fmt: skip


@pytest.fixture
def dossiers(world, catalogue, write_csv, run):
    out = run(_file(write_csv))
    assert (out.created, out.errors) == (11, 0)
    return world


def test_the_issue_definitions(dossiers):
    r = engine.evaluate(dossiers.a1, measures.calendar_period("2025-Q3")).by_code()
    assert (r["on_time_rate"].numerator, r["on_time_rate"].denominator, r["on_time_rate"].value) == (
        5,
        8,
        62.5,
    )
    assert (r["online_dossier_rate"].numerator, r["online_dossier_rate"].denominator) == (2, 8)
    assert r["online_dossier_rate"].value == 25.0
    assert (r["online_payment_rate"].numerator, r["online_payment_rate"].denominator) == (1, 2)
    assert (r["digitized_result_rate"].numerator, r["digitized_result_rate"].denominator) == (2, 6)
    assert r["digitized_result_rate"].value == 33.33


def test_points_with_the_2025_weights(dossiers):
    r = engine.evaluate(dossiers.a1, measures.calendar_period("2025-Q3")).by_code()
    assert (r["on_time_rate"].points, r["on_time_rate"].max_points) == (12.5, 20)  # 62.5% x 20
    assert (r["online_dossier_rate"].points, r["online_dossier_rate"].max_points) == (2.0, 4)  # 25/50 x 4
    assert (r["online_payment_rate"].points, r["online_payment_rate"].max_points) == (3.0, 6)
    assert r["digitized_result_rate"].points == 2.0


def test_the_province_adds_its_communes(dossiers):
    r = engine.evaluate(dossiers.a, measures.calendar_period("2025-Q3")).by_code()
    assert r["on_time_rate"].denominator == 9 and r["online_dossier_rate"].numerator == 3


def test_an_open_dossier_depends_on_the_period_end(dossiers):
    september = engine.evaluate(dossiers.a1, measures.calendar_period("2025-M09")).by_code()["on_time_rate"]
    assert (september.numerator, september.denominator) == (
        1,
        1,
    )  # dossier 8: finished 01/10, before its 02/10
    july = engine.evaluate(dossiers.a1, measures.calendar_period("2025-M07")).by_code()["on_time_rate"]
    assert (july.numerator, july.denominator) == (5, 7)  # dossier 6 (due 25/09) counts on time for July


def test_periods_the_rollups_cannot_cut_are_read_from_the_dossiers(dossiers):
    reporting = parse_period("2025-Q3")  # 15/06 - 14/09, the reporting cut-offs
    assert not engine.month_aligned(reporting)
    from_dossiers = engine.counts(dossiers.a1, reporting, catalogue=False)
    assert from_dossiers.received == 8  # Q2 (30/06) in, dossier 8 (30/09) out
    calendar = measures.calendar_period("2025-Q3")
    assert engine._sums_from_dossiers(dossiers.a1.subtree_ids(), calendar) == engine._sums(
        dossiers.a1.subtree_ids(), calendar
    )


def test_cchc_indicators_json(dossiers):
    out = StringIO()
    call_command("indicators", org_unit="xã An Một", period="2025-Q3", json=True, stdout=out)
    data = json.loads(out.getvalue())
    assert set(data) == {"org_unit", "period", "indicators", "total_points"}
    assert (data["org_unit"], data["period"]) == ("xã An Một", "2025-Q3")
    by_code = {i["code"]: i for i in data["indicators"]}
    assert set(next(iter(by_code.values()))) == {
        "code",
        "numerator",
        "denominator",
        "value",
        "points",
        "max_points",
    }
    assert by_code["on_time_rate"] == {"code": "on_time_rate", "numerator": 5, "denominator": 8, "value": 62.5,
                                       "points": 12.5, "max_points": 20}  # fmt: skip
    assert by_code["online_payment_rate"]["value"] == 50.0 and by_code["data_reuse_rate"]["value"] == 0.0
    assert data["total_points"] == round(sum(i["points"] or 0 for i in data["indicators"]), 2)


def test_measures_feed_the_rest_of_cchc(dossiers):
    m = measures.measure("on_time_rate", dossiers.a1, "2025-Q3")
    assert (m.value, m.numerator, m.denominator) == (62.5, 5, 8) and m.details["points"] == 12.5
    assert measures.measure("on_time_rate", dossiers.b1, "2025-Q3") is None  # no dossiers: no data, not 0%
