"""The layouts officials receive, each as a small hand-written plan, read by meaning.

Every expectation here was written from the text of the plan above it, not from the importer's
output: a task's content, its lead and coordinating agencies and its deadline as an official would
type them. The plans are short but written the way real plans are (see fixtures/corpus for the real
documents the rules were checked against).
"""

from __future__ import annotations

from core.plandoc import parse_plan

HEADER = """ỦY BAN NHÂN DÂN
TỈNH AN PHÚ

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 12/KH-UBND
An Phú, ngày 05 tháng 3 năm 2026

KẾ HOẠCH
TRIỂN KHAI THI HÀNH LUẬT THỬ NGHIỆM TRÊN ĐỊA BÀN TỈNH AN PHÚ

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Bảo đảm việc thi hành Luật kịp thời, thống nhất.

II. NỘI DUNG
"""

FOOTER = """
Trên đây là Kế hoạch triển khai thi hành Luật trên địa bàn tỉnh.

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Lê Văn An
"""


def read(body: str):
    return parse_plan((HEADER + body + FOOTER).encode("utf-8"), "plan.txt")


def fields(plan):
    return [(t.no, t.content, t.lead, t.coordinating, t.deadline_text) for t in plan.tasks]


def test_labelled_blocks_with_dashes():
    plan = read(
        """1. Rà soát văn bản quy phạm pháp luật
- Cơ quan chủ trì: Sở Tư pháp.
- Cơ quan phối hợp: Sở Nội vụ, Văn phòng UBND tỉnh.
- Thời gian thực hiện: Quý II/2026.

2. Tổ chức tập huấn cho cán bộ, công chức
- Đơn vị chủ trì thực hiện: Sở Nội vụ.
- Thời hạn hoàn thành: Tháng 9/2026.
"""
    )
    assert fields(plan) == [
        (
            "1",
            "Rà soát văn bản quy phạm pháp luật",
            ["Sở Tư pháp"],
            ["Sở Nội vụ", "Văn phòng UBND tỉnh"],
            "Quý II/2026.",
        ),
        ("2", "Tổ chức tập huấn cho cán bộ, công chức", ["Sở Nội vụ"], [], "Tháng 9/2026."),
    ]


def test_executing_agency_with_lead_and_helpers_inside():
    plan = read(
        """1. Xây dựng cơ sở dữ liệu về lao động
- Cơ quan thực hiện:
+ Chủ trì: Sở Nội vụ;
+ Phối hợp: Sở Tài chính, Công an tỉnh.
- Thời gian thực hiện: Năm 2026.
"""
    )
    task = plan.tasks[0]
    assert task.content == "Xây dựng cơ sở dữ liệu về lao động"
    assert task.lead == ["Sở Nội vụ"]
    assert task.coordinating == ["Sở Tài chính", "Công an tỉnh"]
    assert task.deadline_text.rstrip(".") == "Năm 2026"


def test_labels_inline_in_one_paragraph():
    plan = read(
        """1. Tổ chức tuyên truyền Luật trên các phương tiện thông tin đại chúng; cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch; cơ quan phối hợp: Báo An Phú, Đài Phát thanh và Truyền hình tỉnh; thời gian thực hiện: thường xuyên.
"""
    )
    task = plan.tasks[0]
    assert task.content == "Tổ chức tuyên truyền Luật trên các phương tiện thông tin đại chúng"
    assert task.lead == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert task.coordinating == ["Báo An Phú", "Đài Phát thanh và Truyền hình tỉnh"]
    assert task.deadline_text.rstrip(".") == "thường xuyên"


def test_lettered_labels_task_agency_time():
    plan = read(
        """1. Về hạ tầng số
a) Nhiệm vụ: Nâng cấp mạng truyền số liệu chuyên dùng đến cấp xã.
b) Cơ quan thực hiện: Sở Khoa học và Công nghệ.
c) Thời gian thực hiện: Năm 2026 - 2027.

2. Về dữ liệu số
a) Nhiệm vụ: Xây dựng kho dữ liệu dùng chung của tỉnh.
b) Cơ quan thực hiện: Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính.
c) Thời gian thực hiện: Quý IV/2026.
"""
    )
    assert [(t.content, t.lead, t.coordinating) for t in plan.tasks] == [
        (
            "Về hạ tầng số: Nâng cấp mạng truyền số liệu chuyên dùng đến cấp xã.",
            ["Sở Khoa học và Công nghệ"],
            [],
        ),
        (
            "Về dữ liệu số: Xây dựng kho dữ liệu dùng chung của tỉnh.",
            ["Sở Khoa học và Công nghệ"],
            ["Sở Tài chính"],
        ),
    ]
    assert [t.deadline_text.rstrip(".") for t in plan.tasks] == ["Năm 2026 - 2027", "Quý IV/2026"]


def test_assignment_sentences():
    plan = read(
        """1. Giao Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp và các cơ quan liên quan xây dựng quy chế phối hợp, hoàn thành trước ngày 30/6/2026.

2. Sở Tài chính chủ trì, phối hợp với các sở, ngành tham mưu bố trí kinh phí thực hiện Kế hoạch.
"""
    )
    first, second = plan.tasks
    assert first.lead == ["Sở Nội vụ"]
    assert first.coordinating == ["Sở Tư pháp", "các cơ quan liên quan"]
    assert first.deadline_text == "trước ngày 30/6/2026"
    assert second.lead == ["Sở Tài chính"]
    assert second.coordinating == ["các sở, ngành"]


def test_directive_one_paragraph_per_agency():
    text = """ỦY BAN NHÂN DÂN
TỈNH AN PHÚ

Số: 03/CT-UBND
An Phú, ngày 10 tháng 4 năm 2026

CHỈ THỊ
VỀ VIỆC TĂNG CƯỜNG KỶ LUẬT, KỶ CƯƠNG HÀNH CHÍNH

Để khắc phục những hạn chế nêu trên, Chủ tịch UBND tỉnh yêu cầu:

1. Sở Nội vụ: Tham mưu kiểm tra công vụ đột xuất tại các cơ quan, đơn vị; tổng hợp kết quả báo cáo UBND tỉnh.

2. Sở Tư pháp: Rà soát các văn bản quy phạm pháp luật do tỉnh ban hành còn chồng chéo.

3. Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã, phường: Quán triệt cán bộ, công chức chấp hành nghiêm giờ giấc làm việc.

Chủ tịch UBND tỉnh yêu cầu các cơ quan, đơn vị nghiêm túc thực hiện Chỉ thị này./.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Văn An
"""
    plan = parse_plan(text.encode("utf-8"), "chi-thi.txt")
    assert plan.title.startswith("Chỉ thị về việc tăng cường kỷ luật")
    assert plan.decision_number == "03/CT-UBND"
    assert [(t.no, t.lead) for t in plan.tasks] == [
        ("1", ["Sở Nội vụ"]),
        ("2", ["Sở Tư pháp"]),
        ("3", ["các sở, ban, ngành", "UBND các xã, phường"]),
    ]
    assert plan.tasks[1].content == "Rà soát các văn bản quy phạm pháp luật do tỉnh ban hành còn chồng chéo."


def test_duties_grouped_per_agency_in_organisation_section():
    plan = read(
        """1. Phổ biến Luật đến cán bộ, công chức, viên chức và Nhân dân.

III. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ
- Theo dõi, đôn đốc các cơ quan triển khai Kế hoạch.
- Tổng hợp, báo cáo kết quả thực hiện trước ngày 15/12/2026.
2. Công an tỉnh
- Bảo đảm an ninh mạng cho các hệ thống thông tin của tỉnh.
"""
    )
    grouped = [(t.content, t.lead) for t in plan.tasks if t.lead]
    assert grouped == [
        ("Theo dõi, đôn đốc các cơ quan triển khai Kế hoạch.", ["Sở Nội vụ"]),
        ("Tổng hợp, báo cáo kết quả thực hiện trước ngày 15/12/2026.", ["Sở Nội vụ"]),
        ("Bảo đảm an ninh mạng cho các hệ thống thông tin của tỉnh.", ["Công an tỉnh"]),
    ]


def test_noun_list_completes_its_sentence_but_actions_are_tasks():
    plan = read(
        """1. Nghiên cứu, triển khai các nền tảng số chuyên dùng như:
- Hệ thống giám sát hành trình phương tiện;
- Hệ thống thu phí điện tử không dừng.

2. Về đào tạo:
- Tổ chức các khóa tập huấn kỹ năng số.
- Hợp tác với các trường đại học để đào tạo nhân lực.
"""
    )
    contents = [t.content for t in plan.tasks]
    assert contents[0].startswith("Nghiên cứu, triển khai các nền tảng số chuyên dùng như:")
    assert "Hệ thống thu phí điện tử không dừng" in contents[0]
    assert contents[1:] == [
        "Tổ chức các khóa tập huấn kỹ năng số.",
        "Hợp tác với các trường đại học để đào tạo nhân lực.",
    ]


def test_header_fields_and_sentence_case_title():
    plan = read("1. Rà soát văn bản\n- Cơ quan chủ trì: Sở Tư pháp.\n")
    assert plan.issuer == "UBND tỉnh An Phú"
    assert plan.decision_number == "12/KH-UBND"
    assert plan.signed_date.isoformat() == "2026-03-05"
    assert plan.signer == "Lê Văn An"
    assert plan.title == "Kế hoạch triển khai thi hành Luật Thử nghiệm trên địa bàn tỉnh An Phú"


def test_targets_with_symbols_and_the_year_before_them():
    text = (
        HEADER.replace("II. NỘI DUNG\n", "")
        + """II. MỤC TIÊU CỤ THỂ
1. Đến hết năm 2028: ≥ 80% hồ sơ thủ tục hành chính được nộp trực tuyến.
2. Tỷ lệ văn bản giấy gửi ra ngoài hệ thống ≤ 10%.
3. Năm 2027: tối thiểu 05 cơ sở dữ liệu chuyên ngành được kết nối.

III. NHIỆM VỤ
1. Rà soát văn bản
- Cơ quan chủ trì: Sở Tư pháp.
"""
        + FOOTER
    )
    plan = parse_plan(text.encode("utf-8"), "plan.txt")
    got = [(t.comparator, t.value, t.unit, t.year, t.indicator) for t in plan.targets]
    assert got[:2] == [(">=", 80, "%", 2028, "online_dossier_rate"), ("<=", 10, "%", None, "other")]
    count = plan.targets[2]
    assert (count.comparator, count.value, count.year) == (">=", 5, 2027)
    assert count.unit.startswith("cơ sở dữ liệu")


def test_a_section_area_never_leaks_into_the_next_section():
    text = (
        HEADER.replace("TRIỂN KHAI THI HÀNH LUẬT THỬ NGHIỆM", "CẢI CÁCH HÀNH CHÍNH").replace(
            "II. NỘI DUNG\n", ""
        )
        + """II. NHIỆM VỤ
1. Cải cách thủ tục hành chính
a) Rà soát quy trình nội bộ giải quyết thủ tục.
2. Công tác thi đua, khen thưởng
a) Tổ chức hội nghị biểu dương điển hình tiên tiến năm 2026.
"""
        + FOOTER
    )
    plan = parse_plan(text.encode("utf-8"), "plan.txt")
    assert [(t.content[:20], t.area) for t in plan.tasks][0] == ("Rà soát quy trình nộ", "tthc")
    assert plan.tasks[1].area != "tthc"


BODY = """
KẾ HOẠCH
Cải cách hành chính năm 2026

I. NHIỆM VỤ
1. Rà soát thủ tục hành chính
- Cơ quan chủ trì: Phòng Kinh tế.

Nơi nhận:
- Lưu: VT.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Nguyễn Văn Bình
"""


def test_letterheads_of_a_department_a_commune_and_a_ministry():
    cases = [
        (
            "UBND TỈNH THANH HÓA\nSỞ NỘI VỤ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 15/KH-SNV\n",
            "Sở Nội vụ",
            "tỉnh Thanh Hóa",
        ),
        (
            "UBND XÃ ĐÔNG SƠN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 07/KH-UBND\n",
            "UBND xã Đông Sơn",
            "xã Đông Sơn",
        ),
        ("BỘ NỘI VỤ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 1234/KH-BNV\n", "Bộ Nội vụ", None),
    ]
    for head, issuer, unit in cases:
        plan = parse_plan((head + "Hà Nội, ngày 10 tháng 02 năm 2026\n" + BODY).encode("utf-8"), "plan.txt")
        assert (plan.issuer, plan.org_unit.name) == (issuer, unit)
        assert plan.signed_date.isoformat() == "2026-02-10" and plan.signer == "Nguyễn Văn Bình"


def test_word_table_with_a_two_row_header_and_merged_cells(tmp_path):
    """A Word annex whose "Cơ quan thực hiện" header is merged over "Chủ trì | Phối hợp"."""
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("ỦY BAN NHÂN DÂN XÃ HÒA AN")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Cải cách hành chính năm 2026")
    document.add_paragraph("PHỤ LỤC NHIỆM VỤ")
    table = document.add_table(rows=4, cols=5)
    head, sub = table.rows[0].cells, table.rows[1].cells
    head[0].text, head[1].text, head[4].text = "TT", "Nội dung nhiệm vụ", "Thời gian hoàn thành"
    head[2].merge(head[3]).text = "Cơ quan thực hiện"
    head[0].merge(sub[0])
    head[1].merge(sub[1])
    head[4].merge(sub[4])
    sub[2].text, sub[3].text = "Chủ trì", "Phối hợp"
    for row, values in zip(
        table.rows[2:],
        [
            (
                "1",
                "Rà soát quy trình nội bộ giải quyết thủ tục hành chính",
                "Văn phòng HĐND và UBND xã",
                "Công an xã",
                "Quý II/2026",
            ),
            (
                "2",
                "Số hóa kết quả giải quyết thủ tục hành chính",
                "Trung tâm Phục vụ hành chính công",
                "",
                "Thường xuyên",
            ),
        ],
        strict=True,
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    plan = parse_plan(buffer.getvalue(), "ke-hoach.docx")
    assert [(t.no, t.lead, t.coordinating, t.deadline_text) for t in plan.tasks] == [
        ("1", ["Văn phòng HĐND và UBND xã"], ["Công an xã"], "Quý II/2026"),
        ("2", ["Trung tâm Phục vụ hành chính công"], [], "Thường xuyên"),
    ]
