"""A row cut by a page break (empty number cell after the repeated header) is merged into its task."""

from __future__ import annotations

from core.plandoc.extract import extract_plan
from core.plandoc.readers.text import read_text
from tests.core.plandoc.helpers import task

TABLE = (
    "Phụ lục: Nhiệm vụ cải cách thủ tục hành chính\n\n"
    "STT\tNhiệm vụ\tSản phẩm\tĐơn vị chủ trì\tThời hạn\n"
    "1\tRà soát quy trình nội bộ giải quyết thủ tục hành chính của\t- Quyết định phê duyệt;\t"
    "Văn phòng HĐND và\tQuý II/\n\n"
    "STT\tNhiệm vụ\tSản phẩm\tĐơn vị chủ trì\tThời hạn\n"
    "\tphường, công khai trên cổng thông tin\t- Báo cáo kết quả.\tUBND phường\t2026\n"
    "2\tCông khai thủ tục hành chính\tBáo cáo\tTrung tâm Phục vụ hành chính công\tThường xuyên\n"
)


def test_continuation_merged_cell_by_cell():
    plan = extract_plan(read_text(TABLE.encode(), "t.txt"))
    assert [t.no for t in plan.tasks] == ["1", "2"]
    first = plan.tasks[0]
    assert first.content == (
        "Rà soát quy trình nội bộ giải quyết thủ tục hành chính của phường, công khai trên cổng thông tin"
    )
    assert first.products == ["Quyết định phê duyệt", "Báo cáo kết quả"]
    assert first.lead == ["Văn phòng HĐND và UBND phường"]
    assert first.deadline_text == "Quý II/ 2026"


def test_seed_000_row_split_by_page_break(seed_plans):
    merged = task(seed_plans["000"], "tthc", "4")
    assert "đảm bảo 100% TTHC đủ điều kiện được thực hiện trực tuyến toàn trình" in merged.content
    assert merged.deadline_text == "- Báo cáo kết quả thực hiện: Định kỳ hàng tháng."
    assert len([t for t in seed_plans["000"].tasks if t.area == "tthc"]) == 7
