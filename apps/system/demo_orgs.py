"""Reference organisations for the demo: tỉnh Thanh Hóa with its sở, the communes of the seed plans.

Agencies carry the aliases their plans print, so importing the seed plans resolves most names at
once; typos ("Phòng VHXXH") are left out on purpose, to show fuzzy resolution at work. Old names of
merged sở (the 2025 restructuring) are aliases of the sở that absorbed them.
"""

from __future__ import annotations

from datetime import date

END_OF_DISTRICTS = date(2025, 6, 30)  # districts ended with the two-level local government of 01/7/2025
TWO_LEVEL_START = date(2025, 7, 1)

# (name, kind, short name, aliases)
THANH_HOA_AGENCIES = [
    ("Văn phòng UBND tỉnh", "van_phong", "VP UBND tỉnh", ["Văn phòng Ủy ban nhân dân tỉnh"]),
    ("Sở Nội vụ", "so", "SNV", ["Sở Nội vụ tỉnh"]),
    ("Sở Tư pháp", "so", "STP", []),
    ("Sở Tài chính", "so", "STC", ["Sở Kế hoạch và Đầu tư", "Sở KH&ĐT"]),
    ("Sở Khoa học và Công nghệ", "so", "SKHCN", ["Sở Thông tin và Truyền thông", "Sở TT&TT"]),
    (
        "Sở Nông nghiệp và Môi trường",
        "so",
        "SNNMT",
        ["Sở Tài nguyên và Môi trường", "Sở Tài nguyên Môi trường"],
    ),
    ("Sở Xây dựng", "so", "SXD", ["Sở Giao thông vận tải"]),
    ("Sở Công Thương", "so", "SCT", []),
    ("Sở Giáo dục và Đào tạo", "so", "SGDĐT", []),
    ("Sở Y tế", "so", "SYT", []),
    ("Sở Văn hóa, Thể thao và Du lịch", "so", "SVHTTDL", []),
    ("Sở Dân tộc và Tôn giáo", "so", "", []),
    ("Thanh tra tỉnh", "so", "", []),
    ("Ban Quản lý Khu kinh tế Nghi Sơn và các khu công nghiệp", "so", "BQL KKT", []),
    (
        "Trung tâm Phục vụ hành chính công tỉnh",
        "trung_tam",
        "TTPVHCC tỉnh",
        ["Trung tâm phục vụ Hành Chính công tỉnh"],
    ),
    ("Văn phòng Đăng ký đất đai", "su_nghiep", "VPĐKĐĐ", []),
    (
        "Báo và Phát thanh, Truyền hình Thanh Hóa",
        "su_nghiep",
        "",
        ["Báo Thanh Hóa", "Đài PT&TH tỉnh", "Đài Phát thanh và Truyền hình tỉnh"],
    ),
    ("Công an tỉnh", "cong_an", "", []),
    ("Tổ công tác Đề án 06 tỉnh", "khac", "", ["Tổ công tác Đề án 06"]),
]

# (name, aliases, members: "all" agencies of kind "so"/None for open-ended; member units: level or None)
THANH_HOA_GROUPS = [
    ("Các sở, ban, ngành cấp tỉnh", ["Các sở, ban, ngành, đơn vị cấp tỉnh", "Các sở, ngành"], "so", None),
    ("UBND cấp xã", ["UBND các xã, phường"], None, "commune"),
    ("UBND cấp huyện", ["UBND các huyện, thị xã, thành phố"], None, "district"),
    (
        "Các cơ quan, đơn vị có liên quan",
        ["Các cơ quan liên quan", "Cơ quan, đơn vị có liên quan", "Các cơ quan, đơn vị liên quan"],
        None,
        None,
    ),
    ("Các đơn vị sự nghiệp công lập", [], "su_nghiep", None),
]

COMMUNE_BASE = [
    (
        "Văn phòng HĐND và UBND xã",
        "van_phong",
        "VP HĐND-UBND",
        [
            "VP HĐND & UBND xã",
            "Văn phòng HĐND & UBND",
            "Văn phòng HĐND&UBND",
            "Văn phòng HĐND-UBND xã",
            "Văn phòng HĐND &UBND",
        ],
    ),
    (
        "Phòng Văn hóa - Xã hội",
        "phong",
        "VHXH",
        ["Phòng VHXH", "Phòng VH-XH", "Phòng Văn hóa-Xã hội", "Phòng văn hóa"],
    ),
    ("Phòng Kinh tế", "phong", "KT", []),
    (
        "Trung tâm Phục vụ hành chính công",
        "trung_tam",
        "TTPVHCC",
        ["Trung tâm phục vụ HCC", "Trung tâm Phục vụ HCC"],
    ),
    ("Công an xã", "cong_an", "", []),
    ("Tổ công tác Đề án 06 xã", "khac", "", ["Tổ công tác Đề án 06"]),
]

COMMUNE_GROUPS = [
    (
        "Các phòng, ban, đơn vị cấp xã",
        [
            "Các phòng, ban, ngành, đơn vị cấp xã",
            "Các phòng chuyên môn",
            "Các phòng, đơn vị, trung tâm",
            "Các phòng, Trung tâm, đơn vị",
            "Các phòng, ban, đơn vị thuộc UBND xã",
        ],
        "all",
        None,
    ),
    (
        "Các cơ quan, đơn vị có liên quan",
        ["Các cơ quan liên quan", "Cơ quan, đơn vị có liên quan"],
        None,
        None,
    ),
]

ANH_SON_AGENCIES = [
    ("Công chức Tư pháp - Hộ tịch", "cong_chuc", "TP-HT", ["Công chức Tư pháp - HT"]),
    ("Công chức Văn hóa - Xã hội", "cong_chuc", "VH-XH", ["Công chức Văn hóa - XH"]),
    ("Công chức Văn phòng - Thống kê", "cong_chuc", "VP-TK", ["Công chức Văn phòng - TK"]),
    ("Công chức Tài chính - Kế toán", "cong_chuc", "TC-KT", ["Công chức Tài chính - KT"]),
    ("Công chức Địa chính - Xây dựng", "cong_chuc", "ĐC-XD", []),
    ("Bộ phận Một cửa", "trung_tam", "", ["Bộ phận tiếp nhận và trả kết quả"]),
]

NGOC_LIEN_EXTRA = [
    ("Trung tâm Cung ứng dịch vụ công", "su_nghiep", "", []),
]
NGOC_LIEN_GROUPS = [
    ("Các trạm Y tế", [], None, None),
    ("Các đơn vị sự nghiệp giáo dục", ["Các trường học"], None, None),
]

# Units: (name, level, parent name, valid_from, valid_to, agencies, groups)
UNITS = [
    ("tỉnh Thanh Hóa", "province", None, None, None, THANH_HOA_AGENCIES, THANH_HOA_GROUPS),
    (
        "thành phố Hải Phòng",
        "province",
        None,
        None,
        None,
        [("Sở Nội vụ", "so", "SNV", []), ("Văn phòng UBND thành phố", "van_phong", "", [])],
        [],
    ),
    ("thị xã Nghi Sơn", "district", "tỉnh Thanh Hóa", None, END_OF_DISTRICTS, [], []),
    ("huyện Thường Xuân", "district", "tỉnh Thanh Hóa", None, END_OF_DISTRICTS, [], []),
    ("xã Thường Xuân", "commune", "tỉnh Thanh Hóa", TWO_LEVEL_START, None, COMMUNE_BASE, COMMUNE_GROUPS),
    (
        "xã Ngọc Liên",
        "commune",
        "tỉnh Thanh Hóa",
        TWO_LEVEL_START,
        None,
        COMMUNE_BASE + NGOC_LIEN_EXTRA,
        COMMUNE_GROUPS + NGOC_LIEN_GROUPS,
    ),
    ("xã Anh Sơn", "commune", "thị xã Nghi Sơn", None, None, ANH_SON_AGENCIES, COMMUNE_GROUPS),
    (
        "xã Tuệ Tĩnh",
        "commune",
        "thành phố Hải Phòng",
        TWO_LEVEL_START,
        None,
        COMMUNE_BASE[:4],
        COMMUNE_GROUPS,
    ),
]

# (username, full name, unit, agency or None, role)
USERS = [
    ("qt.thanhhoa", "Lê Văn Quản", "tỉnh Thanh Hóa", None, "admin"),
    ("snv.thanhhoa", "Nguyễn Thị Hạnh", "tỉnh Thanh Hóa", "Sở Nội vụ", "officer"),
    ("thamdinh.thanhhoa", "Trần Minh Đức", "tỉnh Thanh Hóa", "Sở Nội vụ", "appraiser"),
    ("ld.thanhhoa", "Phạm Quang Huy", "tỉnh Thanh Hóa", None, "leader"),
    ("cv.thuongxuan", "Lê Thị Mai", "xã Thường Xuân", "Phòng Văn hóa - Xã hội", "officer"),
    ("tp.kinhte.thuongxuan", "Hoàng Văn Nam", "xã Thường Xuân", "Phòng Kinh tế", "head"),
    ("nv.kinhte.thuongxuan", "Đỗ Thị Lan", "xã Thường Xuân", "Phòng Kinh tế", "staff"),
    ("nv.hcc.thuongxuan", "Vũ Văn Tùng", "xã Thường Xuân", "Trung tâm Phục vụ hành chính công", "staff"),
    ("ct.thuongxuan", "Bùi Văn Thành", "xã Thường Xuân", None, "leader"),
    ("xem.thuongxuan", "Ngô Thị Hoa", "xã Thường Xuân", None, "viewer"),
    ("cv.ngoclien", "Phan Văn Long", "xã Ngọc Liên", "Phòng Văn hóa - Xã hội", "officer"),
    ("cv.anhson", "Trịnh Thị Thu", "xã Anh Sơn", "Công chức Văn hóa - Xã hội", "officer"),
    ("cv.tuetinh", "Nguyễn Văn Bình", "xã Tuệ Tĩnh", "Phòng Văn hóa - Xã hội", "officer"),
]
