"""`cchc pakn list` and `cchc ratings summary`: the fields the issue names, clear errors."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from apps.citizen.services import petitions as svc
from tests.apps.citizen.conftest import petition_data


@pytest.fixture
def petitions(world, monkeypatch):
    monkeypatch.setenv("CCHC_TODAY", "2025-11-03")
    a = svc.classify(
        world.officer_a1, svc.submit_public(world.a1, petition_data(world.a1)), agency=world.kt_a1
    )
    b = svc.submit_public(world.a2, petition_data(world.a2))
    c = svc.submit_public(world.b1, petition_data(world.b1))
    return a, b, c


def test_list_json(petitions, world, capsys):
    a, b, c = petitions
    call_command("pakn", "list", "--org-unit", "tỉnh An", "--json")
    rows = json.loads(capsys.readouterr().out)
    assert {r["code"] for r in rows} == {a.code, b.code}
    row = next(r for r in rows if r["code"] == a.code)
    assert row == {
        "code": a.code,
        "unit": "xã An Một",
        "received": "2025-11-03",
        "due": a.due_on.isoformat(),
        "status": "assigned",
        "status_label": "Đang xử lý",
        "agency": "Phòng Kinh tế",
    }
    call_command("pakn", "list", "--status", "received", "--json")
    assert {r["code"] for r in json.loads(capsys.readouterr().out)} == {b.code, c.code}
    call_command("pakn", "list", "--org-unit", "An Hai")
    out = capsys.readouterr().out
    assert b.code in out and "1 phản ánh." in out


def test_bad_arguments(petitions):
    with pytest.raises(CommandError, match="Trạng thái không hợp lệ"):
        call_command("pakn", "list", "--status", "xong")
    with pytest.raises(CommandError, match="Không tìm thấy"):
        call_command("pakn", "list", "--org-unit", "xã Không Có")
    with pytest.raises(CommandError, match="Không tìm thấy"):
        call_command("ratings", "summary", "--org-unit", "xã Không Có", "--period", "2025-Q3")
    with pytest.raises(CommandError):
        call_command("ratings", "summary", "--org-unit", "xã An Một", "--period", "2025-Q9")


def test_summary_text(world, capsys):
    call_command("ratings", "summary", "--org-unit", "xã An Một", "--period", "2025-Q3")
    out = capsys.readouterr().out
    assert "0 đánh giá" in out and "chưa có hồ sơ trong kỳ" in out
