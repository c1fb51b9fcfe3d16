"""Indicator values against targets, Vietnamese number format, the SVG trend chart."""

from __future__ import annotations

import pytest

from core.reporting.chart import trend_svg
from core.reporting.targets import Verdict, number, target_text, verdict


@pytest.mark.parametrize(
    ("value", "op", "target", "expected"),
    [
        (97.5, ">=", 100, Verdict.NOT_MET),
        (100, ">=", 100, Verdict.MET),
        (100, "", 100, Verdict.MET),  # a bare "100%" means at least 100%
        (50, ">", 50, Verdict.NOT_MET),
        (3, "<=", 5, Verdict.MET),
        (None, ">=", 80, Verdict.NO_DATA),
        (80, ">=", None, Verdict.NO_TARGET),
    ],
)
def test_verdict(value, op, target, expected):
    assert verdict(value, op, target) is expected


def test_vietnamese_numbers():
    assert number(97.5, "%") == "97,5%"
    assert number(1250, "hồ sơ") == "1.250 hồ sơ"
    assert number(None) == "—"
    assert target_text(">=", 80, "%") == "≥ 80%"


def test_trend_chart_is_plain_svg_with_labels_and_target():
    svg = trend_svg([("Quý I/2025", 90.0), ("Quý III/2025", 97.5)], target=95, title="Tỷ lệ <đúng hạn>")
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "<script" not in svg and "style=" not in svg  # CSP: no inline script or style
    assert "Quý III/2025" in svg and "97,5%" in svg and "Chỉ tiêu 95%" in svg
    assert "&lt;đúng hạn&gt;" in svg
    assert "Chưa có số liệu" in trend_svg([])
