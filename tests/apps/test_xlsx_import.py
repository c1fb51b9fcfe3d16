"""XLSX import of units and agencies: all or nothing, errors row by row, in Vietnamese."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from apps.orgs.models import Agency, Alias, OrgUnit
from apps.orgs.xlsx_import import AGENCY_HEADERS, AGENCY_SHEET, UNIT_HEADERS, UNIT_SHEET

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _workbook(units, agencies) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = UNIT_SHEET
    ws.append(UNIT_HEADERS)
    for row in units:
        ws.append(row)
    ws2 = wb.create_sheet(AGENCY_SHEET)
    ws2.append(AGENCY_HEADERS)
    for row in agencies:
        ws2.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _upload(client, data: bytes, name="don-vi.xlsx"):
    return client.post(
        reverse("orgs:xlsx_upload"), {"file": SimpleUploadedFile(name, data, content_type=XLSX)}, follow=True
    )


def test_template_downloads_and_opens_with_both_sheets(world, login):
    response = login(world.admin_a).get(reverse("orgs:xlsx_template"))
    wb = load_workbook(io.BytesIO(response.content))
    assert wb.sheetnames == [UNIT_SHEET, AGENCY_SHEET]
    assert [c.value for c in wb[AGENCY_SHEET][1]] == AGENCY_HEADERS


def test_valid_sheet_imports_units_agencies_aliases(world, login):
    data = _workbook(
        [["xã An Ba", "xã", "tỉnh An", ""]],
        [
            [
                "xã An Ba",
                "Phòng Văn hóa - Xã hội",
                "VHXH",
                "Phòng, ban chuyên môn",
                "Phòng VHXH; Phòng VH-XH",
            ],
            ["xã An Một", "Công an xã", "", "Công an", ""],
        ],
    )
    response = _upload(login(world.admin_a), data)
    assert "Đã nhập 1 đơn vị, 2 cơ quan, 2 tên gọi khác" in response.content.decode()
    unit = OrgUnit.objects.get(name="xã An Ba")
    assert unit.parent == world.a and unit.level == "commune"
    assert Alias.objects.get(text="Phòng VH-XH").agency.org_unit == unit
    assert Agency.objects.get(org_unit=world.a1, name="Công an xã").kind == "cong_an"


def test_any_bad_row_saves_nothing_and_lists_rows(world, login):
    data = _workbook(
        [["xã An Ba", "xã", "tỉnh An", ""], ["xã Lạ", "thôn", "tỉnh An", ""]],
        [["xã An Một", "Phòng Kinh tế", "", "", ""], ["xã Không Có", "Phòng X", "", "", ""]],
    )
    body = _upload(login(world.admin_a), data).content.decode()
    assert "dòng 3" in body and "cấp" in body
    assert "trùng tên" in body
    assert "xã Không Có" in body
    assert not OrgUnit.objects.filter(name="xã An Ba").exists()


def test_rows_outside_admin_scope_are_refused(world, login):
    data = _workbook([], [["xã Bình Một", "Phòng Mới", "", "", ""]])
    body = _upload(login(world.admin_a), data).content.decode()
    assert "xã Bình Một" in body  # not even visible as a unit to this admin
    assert not Agency.objects.filter(name="Phòng Mới").exists()


def test_not_an_xlsx_is_refused_by_content(world, login):
    body = _upload(login(world.admin_a), b"%PDF-1.4 not excel", name="gia-mao.xlsx").content.decode()
    assert "không phải Excel" in body


def test_corrupt_zip_is_refused(world, login):
    body = _upload(login(world.admin_a), b"PK\x03\x04garbage").content.decode()
    assert "Không đọc được tệp" in body


def test_non_admin_cannot_import(world, login):
    assert login(world.officer_a1).get(reverse("orgs:xlsx_upload")).status_code == 403
