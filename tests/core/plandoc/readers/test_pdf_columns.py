"""Unruled tables rebuilt from word x-positions (``readers.pdf_columns``)."""

from __future__ import annotations

from core.plandoc.readers import read_document
from core.plandoc.readers.pdf_columns import rebuild_positional_tables
from core.plandoc.readers.pdf_types import Line, PageTable
from tests.core.plandoc.readers.conftest import SEEDS, tables

COLS = (50, 90, 250, 350, 450)  # TT, Nội dung, Sản phẩm, Cơ quan chủ trì, Thời gian


def _line(top: float, *cells: tuple[float, str], page: int = 1) -> Line:
    """A line whose cells start at the given x; each word is 5 pt per character, 3 pt apart."""
    words = []
    for x, text in cells:
        for word in text.split():
            words.append((x, x + 5 * len(word), word))
            x += 5 * len(word) + 3
    return Line(" ".join(w[2] for w in words), words[0][0], words[-1][1], top, top + 9, page, words=words)


HEADER = [
    _line(100, (50, "TT"), (90, "Nội dung"), (250, "Sản phẩm"), (350, "Cơ quan"), (450, "Thời gian")),
    _line(110, (350, "chủ trì")),
]


def _rebuild(lines: list[Line]) -> PageTable:
    out = rebuild_positional_tables(lines)
    found = [it for it in out if isinstance(it, PageTable)]
    assert len(found) == 1, out
    return found[0]


def _texts(table: PageTable) -> list[list[str]]:
    return [[" ".join(cell or []) for cell in row] for row in table.rows]


def test_top_aligned_numbers_page_break_and_repeated_header():
    body = [
        _line(
            130, (50, "1"), (90, "Rà soát văn bản"), (250, "Báo cáo"), (350, "Phòng Tư pháp"), (450, "Quý I")
        ),
        _line(140, (90, "quy phạm pháp luật")),
        _line(160, (50, "2"), (90, "Kiểm soát thủ tục"), (250, "- Kế hoạch"), (350, "Văn phòng")),
        _line(170, (90, "hành chính"), (250, "- Báo cáo")),
        # page 2: the header again, then the rest of row 2 with an empty number cell
        *[_line(ln.top - 50, *[(w[0], w[2]) for w in ln.words], page=2) for ln in HEADER],
        _line(90, (90, "trên địa bàn"), (450, "Thường xuyên"), page=2),
        _line(110, (50, "3"), (90, "Số hóa hồ sơ"), (250, "Báo cáo"), (350, "Bộ phận Một cửa"), page=2),
    ]
    table = _rebuild(HEADER + body)
    rows = _texts(table)
    assert rows[0] == ["TT", "Nội dung", "Sản phẩm", "Cơ quan chủ trì", "Thời gian"]
    assert [r[0] for r in rows[1:]] == ["1", "2", "3"]
    assert rows[1][1] == "Rà soát văn bản quy phạm pháp luật"
    assert rows[2][1] == "Kiểm soát thủ tục hành chính trên địa bàn"
    assert table.rows[2][2] == ["- Kế hoạch", "- Báo cáo"]
    assert rows[2][4] == "Thường xuyên"
    assert table.row_pages == [1, 1, 1, 2]


def test_vertically_centred_numbers_take_the_lines_above_them():
    body = [
        _line(130, (90, "Rà soát văn bản"), (250, "Báo cáo")),
        _line(140, (50, "1"), (90, "quy phạm pháp luật"), (350, "Phòng Tư pháp")),
        _line(150, (90, "của xã")),
        _line(170, (90, "Kiểm soát thủ tục"), (250, "Kế hoạch")),
        _line(180, (50, "2"), (90, "hành chính"), (450, "Quý II")),
        _line(190, (90, "nội bộ")),
    ]
    rows = _texts(_rebuild(HEADER + body))
    assert rows[1] == ["1", "Rà soát văn bản quy phạm pháp luật của xã", "Báo cáo", "Phòng Tư pháp", ""]
    assert rows[2] == ["2", "Kiểm soát thủ tục hành chính nội bộ", "Kế hoạch", "", "Quý II"]


def test_column_named_only_on_the_second_header_line():
    header = [
        _line(100, (50, "TT"), (90, "Nội dung"), (250, "Sản phẩm"), (350, "Cơ quan")),
        _line(110, (350, "chủ trì"), (450, "Thời gian")),
    ]
    body = [
        _line(130, (50, "1"), (90, "Rà soát"), (250, "Báo cáo"), (350, "Phòng Tư pháp"), (450, "Quý I")),
        _line(150, (50, "2"), (90, "Kiểm soát"), (250, "Kế hoạch"), (350, "Văn phòng"), (450, "Quý II")),
    ]
    rows = _texts(_rebuild(header + body))
    assert rows[0][4] == "Thời gian"
    assert [r[4] for r in rows[1:]] == ["Quý I", "Quý II"]
    assert [r[3] for r in rows[1:]] == ["Phòng Tư pháp", "Văn phòng"]


def test_a_word_running_over_a_column_start_goes_where_most_of_it_is():
    body = [
        _line(130, (50, "1"), (90, "Rà soát"), (250, "Báo cáo"), (350, "Phòng"), (450, "Quý I")),
        # "Chuyên-ngành," spans 240-305: mostly in the products column, which starts at 250
        _line(140, (240, "Chuyên-ngành,"), (350, "Tư pháp")),
        _line(160, (50, "2"), (90, "Kiểm soát"), (250, "Kế hoạch"), (350, "Văn phòng"), (450, "Quý II")),
    ]
    rows = _texts(_rebuild(HEADER + body))
    assert rows[1][2] == "Báo cáo Chuyên-ngành," and rows[1][3] == "Phòng Tư pháp"
    assert rows[2][0] == "2"


def test_running_text_ends_the_table():
    body = [
        _line(130, (50, "1"), (90, "Rà soát"), (250, "Báo cáo"), (350, "Phòng"), (450, "Quý I")),
        _line(150, (50, "2"), (90, "Kiểm soát"), (250, "Kế hoạch"), (350, "Văn phòng"), (450, "Quý II")),
        _line(190, (50, "Nơi nhận: như trên, lưu văn thư, các phòng ban chuyên môn và các đơn vị")),
        _line(200, (50, "- Như trên;")),
    ]
    out = rebuild_positional_tables(HEADER + body)
    assert isinstance(out[0], PageTable) and len(out[0].rows) == 3
    assert [it.text for it in out[1:]] == [body[2].text, body[3].text]


def test_unruled_fixture_rebuilds_every_annex_row():
    path = next((SEEDS / "pdf").glob("000_*_unruled.pdf"))
    doc = read_document(path.read_bytes(), path.name)
    found = tables(doc)
    assert len(found) == 7  # annexes 01-07, including those whose header opens a page
    numbered = [r for t in found for r in t.rows[1:] if r.cells[0].text.isdigit()]
    assert len(numbered) == 39
    header_words = {"trì", "hoàn thành", "quả", "phối hợp"}
    for table in found:
        for row in table.rows[1:]:
            assert not any(c.text in header_words or c.text.endswith(" trì") for c in row.cells), row
    annex_07 = found[-1]
    assert annex_07.rows[0].cells[3].text.replace("\n", " ") == "Cơ quan thực hiện"


def test_a_section_row_title_is_one_cell_across_the_columns():
    body = [
        _line(130, (50, "III"), (90, "Cải cách tổ chức bộ máy hành chính nhà nước")),  # runs to x=300+
        _line(150, (50, "1"), (90, "Rà soát"), (250, "Báo cáo"), (350, "Phòng Nội vụ"), (450, "Quý I")),
        _line(170, (50, "2"), (90, "Kiểm soát"), (250, "Kế hoạch"), (350, "Văn phòng"), (450, "Quý II")),
    ]
    rows = _texts(_rebuild(HEADER + body))
    assert rows[1] == ["III", "Cải cách tổ chức bộ máy hành chính nhà nước", "", "", ""]
    assert rows[2][3] == "Phòng Nội vụ"
