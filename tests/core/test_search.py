"""core.search: the fold used inside the database agrees with core.text.fold, and the query words."""

from __future__ import annotations

import re
import unicodedata

import pytest

from core import search
from core.text import fold


@pytest.mark.parametrize(
    "text",
    [
        "Cải cách hành chính",
        "ĐẨY MẠNH CHUYỂN ĐỔI SỐ",
        "Phòng Văn hoá - Xã hội, Thủy lợi, Thuỷ sản",
        "Ủy ban nhân dân xã Ngọc Liên",
    ],
)
def test_fold_chars_agrees_with_text_fold_on_words(text):
    words = re.findall(r"\w+", fold(text))
    assert re.findall(r"\w+", search.fold_chars(text)) == words
    assert re.findall(r"\w+", search.fold_chars(unicodedata.normalize("NFD", text))) == words  # Word's NFD


def test_fold_keeps_one_character_for_one():
    """``snippet`` finds the match in the folded text and cuts the printed one at the same place."""
    text = "ĐẨY MẠNH cải cách, Thuỷ lợi"
    assert len(search.fold_chars(text)) == len(text)
    assert search.fold_chars(None) is None


def test_terms_fold_split_and_drop_noise():
    assert search.terms("  Cải cách, THỦ TỤC!  cải ") == ["cai", "cach", "thu", "tuc"]
    assert search.terms("nhiệm vụ 4 a") == ["nhiem", "vu", "4"]
    assert search.terms("a") == [] and search.terms("") == [] and search.terms("%%") == []


def test_matches_needs_every_word():
    text = "Rà soát, đơn giản hóa thủ tục hành chính"
    assert search.matches(text, ["thu", "tuc", "hoa"])
    assert not search.matches(text, ["thu", "tuc", "dat"])
    assert not search.matches(text, [])


def test_rank_puts_the_phrase_first():
    words = search.terms("cai cach")
    texts = ["Cách làm mới, cải thiện", "Đẩy mạnh cải cách hành chính"]
    assert sorted(texts, key=lambda t: search.rank(t, words))[0] == texts[1]


def test_snippet_shows_the_match_in_a_long_text():
    text = "Mở đầu dài. " * 40 + "Trọng tâm là cải cách thủ tục đất đai." + " Kết thúc." * 40
    cut = search.snippet(text, search.terms("cai cach"), width=80)
    assert "cải cách" in cut and cut.startswith("… ") and cut.endswith(" …") and len(cut) <= 90
    assert search.snippet("Ngắn gọn", ["ngan"]) == "Ngắn gọn"
