"""The indicators plan targets are tracked through (chỉ số): the codes of the plan gold schema, with
the Vietnamese names officials read and the reform area each belongs to.

One list for the whole project: the importer classifies targets into these codes, the plan pages
show their names, and the reports app seeds its ``Indicator`` table from them."""

from __future__ import annotations

# (code, name, area, unit)
INDICATORS: tuple[tuple[str, str, str, str], ...] = (
    ("on_time_rate", "Tỷ lệ hồ sơ TTHC giải quyết trước và đúng hạn", "tthc", "%"),
    ("online_dossier_rate", "Tỷ lệ hồ sơ TTHC nộp trực tuyến", "tthc", "%"),
    ("full_online_service_rate", "Tỷ lệ dịch vụ công trực tuyến toàn trình", "tthc", "%"),
    ("online_payment_rate", "Tỷ lệ giao dịch thanh toán trực tuyến", "tthc", "%"),
    (
        "online_payment_service_rate",
        "Tỷ lệ TTHC có nghĩa vụ tài chính được triển khai thanh toán trực tuyến",
        "tthc",
        "%",
    ),
    ("digitized_result_rate", "Tỷ lệ số hóa kết quả giải quyết TTHC", "tthc", "%"),
    ("data_reuse_rate", "Tỷ lệ khai thác, sử dụng lại dữ liệu đã số hóa", "tthc", "%"),
    ("satisfaction_rate", "Mức độ hài lòng của người dân, doanh nghiệp", "tthc", "%"),
    ("e_document_rate", "Tỷ lệ văn bản điện tử, ký số", "chinh_quyen_so", "%"),
    (
        "digital_inspection_rate",
        "Tỷ lệ hoạt động kiểm tra thực hiện qua môi trường số",
        "chinh_quyen_so",
        "%",
    ),
    ("legal_doc_rate", "Tỷ lệ văn bản QPPL được rà soát, xử lý", "the_che", "%"),
    ("task_completion_rate", "Tỷ lệ hoàn thành nhiệm vụ của kế hoạch CCHC", "chi_dao", "%"),
    ("other", "Chỉ tiêu khác", "", ""),
)

INDICATOR_CODES: tuple[str, ...] = tuple(code for code, _name, _area, _unit in INDICATORS)
INDICATOR_NAMES: dict[str, str] = {code: name for code, name, _area, _unit in INDICATORS}
