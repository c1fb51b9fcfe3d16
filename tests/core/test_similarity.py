"""One measure of "same task" for the duplicate check, the re-import diff and the alignment."""

from __future__ import annotations

from core.checks.tasks import _duplicates
from core.similarity import SAME_TASK, pair_tasks, task_similarity

TASK = "Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết của UBND tỉnh"
REWORDED = "Rà soát, đơn giản hóa các thủ tục hành chính thuộc thẩm quyền giải quyết của UBND xã"
OTHER = "Tổ chức tập huấn kỹ năng số cho cán bộ, công chức cấp xã"


def test_scope_words_do_not_count_and_rewording_stays_close():
    assert task_similarity(TASK, TASK) == 100.0
    assert task_similarity(TASK, REWORDED) >= SAME_TASK
    assert task_similarity(TASK, OTHER) < 20


def test_a_task_merged_into_a_longer_one_is_contained():
    merged = TASK + "; công khai kết quả rà soát trên Cổng thông tin điện tử"
    assert task_similarity(TASK, merged) >= SAME_TASK


def test_duplicate_is_stricter_than_same_task():
    assert _duplicates(TASK, TASK.replace("tỉnh", "xã"))
    a = "Khảo sát mức độ hài lòng về dịch vụ y tế công"
    b = "Khảo sát mức độ hài lòng về dịch vụ giáo dục công lập"
    assert not _duplicates(a, b)


def test_reimport_pairs_within_an_area_by_the_same_measure():
    old = [("tthc", TASK), ("chinh_quyen_so", OTHER)]
    new = [("chinh_quyen_so", OTHER + " năm 2026"), ("tthc", REWORDED), ("tthc", "Công khai TTHC")]
    assert pair_tasks(old, new) == [(1, 0), (0, 1)]
