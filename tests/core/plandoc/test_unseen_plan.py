"""A hand-written plan unlike the seeds (other numbering, other header words, other column order)."""

from __future__ import annotations

from datetime import date

from core.plandoc import parse_plan

PLAN = """ỦY BAN NHÂN DÂN
PHƯỜNG HÒA BÌNH

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 45/KH-UBND
Hòa Bình, ngày 10 tháng 01 năm 2026

KẾ HOẠCH
Cải cách hành chính phường Hòa Bình năm 2026

I. MỤC TIÊU
1. Mục tiêu chung
Xây dựng nền hành chính phục vụ.
2. Các chỉ tiêu cụ thể
2.1. Về thủ tục hành chính
a) Tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 95%; không dưới 60% hồ sơ được nộp trực tuyến.
b) Rút ngắn thời gian giải quyết thủ tục hành chính.
2.2. Về chính quyền số
a) Tỷ lệ văn bản giấy gửi ra ngoài hệ thống không quá 10% vào năm 2027.

II. TỔ CHỨC THỰC HIỆN
1. Văn phòng HĐND và UBND phường: chủ trì triển khai nội dung cải cách thủ tục hành chính.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Trần Văn Bình

PHỤ LỤC
DANH MỤC NHIỆM VỤ NĂM 2026

STT\tTên nhiệm vụ\tĐơn vị thực hiện\tĐơn vị phối hợp\tThời hạn\tKết quả dự kiến\tGhi chú
(1)\t(2)\t(3)\t(4)\t(5)\t(6)\t(7)
I\tLĨNH VỰC CẢI CÁCH THỦ TỤC HÀNH CHÍNH\t\t\t\t\t
1.1\tCông khai thủ tục hành chính tại Bộ phận Một cửa\tTrung tâm Phục vụ hành chính công\tCông an phường, Phòng Kinh tế<br>Các tổ dân phố\tThường xuyên\t<p>+ Danh mục thủ tục</p><p>+ Báo cáo quý</p>\tKhông
1.2\tKhảo sát sự hài lòng của người dân\tPhòng Văn hóa - Xã hội\t\tQuý IV/2026\tBáo cáo khảo sát\t
II\tXÂY DỰNG CHÍNH QUYỀN SỐ\t\t\t\t\t
2.1\tSố hóa hồ sơ, kết quả giải quyết thủ tục hành chính đạt 100%\tTrung tâm Phục vụ hành chính công\tPhòng Văn hóa - Xã hội\tTháng 6/2026\tKho dữ liệu\t
"""


def test_header_fields():
    plan = parse_plan(PLAN.encode("utf-8"), "hoa_binh.txt")
    assert plan.issuer == "UBND phường Hòa Bình"
    assert plan.org_unit.name == "phường Hòa Bình" and plan.org_unit.level == "commune"
    assert plan.decision_number == "45/KH-UBND"
    assert plan.signed_date == date(2026, 1, 10)
    assert plan.signer == "Trần Văn Bình"
    assert plan.title == "Kế hoạch cải cách hành chính phường Hòa Bình năm 2026"
    assert (plan.period_start, plan.period_end) == (date(2026, 1, 1), date(2026, 12, 31))


def test_tasks_by_header_meaning():
    plan = parse_plan(PLAN.encode("utf-8"), "hoa_binh.txt")
    got = [(t.area, t.no, t.lead, t.coordinating, t.deadline_text, t.products, t.notes) for t in plan.tasks]
    assert got == [
        (
            "tthc",
            "1.1",
            ["Trung tâm Phục vụ hành chính công"],
            ["Công an phường", "Phòng Kinh tế", "Các tổ dân phố"],
            "Thường xuyên",
            ["Danh mục thủ tục", "Báo cáo quý"],
            "Không",
        ),
        ("tthc", "1.2", ["Phòng Văn hóa - Xã hội"], [], "Quý IV/2026", ["Báo cáo khảo sát"], None),
        (
            "chinh_quyen_so",
            "2.1",
            ["Trung tâm Phục vụ hành chính công"],
            ["Phòng Văn hóa - Xã hội"],
            "Tháng 6/2026",
            ["Kho dữ liệu"],
            None,
        ),
    ]


def test_targets_with_other_numbering():
    plan = parse_plan(PLAN.encode("utf-8"), "hoa_binh.txt")
    got = [(t.area, t.indicator, t.comparator, t.value, t.year) for t in plan.targets]
    assert got == [
        ("tthc", "on_time_rate", ">", 95, None),
        ("tthc", "online_dossier_rate", ">=", 60, None),
        ("tthc", None, None, None, None),
        ("chinh_quyen_so", "other", "<=", 10, 2027),
    ]
    assert plan.targets[2].text == "Rút ngắn thời gian giải quyết thủ tục hành chính"


def test_assignment_and_no_table_fallback():
    plan = parse_plan(PLAN.encode("utf-8"), "hoa_binh.txt")
    assert [(a.area, a.agency) for a in plan.assignments] == [("tthc", "Văn phòng HĐND và UBND phường")]
    assert plan.warnings == []
