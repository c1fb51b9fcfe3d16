"""One classifier says what a sentence measures, for plan targets and for numbers in task texts."""

from __future__ import annotations

import pytest

from core.checks.mentions import mentions
from core.indicators import INDICATOR_CODES, classify

# Common phrasings of plan targets, with what each measures (read from the words, as an official would).
PHRASES = [
    ("Tỷ lệ hồ sơ TTHC được giải quyết trước và đúng hạn đạt trên 98%", "on_time_rate"),
    ("Tỷ lệ hồ sơ trực tuyến đạt 100%", "online_dossier_rate"),
    ("Tỷ lệ nộp hồ sơ trực tuyến 1 phần và toàn trình: 70% trở lên", "online_dossier_rate"),
    ("Tỷ lệ giao dịch thanh toán trực tuyến đạt từ 30% trở lên", "online_payment_rate"),
    (
        "100% TTHC có yêu cầu nghĩa vụ tài chính được triển khai thanh toán trực tuyến",
        "online_payment_service_rate",
    ),
    (
        "100% dịch vụ công trực tuyến toàn trình được cung cấp trên nhiều phương tiện",
        "full_online_service_rate",
    ),
    ("Số hóa 100% kết quả giải quyết TTHC", "digitized_result_rate"),
    ("80% người dân không phải cung cấp lại thông tin, giấy tờ đã được số hóa", "data_reuse_rate"),
    ("Mức độ hài lòng của người dân đạt tối thiểu 90%", "satisfaction_rate"),
    ("50% hoạt động kiểm tra được thực hiện thông qua môi trường số", "digital_inspection_rate"),
    ("100% văn bản QPPL được rà soát, hệ thống hóa", "legal_doc_rate"),
    ("100% văn bản QPPL được tổ chức tuyên truyền, phổ biến", "other"),
    ("100% văn bản được ký số và gửi nhận trên môi trường điện tử", "e_document_rate"),
    ("Hoàn thành 100% nhiệm vụ của Kế hoạch", "task_completion_rate"),
    ("Kinh tế số chiếm 30% GRDP", "other"),
]


@pytest.mark.parametrize(("text", "code"), PHRASES)
def test_classify(text, code):
    assert classify(text) == code
    assert code in INDICATOR_CODES


@pytest.mark.parametrize(("text", "code"), [p for p in PHRASES if p[1] != "other"])
def test_the_checks_read_a_number_with_the_same_classifier(text, code):
    found = mentions(text)
    assert found and found[0].indicator == code
