"""The XLSX template an official downloads to type a plan's tasks and targets by hand.

Sheets: "Nhiệm vụ" and "Chỉ tiêu" (a header row with the gold schema's fields in Vietnamese, one row
per task or target below it), "Thông tin chung" (the plan's header fields as label/value rows),
"Hướng dẫn" (how to fill it), and a hidden "Danh mục" holding the lists behind the drop-downs. The
reader (``sheets.workbook``) does not need this layout: any sheet whose header row names the columns
is read the same way.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from core.indicators import INDICATORS
from core.plandoc.model import AREAS
from core.plandoc.sheets.fields import HEADER_FIELDS, TARGET_COLUMNS, TASK_COLUMNS

TASK_SHEET = "Nhiệm vụ"
TARGET_SHEET = "Chỉ tiêu"
HEADER_SHEET = "Thông tin chung"
HELP_SHEET = "Hướng dẫn"
LISTS_SHEET = "Danh mục"
FILENAME = "mau-nhap-ke-hoach-cchc.xlsx"
DATA_ROWS = 500  # rows the drop-downs and wrapping cover

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="top")
_TASK_WIDTHS = {
    "no": 7,
    "area": 26,
    "content": 60,
    "products": 32,
    "lead": 28,
    "coordinating": 28,
    "deadline": 18,
    "notes": 20,
}
_TARGET_WIDTHS = {
    "area": 26,
    "text": 60,
    "indicator": 36,
    "comparator": 10,
    "value": 10,
    "unit": 10,
    "year": 8,
}
_COMPARATORS = ("≥", ">", "≤", "<")

HELP_LINES = (
    "Cách điền tệp mẫu nhập kế hoạch CCHC",
    "1. Trang “Nhiệm vụ”: mỗi dòng một nhiệm vụ. Bắt buộc cột “Nội dung nhiệm vụ”; các cột khác để trống nếu văn bản không ghi.",
    "2. “Lĩnh vực”: chọn một trong 7 lĩnh vực CCHC trong danh sách, hoặc để trống nếu nhiệm vụ không thuộc lĩnh vực nào.",
    "3. “Sản phẩm”, “Cơ quan chủ trì”, “Cơ quan phối hợp”: mỗi mục một dòng trong ô (Alt+Enter), hoặc cách nhau bởi dấu “;”.",
    "4. “Thời hạn”: ghi như trong văn bản, ví dụ “Quý II/2025”, “Trước ngày 30/11/2025”, “Thường xuyên”, “Định kỳ hằng quý”.",
    "5. Dòng nhóm (ví dụ STT “I”, nội dung “CẢI CÁCH THỂ CHẾ”, các cột khác trống) đặt lĩnh vực cho các dòng dưới nó.",
    "6. Trang “Chỉ tiêu”: mỗi dòng một chỉ tiêu; “Giá trị” là số (ví dụ 95 hoặc 95%), “So sánh” là ≥, >, ≤, <, “Năm” ví dụ 2025.",
    "7. Trang “Thông tin chung”: tên, số ký hiệu, ngày ký (ngày/tháng/năm), người ký, thời gian thực hiện của kế hoạch.",
    "8. Có thể đổi thứ tự cột, thêm cột khác hoặc dùng bảng Excel sẵn có: hệ thống nhận cột theo tên ở dòng tiêu đề.",
    "9. Nếu có dòng sai, hệ thống không nhập gì và chỉ ra từng dòng cần sửa (trang, số dòng, lý do).",
    "Ví dụ một dòng nhiệm vụ: 1 | Cải cách thủ tục hành chính | Rà soát, đơn giản hóa thủ tục hành chính | Báo cáo rà soát | "
    "Phòng Văn hóa - Xã hội | Các phòng, ban, đơn vị cấp xã | Quý II/2025 |",
)


def template_bytes() -> bytes:
    """The template workbook as XLSX bytes."""
    wb = Workbook()
    tasks = wb.active
    tasks.title = TASK_SHEET
    _data_sheet(tasks, TASK_COLUMNS, _TASK_WIDTHS)
    targets = wb.create_sheet(TARGET_SHEET)
    _data_sheet(targets, TARGET_COLUMNS, _TARGET_WIDTHS)
    _header_sheet(wb.create_sheet(HEADER_SHEET))
    _help_sheet(wb.create_sheet(HELP_SHEET))
    lists = wb.create_sheet(LISTS_SHEET)
    _lists(lists)
    _choices(tasks, "area", TASK_COLUMNS, f"'{LISTS_SHEET}'!$A$2:$A${len(AREAS) + 1}")
    _choices(targets, "area", TARGET_COLUMNS, f"'{LISTS_SHEET}'!$A$2:$A${len(AREAS) + 1}")
    _choices(targets, "indicator", TARGET_COLUMNS, f"'{LISTS_SHEET}'!$B$2:$B${len(INDICATORS) + 1}")
    _choices(targets, "comparator", TARGET_COLUMNS, f"'{LISTS_SHEET}'!$C$2:$C${len(_COMPARATORS) + 1}")
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _header_row(ws: Worksheet, labels: list[str]) -> None:
    ws.append(labels)
    for cell in ws[1]:
        cell.font, cell.fill, cell.alignment = _HEADER_FONT, _HEADER_FILL, _WRAP
    ws.freeze_panes = "A2"


def _data_sheet(ws: Worksheet, columns, widths: dict[str, int]) -> None:
    _header_row(ws, [label for _name, label in columns])
    for index, (name, _label) in enumerate(columns, start=1):
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = widths[name]
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"


def _header_sheet(ws: Worksheet) -> None:
    _header_row(ws, ["Thông tin", "Giá trị"])
    for _name, label in HEADER_FIELDS:
        ws.append([label, None])
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 70


def _help_sheet(ws: Worksheet) -> None:
    for line in HELP_LINES:
        ws.append([line])
    ws["A1"].font = Font(bold=True, size=13)
    ws.column_dimensions["A"].width = 140


def _lists(ws: Worksheet) -> None:
    ws.append(["Lĩnh vực", "Chỉ số", "So sánh"])
    areas, names = list(AREAS.values()), [name for _c, name, _a, _u in INDICATORS]
    for index in range(max(len(areas), len(names), len(_COMPARATORS))):
        ws.append(
            [
                areas[index] if index < len(areas) else None,
                names[index] if index < len(names) else None,
                _COMPARATORS[index] if index < len(_COMPARATORS) else None,
            ]
        )
    ws.sheet_state = "hidden"


def _choices(ws: Worksheet, name: str, columns, formula: str) -> None:
    """A drop-down on the column of ``name``; other text stays allowed (a warning, not a refusal)."""
    index = [n for n, _label in columns].index(name) + 1
    letter = get_column_letter(index)
    rule = DataValidation(type="list", formula1=formula, allow_blank=True, errorStyle="warning")
    rule.error = "Giá trị không có trong danh sách; hệ thống sẽ kiểm tra khi nhập."
    rule.errorTitle = "Kiểm tra lại"
    ws.add_data_validation(rule)
    rule.add(f"{letter}2:{letter}{DATA_ROWS + 1}")
