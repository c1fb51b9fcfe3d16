"""`cchc check-plan` and `cchc align-plans` on the real seeds, without touching the database.

No ``db`` fixture here: pytest-django refuses any query, so a command that touched the database
would fail these tests.
"""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command

from tests.apps.review.conftest import CLEAN_SEED, COMMUNE_SEED, PROVINCE_SEED

KEYS = {"rule", "severity", "message", "area", "no", "target_index", "span"}


def _json(capsys, *args) -> dict:
    call_command(*args, "--json")
    return json.loads(capsys.readouterr().out)


def test_check_plan_json_finds_the_defects_of_seed_000_against_002(capsys):
    data = _json(capsys, "check-plan", str(COMMUNE_SEED), "--superior", str(PROVINCE_SEED))
    findings = data["findings"]
    assert findings and all(set(f) == KEYS for f in findings)
    rules = {f["rule"] for f in findings}
    expected = {"editorial_note", "foreign_scope", "lead_conflict", "missing_number", "missing_date"}
    assert expected | {"duplicate_task", "superior_target_not_covered"} <= rules
    note = next(f for f in findings if f["rule"] == "editorial_note" and f["no"] == "2")
    assert (
        note["area"] == "chi_dao" and note["severity"] == "error" and "đổi thành cấp tỉnh" in note["message"]
    )
    assert note["span"]["end"] > note["span"]["start"] >= 0
    conflict = next(f for f in findings if f["rule"] == "lead_conflict")
    assert (conflict["area"], conflict["no"]) == ("chinh_quyen_so", "6")
    severities = [f["severity"] for f in findings]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)


def test_superior_rules_need_the_superior(capsys):
    rules = {f["rule"] for f in _json(capsys, "check-plan", str(COMMUNE_SEED))["findings"]}
    assert "editorial_note" in rules
    assert not rules & {"superior_task_not_covered", "superior_target_not_covered", "weaker_target"}


def test_seed_004_raises_no_error(capsys):
    findings = _json(capsys, "check-plan", str(CLEAN_SEED))["findings"]
    assert not [f for f in findings if f["severity"] == "error"]


def test_human_output_groups_by_severity(capsys):
    call_command("check-plan", str(COMMUNE_SEED), "--superior", str(PROVINCE_SEED))
    out = capsys.readouterr().out
    assert out.startswith("xã Thường Xuân:")
    assert out.index("LỖI (") < out.index("CẢNH BÁO (") < out.index("LƯU Ý (")
    assert "Còn ghi chú soạn thảo (editorial_note) — nhiệm vụ 2, Công tác chỉ đạo, điều hành" in out


def test_align_plans_json_pairs_and_uncovered_items(capsys):
    data = _json(capsys, "align-plans", str(COMMUNE_SEED), str(PROVINCE_SEED))
    assert data["warning"] is None
    assert len(data["pairs"]) >= 25
    pair = next(p for p in data["pairs"] if p["task"]["area"] == "the_che" and p["task"]["no"] == "3")
    assert pair["superior_task"]["no"] == "3" and pair["score"] >= 90 and "điểm" in pair["explanation"]
    assert {"unmatched_tasks", "uncovered_superior_tasks", "superior_tasks", "superior_targets"} <= set(data)
    assert any(t["status"] == "missing" for t in data["superior_targets"])


def test_align_plans_human_output_and_wrong_level_warning(capsys):
    call_command("align-plans", str(PROVINCE_SEED), str(COMMUNE_SEED))
    out = capsys.readouterr().out
    assert out.startswith("Cảnh báo: Kế hoạch cấp trên đã chọn")
    assert "nhiệm vụ cấp trên chưa có nhiệm vụ tương ứng" in out


def test_bad_input_fails_with_one_line(tmp_path):
    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        call_command("check-plan", str(tmp_path / "khong-co.docx"), "--json")
    empty = tmp_path / "trong.txt"
    empty.write_bytes(b"")
    with pytest.raises(CommandError, match="trong.txt: .*trống") as info:
        call_command("check-plan", str(COMMUNE_SEED), "--superior", str(empty), "--json")
    assert "\n" not in str(info.value)
    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        call_command("align-plans", str(COMMUNE_SEED), str(tmp_path / "x.pdf"))
