"""`cchc report --org-unit ... --period ... --out ... [--annex ...]` on the current database."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import load_workbook


def test_writes_report_and_annex(world, q3, tmp_path, capsys):
    out, annex = tmp_path / "bao-cao.docx", tmp_path / "phu-luc.xlsx"
    call_command(
        "report", "--org-unit", "xã An Một", "--period", "2025-Q3", "--out", str(out), "--annex", str(annex)
    )
    text = "\n".join(p.text for p in Document(out).paragraphs)
    assert "Kết quả thực hiện công tác cải cách hành chính quý III năm 2025" in text
    assert "ỦY BAN NHÂN DÂN XÃ AN MỘT" in Document(out).tables[0].rows[0].cells[0].text
    assert load_workbook(annex)["Nhiệm vụ"].max_row == 4 + 3
    err = capsys.readouterr().err
    assert "bản nháp chưa lưu" in err and "3 nhiệm vụ" in err


def test_short_name_and_province_with_compile(world, q3, tmp_path):
    call_command("report", "--org-unit", "An Một", "--period", "2025-Q3", "--out", str(tmp_path / "a.docx"))
    call_command(
        "report",
        "--org-unit",
        "tỉnh An",
        "--period",
        "2025-Y",
        "--out",
        str(tmp_path / "p.docx"),
        "--compile",
    )
    cells = "\n".join(c.text for t in Document(tmp_path / "p.docx").tables for r in t.rows for c in r.cells)
    assert "xã An Một" in cells and "xã An Hai" in cells


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--org-unit", "xã Không Có", "--period", "2025-Q3"], "Không tìm thấy đúng một đơn vị"),
        (["--org-unit", "xã An Một", "--period", "2025-Q7"], "không hợp lệ"),
    ],
)
def test_errors_are_one_plain_line(world, tmp_path, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("report", *args, "--out", str(tmp_path / "x.docx"))


def test_unwritable_output(world, tmp_path):
    with pytest.raises(CommandError, match="Không ghi được"):
        call_command(
            "report",
            "--org-unit",
            "xã An Một",
            "--period",
            "2025-Q3",
            "--out",
            str(tmp_path / "no" / "x.docx"),
        )
