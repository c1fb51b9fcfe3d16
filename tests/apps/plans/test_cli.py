"""`cchc import-plan`: JSON without touching the database, or saved into a unit."""

import json

import pytest
from django.core.management import CommandError, call_command

from apps.plans.models import Milestone, Plan
from tests.apps.plans.conftest import COMMUNE_SEED


def test_json_output_follows_gold_schema_with_milestones(db, capsys):
    call_command("import-plan", str(COMMUNE_SEED), "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["org_unit"]["name"] == "xã Thường Xuân"
    assert len(data["tasks"]) == 39 and len(data["targets"]) == 9
    task = data["tasks"][0]
    assert {
        "area",
        "no",
        "content",
        "products",
        "lead",
        "coordinating",
        "deadline_text",
        "notes",
        "milestones",
    } <= set(task)
    assert all(
        {"label", "kind", "due", "frequency"} <= set(m) for t in data["tasks"] for m in t["milestones"]
    )
    assert not Plan.objects.exists()


def test_save_into_unit(world):
    call_command("import-plan", str(COMMUNE_SEED), "--org-unit", "xã An Một", "--save")
    plan = Plan.objects.get()
    assert plan.org_unit == world.a1 and plan.status == Plan.Status.ACTIVE
    assert Milestone.objects.filter(task__plan=plan).exists()


def test_unknown_unit_and_missing_file_fail_with_one_line(world, tmp_path):
    with pytest.raises(CommandError, match="Không tìm thấy đúng một đơn vị"):
        call_command("import-plan", str(COMMUNE_SEED), "--org-unit", "xã Không Có", "--save")
    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        call_command("import-plan", str(tmp_path / "khong-co.docx"), "--json")
    empty = tmp_path / "trong.txt"
    empty.write_bytes(b"")
    with pytest.raises(CommandError, match="trống"):
        call_command("import-plan", str(empty), "--json")
    assert not Plan.objects.exists()


# -- never a silent zero, and the manual route at the command line ---------------------------------

MANUAL = COMMUNE_SEED.parents[1] / "manual"


def test_json_lists_why_nothing_was_found(db, capsys):
    call_command("import-plan", str(MANUAL / "nghi-dinh.txt"), "--json")
    warnings = json.loads(capsys.readouterr().out)["warnings"]
    assert warnings[0].startswith("Văn bản này là Nghị định, không phải kế hoạch")
    assert any(
        w.startswith("Không tìm thấy chỉ tiêu nào: văn bản không có phần “Mục tiêu”") for w in warnings
    )
    assert any("cchc import-plan TỆP.xlsx" in w for w in warnings)  # the manual route


def test_json_of_a_full_plan_has_no_diagnosis(db, capsys):
    call_command("import-plan", str(COMMUNE_SEED), "--json")
    warnings = json.loads(capsys.readouterr().out)["warnings"]
    assert not any(w.startswith(("Không tìm thấy", "Nhập bằng tay", "Văn bản này là")) for w in warnings)


def test_template_written_filled_and_imported(db, tmp_path, capsys):
    import io

    from openpyxl import load_workbook

    path = tmp_path / "mau.xlsx"
    call_command("plan-template", str(path))
    wb = load_workbook(io.BytesIO(path.read_bytes()))
    wb["Nhiệm vụ"].append(
        [1, "Cải cách thể chế", "Rà soát văn bản", None, "Phòng Tư pháp", None, "Quý I/2026"]
    )
    wb.save(path)
    call_command("import-plan", str(path), "--json")
    data = json.loads(capsys.readouterr().out)
    assert [(t["no"], t["area"], t["content"], t["lead"]) for t in data["tasks"]] == [
        ("1", "the_che", "Rà soát văn bản", ["Phòng Tư pháp"])
    ]
    assert data["tasks"][0]["milestones"][0]["due"].endswith("-03-31")
    assert data["tasks"][0]["spans"]["content"]["start"] > 0
    assert data["warnings"][0].startswith(
        "Không tìm thấy chỉ tiêu nào: trang “Chỉ tiêu” chưa có dòng chỉ tiêu"
    )


def test_workbook_with_bad_rows_fails_listing_each_row(world, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Nội dung nhiệm vụ", "Cơ quan chủ trì"])
    wb.active.append([None, "Phòng Kinh tế"])
    wb.active.append(["Rà soát", "Phòng Tư pháp"])
    path = tmp_path / "sai.xlsx"
    wb.save(path)
    with pytest.raises(CommandError) as caught:
        call_command("import-plan", str(path), "--org-unit", "xã An Một", "--save")
    lines = str(caught.value).splitlines()
    assert lines[0].startswith("Có dòng chưa đúng nên chưa nhập gì")
    assert lines[1] == "Trang “Sheet”, dòng 2: thiếu nội dung nhiệm vụ (cột “Nội dung nhiệm vụ”)."
    assert not Plan.objects.exists()


def test_template_needs_an_xlsx_name(db, tmp_path):
    with pytest.raises(CommandError, match=".xlsx"):
        call_command("plan-template", str(tmp_path / "mau.csv"))
