"""`cchc dossiers ...` and the demo data."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from apps.dossiers.models import ColumnMapping, Dossier, DossierImport, Procedure
from tests.apps.dossiers.conftest import row


def test_import_json_dry_run_then_real(world, catalogue, write_csv):
    path = write_csv([row(), row(MaHoSo="E", DonVi="xã Không Có")])
    out = StringIO()
    call_command("dossiers", "import", str(path), "--dry-run", "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert (data["dry_run"], data["created"], data["errors"]) == (True, 1, 1)
    assert data["error_rows"][0]["column"] == "DonVi" and not Dossier.objects.exists()
    out = StringIO()
    call_command("dossiers", "import", str(path), stdout=out)
    assert "Đã thêm 1 hồ sơ" in out.getvalue() and Dossier.objects.count() == 1
    assert DossierImport.objects.filter(status="done").count() == 2


def test_import_with_a_named_mapping_and_refusals(world, catalogue, write_csv):
    with pytest.raises(CommandError, match="Không có nguồn dữ liệu tên “Không có”"):
        call_command("dossiers", "import", str(write_csv([row()])), "--mapping", "Không có")
    with pytest.raises(CommandError, match="Thiếu cột bắt buộc"):
        call_command("dossiers", "import", str(write_csv([row()], columns=["MaHoSo", "DonVi"])))
    names = {"MaHoSo": "So", "MaTTHC": "Ma", "DonVi": "Noi", "NgayTiepNhan": "Nhan", "NgayHenTra": "Hen",
             "NgayKetThucXuLy": "Xong"}  # fmt: skip
    ColumnMapping.objects.create(name="Nguồn A", columns=names)
    path = write_csv(
        [{names[k]: v for k, v in row().items() if k in names}], columns=list(names.values()), name="a.csv"
    )
    call_command("dossiers", "import", str(path), "--mapping", "Nguồn A", stdout=StringIO())
    assert Dossier.objects.count() == 1


def test_procedures_template_and_rollups(world, tmp_path):
    template = tmp_path / "mau.xlsx"
    call_command("dossiers", "template", str(template), stdout=StringIO())
    assert load_workbook(template).active["A1"].value == "MaHoSo"
    from apps.dossiers.catalogue import template_bytes

    (tmp_path / "dm.xlsx").write_bytes(template_bytes())
    call_command("dossiers", "procedures", str(tmp_path / "dm.xlsx"), stdout=StringIO())
    assert Procedure.objects.count() == 3
    out = StringIO()
    call_command("dossiers", "rollups", stdout=out)
    assert "0 nhóm" in out.getvalue()


def test_demo_step_imports_a_year_for_the_demo_communes(db):
    from apps.system.demo import load_demo

    load_demo(log=lambda _line: None)
    units = set(Dossier.objects.values_list("org_unit__name", flat=True))
    assert units == {"xã Thường Xuân", "xã Ngọc Liên", "xã Anh Sơn", "xã Tuệ Tĩnh"}
    assert Dossier.objects.count() == 4 * 2400
    months = {d.month for d in Dossier.objects.dates("received_at", "month")}
    assert len(months) == 12
    load_demo(log=lambda _line: None)
    assert Dossier.objects.count() == 4 * 2400  # idempotent
