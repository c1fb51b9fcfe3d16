"""A signed report freezes its data as JSON and reads back the same."""

from __future__ import annotations

import json

from core.reporting.data import ReportData
from tests.core.reporting.sample import sample, with_communes


def test_round_trip_through_json():
    data = with_communes(sample())
    raw = json.loads(json.dumps(data.to_dict()))
    back = ReportData.from_dict(raw)
    assert back == data
    assert back.tasks[0].evidence[0].title == "Báo cáo số 45/BC-PKT"
    assert back.indicators[0].trend[0] == ("Quý I/2025", 95.0)
