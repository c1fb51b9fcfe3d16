"""The words of annex-table header rows, shared by every reader that rebuilds a table.

Two rebuilds look for the same header: the text reader's (a table exported one fragment per
line, ``core.plandoc.layout``) and the PDF reader's (an unruled table found by word positions,
``readers.pdf_columns``). One vocabulary keeps them agreeing on what a header is.
"""

from __future__ import annotations

import re

from core.text import fold

# Header words of each column kind, in the order columns are printed in plan annexes.
KINDS = ("no", "content", "products", "lead", "coordinating", "time", "notes")
HEADER_WORDS = {
    "no": re.compile(r"^(stt|tt)\b"),
    "content": re.compile(r"\b(nhiem vu|noi dung)\b"),
    "products": re.compile(r"\b(san pham|ket qua du kien)\b"),
    "lead": re.compile(r"\b((cong chuc|can bo|co quan|don vi) )?chu tri\b"),
    "coordinating": re.compile(r"\b((co quan|don vi) )?phoi hop\b"),
    "time": re.compile(r"\b(thoi gian|thoi han)\b"),
    "notes": re.compile(r"\b(ghi chu)\b"),
}
# Words seen in annex header rows ("Nhiệm vụ cụ thể", "Tiến độ", "Bộ phận phụ trách" ...): a line
# made only of these (and naming the number column) is a header, not a row.
HEADER_VOCAB = set(
    "stt tt so thu tu nhiem vu noi dung cu the cong viec hoat dong giai phap thuc hien san pham ket qua du kien "
    "cong chuc can bo chu tri tham muu co quan don vi bo phan phu trach trach nhiem phoi hop thoi gian han "
    "tien do hoan thanh ghi chu yeu cau".split()
)


def header_kinds(text: str, folded: str | None = None) -> list[tuple[str, int]]:
    """Column kinds named in one header line, with their offsets in it (``folded``: its fold)."""
    folded = fold(text) if folded is None else folded
    found = []
    for kind, pattern in HEADER_WORDS.items():
        match = pattern.search(folded)
        if match:
            found.append((kind, match.start()))
    return sorted(found, key=lambda kv: kv[1])


def is_header_words(folded: str) -> bool:
    """Every word of the folded line is a header word."""
    words = folded.split()
    return bool(words) and all(w in HEADER_VOCAB for w in words)
