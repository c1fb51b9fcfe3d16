"""The plan text shown readably keeps every character (source spans stay exact) and escapes HTML."""

from html.parser import HTMLParser

from core.plandoc.readable import readable_html

SAMPLE = (
    "# KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025\n"
    "\n"
    "## I. MỤC ĐÍCH, YÊU CẦU\n"
    "- Nâng cao **chất lượng** phục vụ;\n"
    "  * mục con <script>alert(1)</script>\n"
    "1. Nhiệm vụ có số & ký hiệu\n"
    "| STT | Nội dung | Cơ quan |\n"
    "|---|:---:|---|\n"
    "| 1 | Rà soát <b>TTHC</b> | Phòng Kinh tế |\n"
    "Dòng cuối không xuống dòng **chưa đóng"
)


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.tags = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.parts.append(data)


def parse(html: str) -> _Text:
    p = _Text()
    p.feed(html)
    p.close()
    return p


def test_text_content_is_the_stored_text_exactly():
    parsed = parse(readable_html(SAMPLE))
    assert "".join(parsed.parts) == SAMPLE
    assert "".join(parse(readable_html("a\r\nb\n\n")).parts) == "a\r\nb\n\n"


def test_structure_is_marked_and_markers_hidden():
    html = readable_html(SAMPLE)
    assert '<span class="md-h md-h1"><span class="md-mark"># </span>KẾ HOẠCH' in html
    assert '<span class="md-h md-h2">' in html
    assert '<span class="md-li"><span class="md-mark">- </span>Nâng cao ' in html
    assert '<span class="md-mark">**</span><strong>chất lượng</strong><span class="md-mark">**</span>' in html
    assert '<span class="md-mark">|---|:---:|---|\n</span>' in html  # the table rule line, hidden
    assert '<span class="md-table">| 1 |' in html
    assert "**chưa đóng" in html  # an unclosed marker stays as typed


def test_html_in_the_document_is_escaped():
    parsed = parse(readable_html(SAMPLE))
    assert {tag for tag, _ in parsed.tags} <= {"span", "strong"}
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in readable_html(SAMPLE)
    assert "&lt;b&gt;TTHC&lt;/b&gt;" in readable_html(SAMPLE)
