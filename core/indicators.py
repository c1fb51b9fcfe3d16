"""The indicators plan targets are tracked through (chỉ số): the codes of the plan gold schema, with
the Vietnamese names officials read and the reform area each belongs to.

One list for the whole project: the importer classifies targets into these codes, the plan pages
show their names, and the reports app seeds its ``Indicator`` table from them."""

from __future__ import annotations

from functools import lru_cache

from core.text import fold

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


# What a sentence measures, by its words (folded): the first rule whose every group has a word in
# the sentence wins, most specific first. One classifier for plan targets and for the numbers the
# checks find in task texts, so "inconsistent target" compares values classified by one rule.
_RULES: tuple[tuple[str, tuple[tuple[str, ...], ...], tuple[str, ...]], ...] = (
    # (code, required word groups, words that exclude the rule)
    ("online_payment_rate", (("thanh toan truc tuyen", "thanh toan dien tu"), ("giao dich",)), ()),
    ("online_payment_service_rate", (("thanh toan truc tuyen",),), ()),
    ("online_payment_service_rate", (("nghia vu tai chinh",), ("thanh toan",)), ()),
    ("on_time_rate", (("dung han", "truoc han"), ("ho so", "tthc", "thu tuc")), ()),
    ("online_dossier_rate", (("ho so",), ("truc tuyen",)), ()),
    ("full_online_service_rate", (("toan trinh", "dich vu cong truc tuyen"),), ()),
    ("digitized_result_rate", (("so hoa",), ("ket qua",)), ()),
    ("data_reuse_rate", (("cung cap lai", "su dung lai", "tai su dung"),), ()),
    ("satisfaction_rate", (("hai long",),), ()),
    ("digital_inspection_rate", (("kiem tra",), ("moi truong so", "truc tuyen", "moi truong dien tu")), ()),
    ("legal_doc_rate", (("qppl", "quy pham phap luat"),), ("tuyen truyen", "pho bien")),
    ("e_document_rate", (("van ban",), ("dien tu", "ky so")), ()),
    ("e_document_rate", (("ky so",),), ()),
    ("task_completion_rate", (("nhiem vu",), ("hoan thanh",)), ()),
)


@lru_cache(maxsize=65536)
def classify(text: str) -> str:
    """The indicator code a sentence measures ("other" when none fits)."""
    key = fold(text)
    for code, groups, excluded in _RULES:
        if all(any(word in key for word in group) for group in groups) and not any(
            w in key for w in excluded
        ):
            return code
    return "other"
