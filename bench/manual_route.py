"""Manual route benchmark: how long an official waits for an XLSX of tasks to be read, for rows
pasted from Excel to be shown as a grid, and for the diagnosis of a document with no task.

usage: python bench/manual_route.py [--runs N]

Workbooks are built with openpyxl from the template (500 task rows, and 4,950: the import limit less the template's other rows),
read through ``core.plandoc.parse_plan`` as an upload is (in-process: the sandbox adds its fork).
The paste is 500 rows (the paste limit). The diagnosis runs on the Thanh Hóa province seed with its
tasks removed, the largest seed. Prints the median seconds of each; the target is under 1 s for
500 rows and a paste, as for text and DOCX plans (issue 9).
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plan_readers import median_seconds as median  # noqa: E402 - bench/ is on sys.path when run

from core.plandoc import parse_plan  # noqa: E402
from core.plandoc.diagnose import diagnose  # noqa: E402
from core.plandoc.extract import extract_plan  # noqa: E402
from core.plandoc.readers import read_document  # noqa: E402
from core.plandoc.readers.xlsx import MAX_DATA_ROWS  # noqa: E402
from core.plandoc.sheets.paste import parse_paste  # noqa: E402
from core.plandoc.sheets.template import TASK_SHEET, template_bytes  # noqa: E402

SEED = ROOT / "fixtures" / "seeds" / "002_7ac37e54dd30bcb3.txt"
ROW = [
    "Cải cách thủ tục hành chính",
    "Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết của Ủy ban nhân dân xã, "
    "đề xuất phương án cắt giảm thời gian giải quyết",
    "- Báo cáo kết quả rà soát\n- Quyết định phê duyệt phương án",
    "Phòng Văn hóa - Xã hội",
    "Các phòng, ban, đơn vị cấp xã; Trung tâm Phục vụ hành chính công",
    "Quý II/2026",
    "",
]


def workbook(rows: int) -> bytes:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(template_bytes()))
    sheet = wb[TASK_SHEET]
    for number in range(1, rows + 1):
        sheet.append([number, *ROW])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    for rows in (500, MAX_DATA_ROWS - 50):  # the limit, less the template's other rows
        data = workbook(rows)
        plan = parse_plan(data, "nhiem-vu.xlsx")
        assert len(plan.tasks) == rows
        seconds = median(lambda d=data: parse_plan(d, "nhiem-vu.xlsx"), args.runs)
        print(f"xlsx import, {rows:>5} task rows ({len(data) // 1024} KB): {seconds:.3f} s")
    header = (
        "STT\tLĩnh vực\tNội dung nhiệm vụ\tSản phẩm\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn\tGhi chú\n"
    )
    cells = [cell.replace("\n", " ") for cell in ROW]
    pasted = header + "".join("\t".join([str(n), *cells]) + "\n" for n in range(1, 501))
    seconds = median(lambda: parse_paste(pasted, "tasks"), args.runs)
    print(f"paste from Excel, 500 rows shown as a grid: {seconds:.3f} s")
    doc = read_document(SEED.read_bytes(), SEED.name)
    draft = extract_plan(doc)
    draft.tasks = []
    seconds = median(lambda: diagnose(doc, draft), args.runs)
    print(
        f"diagnosis of a plan with no task found (seed 002, {len(doc.text) // 1000}k chars): {seconds:.3f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
