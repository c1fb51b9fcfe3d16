"""The business date can be pinned for demonstrations, and only by a valid date."""

from datetime import date

import time_machine

from cchc import clock


@time_machine.travel("2026-11-21 23:30 +0000", tick=False)
def test_real_today_is_vietnam_date(monkeypatch):
    monkeypatch.delenv("CCHC_TODAY", raising=False)
    assert clock.today() == date(2026, 11, 22)  # 06:30 in Asia/Ho_Chi_Minh


def test_pinned_date_wins_and_bad_value_is_ignored(monkeypatch):
    monkeypatch.setenv("CCHC_TODAY", "2025-11-25")
    assert clock.today() == date(2025, 11, 25)
    monkeypatch.setenv("CCHC_TODAY", "25/11/2025")
    assert clock.pinned_today() is None
