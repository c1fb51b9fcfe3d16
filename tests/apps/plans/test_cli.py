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
