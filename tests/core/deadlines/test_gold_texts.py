"""Every distinct deadline text of the five gold plans, with the milestones it must give.

The texts are copied here literally (the project keeps its own copy, so these tests run without
../shared). Each plan's period comes from its gold file; 003 and 004 also have rows with no
deadline at all (None).
"""

from __future__ import annotations

import pytest

from core.deadlines import parse_deadline

from .helpers import P2025, P2630, PH2, cont, event, monthly, once, quarterly, rows, yearly

GOLD = [
    # 000_60e74d9db19c0c48.json, period 2025-01-01..2025-12-31
    (
        "Báo cáo kết quả rà soát: thực hiện theo quy định về công tác thống kê, báo cáo của ngành Tư pháp",
        P2025,
        [
            event(
                "Báo cáo kết quả rà soát: thực hiện theo quy định về công tác thống kê, báo cáo của ngành Tư pháp"
            )
        ],
    ),
    (
        "- Thường xuyên. - Báo cáo kết quả: quý IV/2025.",
        P2025,
        [cont("Thường xuyên"), once("Báo cáo kết quả", "2025-12-31")],
    ),
    ("Báo cáo kết quả thực hiện: Tháng 10/2025.", P2025, [once("Báo cáo kết quả thực hiện", "2025-10-31")]),
    ("Thường xuyên.", P2025, [cont("Thường xuyên")]),
    ("Thường Xuyên", P2025, [cont("Thường xuyên")]),
    (
        "- Báo cáo kết quả thực hiện: Định kỳ hàng tháng.",
        P2025,
        [*monthly("Báo cáo kết quả thực hiện", 2025, 2025)],
    ),
    (
        "- Báo cáo kết quả thực hiện: Định kỳ hằng tháng.",
        P2025,
        [*monthly("Báo cáo kết quả thực hiện", 2025, 2025)],
    ),
    (
        "- Báo cáo kết quả thực hiện: Định kỳ hằng Quý.",
        P2025,
        [*quarterly("Báo cáo kết quả thực hiện", 2025, 2025)],
    ),
    ("Thường xuyên", P2025, [cont("Thường xuyên")]),
    (
        "Theo quy định của các cơ quan có thẩm quyền",
        P2025,
        [event("Theo quy định của các cơ quan có thẩm quyền")],
    ),
    ("Theo quy định", P2025, [event("Theo quy định")]),
    ("Thường xuyên (15/9/2025)", P2025, [cont("Thường xuyên"), once("Ngày 15/9/2025", "2025-09-15")]),
    (
        "- Thanh tra, kiểm tra: Trong năm 2025. Báo cáo kết quả thực hiện: Tháng 11/2025.",
        P2025,
        [once("Thanh tra, kiểm tra", "2025-12-31"), once("Báo cáo kết quả thực hiện", "2025-11-30")],
    ),
    ("Theo kế hoạch của UBND tỉnh", P2025, [event("Theo kế hoạch của UBND tỉnh")]),
    (
        "Báo cáo kết quả thực hiện: Trước ngày 20/12/2025.",
        P2025,
        [once("Báo cáo kết quả thực hiện", "2025-12-20")],
    ),
    ("Thực hiện khi có văn bản hướng dẫn", P2025, [event("Thực hiện khi có văn bản hướng dẫn")]),
    (
        "- Báo cáo kết quả thực hiện: Chậm nhất Quý IV/2025.",
        P2025,
        [once("Báo cáo kết quả thực hiện", "2025-12-31")],
    ),
    (
        "- Giải ngân vốn đầu tư công: thực hiện thường xuyên - Xây dựng Kế hoạch đầu tư công tỉnh Thanh Hóa năm 2026: tháng 11/2025.",
        P2025,
        [
            cont("Giải ngân vốn đầu tư công"),
            once("Xây dựng Kế hoạch đầu tư công tỉnh Thanh Hóa năm 2026", "2025-11-30"),
        ],
    ),
    ("Ngay sau khi được cấp kinh phí thực hiện", P2025, [event("Ngay sau khi được cấp kinh phí thực hiện")]),
    (
        "- Kế hoạch cải cách hành chính năm 2025 của các cơ quan, đơn vị, địa phương: Trước ngày 30/8/2025; - Báo cáo kết quả thực hiện của các cơ quan, đơn vị: Định kỳ hằng Quý hoặc đột xuất theo quy định.",
        P2025,
        [
            once("Kế hoạch cải cách hành chính năm 2025 của các cơ quan, đơn vị, địa phương", "2025-08-30"),
            *quarterly("Báo cáo kết quả thực hiện của các cơ quan, đơn vị", 2025, 2025),
            event("Báo cáo kết quả thực hiện của các cơ quan, đơn vị – đột xuất theo quy định"),
        ],
    ),
    (
        "- Văn bản triển khai: ngay sau khi có chỉ đạo của Chính phủ; Thủ tướng Chính phủ. - Báo cáo kết quả thực hiện cùng báo cáo CCHC định kỳ hàng quý.",
        P2025,
        [
            event("Văn bản triển khai: ngay sau khi có chỉ đạo của Chính phủ; Thủ tướng Chính phủ"),
            *quarterly("Báo cáo kết quả thực hiện cùng báo cáo CCHC", 2025, 2025),
        ],
    ),
    (
        "- Báo cáo tự chấm điểm của UBND cấp xã: Quý IV/2025; - Báo cáo tổng hợp chỉ số cải cách hành chính: Quý I/2026",
        P2025,
        [
            once("Báo cáo tự chấm điểm của UBND cấp xã", "2025-12-31"),
            once("Báo cáo tổng hợp chỉ số cải cách hành chính", "2026-03-31"),
        ],
    ),
    (
        "- Báo cáo kết quả thực hiện: Định kỳ hằng Quý hoặc đột xuất theo quy định.",
        P2025,
        [
            *quarterly("Báo cáo kết quả thực hiện", 2025, 2025),
            event("Báo cáo kết quả thực hiện – đột xuất theo quy định"),
        ],
    ),
    # 001_2d17fb29c0483998.json, period 2026-01-01..2030-12-31
    ("- Thường xuyên.", P2630, [cont("Thường xuyên")]),
    (
        "- Kế hoạch: hàng năm. - BC kết quả thực hiện: theo quy định, hướng dẫn của Sở Tư pháp",
        P2630,
        [
            *yearly("Kế hoạch", 2026, 2030),
            event("BC kết quả thực hiện: theo quy định, hướng dẫn của Sở Tư pháp"),
        ],
    ),
    ("- Hàng năm.", P2630, [*yearly("", 2026, 2030)]),
    ("- Sau khi có văn bản của Tỉnh.", P2630, [event("Sau khi có văn bản của Tỉnh")]),
    ("- Năm 2026", P2630, [once("Năm 2026", "2026-12-31")]),
    (
        "Theo lộ trình KH số 220/KH-UBND, ngày 23/10/2025 của UBND tỉnh.",
        P2630,
        [event("Theo lộ trình KH số 220/KH-UBND, ngày 23/10/2025 của UBND tỉnh")],
    ),
    ("- Theo Kế hoạch hằng năm hoặc đột xuất.", P2630, [event("Theo Kế hoạch hằng năm hoặc đột xuất")]),
    ("- Bắt đầu từ Quý I/2026.", P2630, [cont("Từ quý I/2026")]),
    (
        "- Kế hoạch: Sau khi có hướng dẫn của Sở Nội vụ. - Báo cáo kết quả: định kỳ hằng năm.",
        P2630,
        [event("Kế hoạch: Sau khi có hướng dẫn của Sở Nội vụ"), *yearly("Báo cáo kết quả", 2026, 2030)],
    ),
    ("- Theo hướng dẫn của Sở Nội vụ.", P2630, [event("Theo hướng dẫn của Sở Nội vụ")]),
    ("- Hằng năm.", P2630, [*yearly("", 2026, 2030)]),
    (
        "- Thực hiện theo hướng dẫn, yêu cầu của Bộ Nội vụ hằng năm.",
        P2630,
        [event("Thực hiện theo hướng dẫn, yêu cầu của Bộ Nội vụ hằng năm")],
    ),
    (
        "- Thường xuyên. - Báo cáo kết quả khảo sát: tháng 12 hằng năm.",
        P2630,
        [cont("Thường xuyên"), *yearly("Báo cáo kết quả khảo sát", 2026, 2030, anchor="Tháng 12")],
    ),
    (
        "- Thường xuyên. Báo cáo kết quả khảo sát: tháng 12 hằng năm.",
        P2630,
        [cont("Thường xuyên"), *yearly("Báo cáo kết quả khảo sát", 2026, 2030, anchor="Tháng 12")],
    ),
    (
        "- Triển khai: Bắt đầu từ Quý I/2026. Thực hiện: hằng năm",
        P2630,
        [cont("Triển khai"), *yearly("Thực hiện", 2026, 2030)],
    ),
    ("- Kế hoạch: hằng năm.", P2630, [*yearly("Kế hoạch", 2026, 2030)]),
    (
        "- Ban hành kế hoạch: chậm nhất tháng 01/2026. - Hoàn thành các nhiệm vụ: theo Kế hoạch của UBND tỉnh. - Báo cáo kết quả thực hiện: định kỳ hằng năm.",
        P2630,
        [
            once("Ban hành kế hoạch", "2026-01-31"),
            event("Hoàn thành các nhiệm vụ: theo Kế hoạch của UBND tỉnh"),
            *yearly("Báo cáo kết quả thực hiện", 2026, 2030),
        ],
    ),
    (
        "- KH: Quý I hàng năm. - Thông báo, kết luận: Ngay sau cuộc kiểm tra. - Báo cáo kết quả: Tháng 12 hàng năm.",
        P2630,
        [
            *yearly("KH", 2026, 2030, anchor="Quý I"),
            event("Thông báo, kết luận: Ngay sau cuộc kiểm tra"),
            *yearly("Báo cáo kết quả", 2026, 2030, anchor="Tháng 12"),
        ],
    ),
    ("- Quý I/2026.", P2630, [once("Quý I/2026", "2026-03-31")]),
    ("- Năm 2026.", P2630, [once("Năm 2026", "2026-12-31")]),
    ("- Theo kế hoạch của Tỉnh", P2630, [event("Theo kế hoạch của Tỉnh")]),
    ("- Quý II/2026", P2630, [once("Quý II/2026", "2026-06-30")]),
    (
        "Theo Kế hoạch số 101/KH-UBND ngày 25/5/2025 của UBND tỉnh.",
        P2630,
        [event("Theo Kế hoạch số 101/KH-UBND ngày 25/5/2025 của UBND tỉnh")],
    ),
    ("- Thường xuyên", P2630, [cont("Thường xuyên")]),
    ("- Từ năm 2026.", P2630, [cont("Từ năm 2026")]),
    ("Thường xuyên", P2630, [cont("Thường xuyên")]),
    # 002_7ac37e54dd30bcb3.json, period 2025-01-01..2025-12-31
    (
        "Kế hoạch kiểm tra, rà soát văn bản QPPL: Chậm nhất trong Quý I/2025. - Báo cáo kết quả rà soát: thực hiện theo quy định về công tác thống kê, báo cáo của ngành Tư pháp.",
        P2025,
        [
            once("Kế hoạch kiểm tra, rà soát văn bản QPPL", "2025-03-31"),
            event(
                "Báo cáo kết quả rà soát: thực hiện theo quy định về công tác thống kê, báo cáo của ngành Tư pháp"
            ),
        ],
    ),
    (
        "- Tổ chức thực hiện: Thường xuyên. - Báo cáo kết quả: Quý IV/2025.",
        P2025,
        [cont("Tổ chức thực hiện"), once("Báo cáo kết quả", "2025-12-31")],
    ),
    (
        "- Kế hoạch của UBND tỉnh: Chậm nhất trong Quý I/2025. - Báo cáo kết quả thực hiện: Tháng 11/2025.",
        P2025,
        [once("Kế hoạch của UBND tỉnh", "2025-03-31"), once("Báo cáo kết quả thực hiện", "2025-11-30")],
    ),
    ("Thường xuyên.", P2025, [cont("Thường xuyên")]),
    ("Thường xuyên", P2025, [cont("Thường xuyên")]),
    ("Thực hiện theo Kế hoạch được ban hành", P2025, [event("Thực hiện theo Kế hoạch được ban hành")]),
    ("Quý I/2025", P2025, [once("Quý I/2025", "2025-03-31")]),
    (
        "- Tổ chức thực hiện: Thường xuyên. - Báo cáo kết quả: Định kỳ hằng tháng.",
        P2025,
        [cont("Tổ chức thực hiện"), *monthly("Báo cáo kết quả", 2025, 2025)],
    ),
    (
        "- Tổ chức thực hiện: Thường xuyên. - Báo cáo kết quả: Định kỳ hằng Quý.",
        P2025,
        [cont("Tổ chức thực hiện"), *quarterly("Báo cáo kết quả", 2025, 2025)],
    ),
    (
        "Theo kế hoạch, hướng dẫn của cấp có thẩm quyền.",
        P2025,
        [event("Theo kế hoạch, hướng dẫn của cấp có thẩm quyền")],
    ),
    ("Ngay sau khi có hướng dẫn của Trung ương", P2025, [event("Ngay sau khi có hướng dẫn của Trung ương")]),
    (
        "- Thanh tra, kiểm tra: Trong năm 2025. - Báo cáo kết quả thực hiện: Tháng 12/2025.",
        P2025,
        [once("Thanh tra, kiểm tra", "2025-12-31"), once("Báo cáo kết quả thực hiện", "2025-12-31")],
    ),
    (
        "Báo cáo kết quả thực hiện: Trước ngày 30/12/2025.",
        P2025,
        [once("Báo cáo kết quả thực hiện", "2025-12-30")],
    ),
    (
        "- Xây dựng Kế hoạch: Chậm nhất Quý II/2025. - Báo cáo kết quả thực hiện: Chậm nhất Quý I/2026.",
        P2025,
        [once("Xây dựng Kế hoạch", "2025-06-30"), once("Báo cáo kết quả thực hiện", "2026-03-31")],
    ),
    (
        "- Tổ chức các lớp: Thường xuyên. - Báo cáo kết quả thực hiện: Quý IV/2025.",
        P2025,
        [cont("Tổ chức các lớp"), once("Báo cáo kết quả thực hiện", "2025-12-31")],
    ),
    ("Báo cáo định kỳ hàng Quý.", P2025, [*quarterly("Báo cáo", 2025, 2025)]),
    ("Báo cáo kết quả thực hiện: Quý IV/2025.", P2025, [once("Báo cáo kết quả thực hiện", "2025-12-31")]),
    ("Tháng 3/2025.", P2025, [once("Tháng 3/2025", "2025-03-31")]),
    ("Theo kế hoạch của UBND tỉnh", P2025, [event("Theo kế hoạch của UBND tỉnh")]),
    ("Tháng 11/2025.", P2025, [once("Tháng 11/2025", "2025-11-30")]),
    ("Ngay sau khi được cấp kinh phí thực hiện", P2025, [event("Ngay sau khi được cấp kinh phí thực hiện")]),
    (
        "- Kế hoạch cải cách hành chính năm 2025 của các cơ quan, đơn vị, địa phương: Trước ngày 05/01/2025; - Báo cáo kết quả thực hiện của các cơ quan, đơn vị: Định kỳ hằng Quý hoặc đột xuất theo quy định.",
        P2025,
        [
            once("Kế hoạch cải cách hành chính năm 2025 của các cơ quan, đơn vị, địa phương", "2025-01-05"),
            *quarterly("Báo cáo kết quả thực hiện của các cơ quan, đơn vị", 2025, 2025),
            event("Báo cáo kết quả thực hiện của các cơ quan, đơn vị – đột xuất theo quy định"),
        ],
    ),
    (
        "- Văn bản triển khai: ngay sau khi có chỉ đạo của Chính phủ; Thủ tướng Chính phủ. - Báo cáo kết quả thực hiện cùng báo cáo CCHC định kỳ hàng quý.",
        P2025,
        [
            event("Văn bản triển khai: ngay sau khi có chỉ đạo của Chính phủ; Thủ tướng Chính phủ"),
            *quarterly("Báo cáo kết quả thực hiện cùng báo cáo CCHC", 2025, 2025),
        ],
    ),
    (
        "- Hoàn thành việc chấm điểm xác định chỉ số cải cách hành chính cấp xã: Trước ngày 30/11/2025; - Báo cáo tự chấm điểm của các sở, ban, ngành cấp tỉnh, UBND cấp huyện: Trước ngày 15/12/2025; - Báo cáo tổng hợp chỉ số cải cách hành chính toàn tỉnh: Quý I/2025.",
        P2025,
        [
            once("Hoàn thành việc chấm điểm xác định chỉ số cải cách hành chính cấp xã", "2025-11-30"),
            once("Báo cáo tự chấm điểm của các sở, ban, ngành cấp tỉnh, UBND cấp huyện", "2025-12-15"),
            once("Báo cáo tổng hợp chỉ số cải cách hành chính toàn tỉnh", "2025-03-31"),
        ],
    ),
    (
        "- Hợp đồng tuyên truyền: Trong năm 2025. - Báo cáo kết quả thực hiện: Định kỳ hằng Quý hoặc đột xuất theo quy định.",
        P2025,
        [
            once("Hợp đồng tuyên truyền", "2025-12-31"),
            *quarterly("Báo cáo kết quả thực hiện", 2025, 2025),
            event("Báo cáo kết quả thực hiện – đột xuất theo quy định"),
        ],
    ),
    ("Định kỳ hằng quý.", P2025, [*quarterly("", 2025, 2025)]),
    # 003_f36111fb650658dc.json, period 2025-01-01..2025-12-31
    (
        "Ban hành kế hoạch đúng thời gian quy định theo Kế hoạch của thị xã",
        P2025,
        [event("Ban hành kế hoạch đúng thời gian quy định theo Kế hoạch của thị xã")],
    ),
    ("Trong năm 2025", P2025, [once("Năm 2025", "2025-12-31")]),
    ("- Qúy I năm 2025", P2025, [once("Quý I/2025", "2025-03-31")]),
    (
        "- Báo cáo quý I: 15/3/2025 - Báo cáo quý II: 15/6/2025 - Báo cáo quý III: 15/9/2025 - Báo cáo năm: 15/12/2025",
        P2025,
        [
            once("Báo cáo quý I", "2025-03-15"),
            once("Báo cáo quý II", "2025-06-15"),
            once("Báo cáo quý III", "2025-09-15"),
            once("Báo cáo năm", "2025-12-15"),
        ],
    ),
    (
        "- Báo cáo quý I: 5/3/2025 - Báo cáo quý II: 5/6/2025 - Báo cáo quý III: 5/9/2025 - Báo cáo năm: 5/12/2025",
        P2025,
        [
            once("Báo cáo quý I", "2025-03-05"),
            once("Báo cáo quý II", "2025-06-05"),
            once("Báo cáo quý III", "2025-09-05"),
            once("Báo cáo năm", "2025-12-05"),
        ],
    ),
    (None, P2025, []),
    ("Thường xuyên", P2025, [cont("Thường xuyên")]),
    ("Trước ngày 10/1/2025", P2025, [once("Ngày 10/1/2025", "2025-01-10")]),
    (
        "- BC công tác CCHC + Quý I: 10/3/2025 + Quý II: 10/6/2025 + Quý III: 10/9/2025 + Quý IV: 10/11/2025 - BC Kỷ luật KCHC + Quý I: 15/3/2025 + Quý II: 15/6/2025 + Quý III: 15/9/2025 + Quý IV: 15/11/2025 - BC xếp hạng chỉ số CCHC cấp xã + Trước 1/12/2025",
        P2025,
        [
            once("BC công tác CCHC – Quý I", "2025-03-10"),
            once("BC công tác CCHC – Quý II", "2025-06-10"),
            once("BC công tác CCHC – Quý III", "2025-09-10"),
            once("BC công tác CCHC – Quý IV", "2025-11-10"),
            once("BC Kỷ luật KCHC – Quý I", "2025-03-15"),
            once("BC Kỷ luật KCHC – Quý II", "2025-06-15"),
            once("BC Kỷ luật KCHC – Quý III", "2025-09-15"),
            once("BC Kỷ luật KCHC – Quý IV", "2025-11-15"),
            once("BC xếp hạng chỉ số CCHC cấp xã", "2025-12-01"),
        ],
    ),
    ("Trước tháng 12/2025", P2025, [once("Tháng 12/2025", "2025-12-31")]),
    ("Tháng 1/2025", P2025, [once("Tháng 1/2025", "2025-01-31")]),
    ("Tháng 12/2025", P2025, [once("Tháng 12/2025", "2025-12-31")]),
    ("Trước ngày 15/12/2025", P2025, [once("Ngày 15/12/2025", "2025-12-15")]),
    ("Trước ngày 15/11/2025", P2025, [once("Ngày 15/11/2025", "2025-11-15")]),
    ("Trước 10/12/2025", P2025, [once("Ngày 10/12/2025", "2025-12-10")]),
    ("Trước ngày 30/11/2025", P2025, [once("Ngày 30/11/2025", "2025-11-30")]),
    ("Quý I năm 2025", P2025, [once("Quý I/2025", "2025-03-31")]),
    (
        "- Báo cáo quý I: 20/3/2025 - Báo cáo quý II: 20/6/2025 - Báo cáo quý III: 20/9/2025 - Báo cáo năm: 15/12/2025",
        P2025,
        [
            once("Báo cáo quý I", "2025-03-20"),
            once("Báo cáo quý II", "2025-06-20"),
            once("Báo cáo quý III", "2025-09-20"),
            once("Báo cáo năm", "2025-12-15"),
        ],
    ),
    # 004_53c1f6fe12ac9b9f.json, period 2025-07-01..2025-12-31
    (None, PH2, []),
]


@pytest.mark.parametrize(("text", "period", "expected"), GOLD, ids=[f"{i:02d}" for i in range(len(GOLD))])
def test_gold_deadline_text(text, period, expected) -> None:
    parse = parse_deadline(text, *period)
    assert parse.unparsed == []
    assert rows(parse) == expected
    assert parse.parsed == bool(expected)


def test_every_gold_text_is_read_without_leftovers() -> None:
    texts = [t for t, _, _ in GOLD if t]
    assert len(texts) == len(GOLD) - 2  # the two None rows
    assert all(parse_deadline(t, *p).parsed for t, p, _ in GOLD if t)
