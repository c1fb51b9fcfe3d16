"""A small ReportData for the builder tests: two areas, four tasks in every state, two indicators."""

from __future__ import annotations

from datetime import date

from core.reporting.data import CommuneRow, EvidenceRef, IndicatorFact, ReportData, TaskFact
from core.reporting.draft import draft_narrative


def sample(**overrides) -> ReportData:
    data = ReportData(
        unit_name="xã Thường Xuân",
        issuer="ỦY BAN NHÂN DÂN XÃ THƯỜNG XUÂN",
        period_code="2025-Q3",
        period_title="quý III năm 2025",
        period_start=date(2025, 6, 15),
        period_end=date(2025, 9, 14),
        due=date(2025, 9, 20),
        number="7",
        place="Thường Xuân",
        report_date=date(2025, 9, 5),
        plans=["Kế hoạch CCHC năm 2025 số 12/KH-UBND"],
        tasks=[
            TaskFact(
                "tthc",
                "1",
                "Rà soát, đơn giản hóa thủ tục hành chính",
                "done_on_time",
                ["Phòng Kinh tế"],
                result="Đã rà soát 24 thủ tục, đề xuất đơn giản hóa 3 thủ tục",
                evidence=[EvidenceRef("Báo cáo số 45/BC-PKT", "bc45.pdf")],
            ),
            TaskFact(
                "tthc",
                "2",
                "Số hóa hồ sơ, kết quả giải quyết TTHC",
                "overdue",
                ["Trung tâm Phục vụ hành chính công"],
            ),
            TaskFact(
                "the_che",
                "3",
                "Rà soát văn bản quy phạm pháp luật",
                "done_late",
                ["Văn phòng HĐND và UBND xã"],
                result="Đã rà soát 10 văn bản",
            ),
            TaskFact(
                "chinh_quyen_so",
                "4",
                "Triển khai ký số văn bản",
                "not_started",
                ["Văn phòng HĐND và UBND xã"],
            ),
        ],
        indicators=[
            IndicatorFact(
                "on_time_rate",
                "Tỷ lệ hồ sơ TTHC giải quyết trước và đúng hạn",
                "%",
                "100% hồ sơ giải quyết đúng hạn",
                ">=",
                100.0,
                2025,
                97.5,
                "Hệ thống TTHC tỉnh",
                verdict="not_met",
                trend=[("Quý I/2025", 95.0), ("Quý III/2025", 97.5)],
            ),
            IndicatorFact(
                "online_dossier_rate",
                "Tỷ lệ hồ sơ TTHC nộp trực tuyến",
                "%",
                "Trên 50% hồ sơ trực tuyến",
                ">",
                50.0,
                2025,
                None,
                verdict="no_data",
            ),
        ],
        signer_name="Bùi Văn Thành",
        recipients=["UBND tỉnh Thanh Hóa (để báo cáo)", "Sở Nội vụ (để tổng hợp)", "Lưu: VT."],
    )
    for name, value in overrides.items():
        setattr(data, name, value)
    data.narrative = draft_narrative(data)
    return data


def with_communes(data: ReportData) -> ReportData:
    data.communes = [
        CommuneRow(
            "xã An Một",
            "submitted",
            date(2025, 9, 18),
            date(2025, 9, 20),
            True,
            {"done_on_time": 3, "overdue": 1},
            1,
            2,
            "Báo cáo đã gửi",
        ),
        CommuneRow(
            "xã An Hai",
            "none",
            None,
            date(2025, 9, 20),
            None,
            {"not_started": 5},
            0,
            0,
            "Số liệu trên hệ thống",
        ),
    ]
    return data
