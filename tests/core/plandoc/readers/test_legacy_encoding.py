"""TCVN3 (ABC) and VNI text is recognised and converted to Unicode."""

from __future__ import annotations

import pytest

from core.plandoc import legacy_encoding as legacy
from core.plandoc.readers import read_document
from tests.core.plandoc.readers.conftest import BAD

SENTENCES = [
    "Ủy ban nhân dân xã Anh Sơn ban hành kế hoạch cải cách hành chính năm 2025.",
    "Đẩy mạnh số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; nâng cao chất lượng phục vụ.",
    "Tăng cường kỷ luật, kỷ cương hành chính của cán bộ, công chức, viên chức ở các cấp.",
    "Những trường hợp để xảy ra trễ hẹn phải có giải trình cụ thể; ưu tiên đổi mới, sáng tạo.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_vni_round_trip(sentence):
    assert legacy.decode_vni(legacy.encode_vni(sentence)) == sentence


@pytest.mark.parametrize("sentence", SENTENCES)
def test_tcvn3_round_trip(sentence):
    lower = sentence.lower()  # TCVN3 has no accented capitals (the "H" fonts draw them)
    assert legacy.decode_tcvn3(legacy.encode_tcvn3(lower)) == lower


def test_known_renderings():
    assert legacy.decode_tcvn3("Céng hoµ x· héi chñ nghÜa ViÖt Nam") == "Cộng hoà xã hội chủ nghĩa Việt Nam"
    assert legacy.decode_vni("Ñoäc laäp - Töï do - Haïnh phuùc") == "Độc lập - Tự do - Hạnh phúc"
    assert legacy.decode_tcvn3("kÕ ho¹ch", capitals=True) == "KẾ HOẠCH"


def test_detection_by_statistics():
    text = " ".join(SENTENCES)
    assert legacy.detect(legacy.encode_tcvn3(text.lower())) == "tcvn3"
    assert legacy.detect(legacy.encode_vni(text)) == "vni"
    assert legacy.detect(text) is None


def test_font_names():
    assert legacy.font_encoding(".VnTime") == "tcvn3"
    assert legacy.font_encoding("VNI-Times") == "vni"
    assert legacy.font_encoding("Times New Roman") is None
    assert legacy.is_capital_font(".VnTimeH")


@pytest.mark.parametrize("name", ["tcvn3.docx", "vni.docx"])
def test_legacy_docx_is_converted(name):
    doc = read_document((BAD / name).read_bytes(), name)
    assert "kế hoạch cải cách hành chính năm 2025" in doc.text.lower()
    assert doc.warnings


def test_legacy_text_file_is_converted():
    data = legacy.encode_tcvn3("\n".join(SENTENCES).lower() + "\nnhiệm vụ, chủ trì, thời gian").encode(
        "latin-1"
    )
    doc = read_document(data, "ke_hoach.txt")
    assert "cải cách hành chính" in doc.text
