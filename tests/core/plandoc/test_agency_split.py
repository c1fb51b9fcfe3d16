"""Printed agency lists are split into one entry per body, as the gold notes describe."""

from __future__ import annotations

import pytest

from core.plandoc.extract.agencies import split_agencies

CASES = [
    (
        ["- Văn phòng HĐND & UBND - Các cơ quan, đơn vị có liên quan."],
        ["Văn phòng HĐND & UBND", "Các cơ quan, đơn vị có liên quan"],
    ),
    (["- Tổ công tác Đề án 06 xã - Công an xã"], ["Tổ công tác Đề án 06 xã", "Công an xã"]),
    (["Các sở, ngành, UBND cấp huyện."], ["Các sở, ngành", "UBND cấp huyện"]),
    (["Các phòng, Trung tâm, đơn vị"], ["Các phòng, Trung tâm, đơn vị"]),
    (["Các phòng, ban, ngành, đơn vị cấp xã."], ["Các phòng, ban, ngành, đơn vị cấp xã"]),
    (
        ["Trung tâm Phục vụ HCC; Các phòng, ban, đơn vị cấp xã."],
        ["Trung tâm Phục vụ HCC", "Các phòng, ban, đơn vị cấp xã"],
    ),
    (["Phòng Văn hóa - Xã hội."], ["Phòng Văn hóa - Xã hội"]),
    (["Văn phòng HĐND - UBND xã"], ["Văn phòng HĐND - UBND xã"]),
    (["Sở Nội vụ: theo dõi, kiểm tra, giám sát, tổng hợp"], ["Sở Nội vụ"]),
    (["<li>Sở Tư pháp</li>", "Sở Tài chính"], ["Sở Tư pháp", "Sở Tài chính"]),
    (["Công chức", "Tư pháp - HT"], ["Công chức Tư pháp - HT"]),
    (["Báo Thanh Hóa, Đài PT&TH tỉnh"], ["Báo Thanh Hóa", "Đài PT&TH tỉnh"]),
    (
        [
            "- Cơ quan chủ trì, chỉ đạo: Sở Tài nguyên Môi trường",
            "- Cơ quan thực hiện: Văn phòng Đăng ký đất đai; Chi nhánh Văn phòng Đăng ký đất đai các huyện, thị xã, thành phố.",
        ],
        [
            "Sở Tài nguyên Môi trường",
            "Văn phòng Đăng ký đất đai",
            "Chi nhánh Văn phòng Đăng ký đất đai các huyện, thị xã, thành phố",
        ],
    ),
    (
        [
            "- Cơ quan thẩm định:",
            "+ Chỉ số cải cách hành chính cấp xã; UBND cấp huyện. + Chỉ số cải cách hành chính của các sở; UBND cấp huyện: "
            "Sở Nội vụ, Văn phòng UBND tỉnh, Sở Tư pháp phối hợp thẩm định. - Sở Nội vụ tổng hợp, báo cáo.",
        ],
        ["UBND cấp huyện", "Sở Nội vụ", "Văn phòng UBND tỉnh", "Sở Tư pháp"],
    ),
]


@pytest.mark.parametrize(("segments", "expected"), CASES)
def test_split(segments, expected):
    assert split_agencies([s.replace("<li>", "").replace("</li>", "") for s in segments]) == expected


def test_empty_cell_gives_no_agency():
    assert split_agencies([]) == []
    assert split_agencies(["  "]) == []
