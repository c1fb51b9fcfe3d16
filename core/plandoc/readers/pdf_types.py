"""The positioned pieces a PDF page is rebuilt from, shared by every part of the PDF reader.

``Line`` (words on one baseline) and ``PageTable`` (a ruled or rebuilt table) are what the page
layout produces and what the document builder, the unruled-table rebuild (``pdf_columns``) and
the OCR reader (``ocr``) exchange. They live here, in a module that imports no other reader, so
those parts import it and not each other.

Confidence: a line or cell read by OCR carries the mean Tesseract confidence of its words
(0-100, weighted by word length); a line of a PDF text layer has ``None`` (nothing to doubt).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.text import nfc

STARTS_ITEM = re.compile(
    r"^(?:[-+•*–]\s?|\d+(?:\.\d+)*[.)]\s|[IVXLC]+[.)]\s|[a-zđ][.)]\s|Điều\s+\d|Phụ lục|PHỤ LỤC)"
)


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int
    bold: bool = False
    words: list[tuple[float, float, str]] = field(default_factory=list, repr=False)  # (x0, x1, text)
    confidence: float | None = None


@dataclass
class PageTable:
    page: int
    bbox: tuple[float, float, float, float]
    rows: list[list[list[str] | None]]  # per row, per grid column: segments, or None when covered
    col_xs: list[float] = field(default_factory=list)
    repeated_headers: set[int] = field(default_factory=set)
    breaks: set[int] = field(default_factory=set)  # first row index of each continued piece
    row_pages: list[int] = field(default_factory=list)
    # Per row, per grid column: the OCR confidence of the cell's words (empty: not OCR).
    confidence: list[list[float | None]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.row_pages:
            self.row_pages = [self.page] * len(self.rows)

    def cell_confidence(self, row: int, column: int) -> float | None:
        if row < len(self.confidence) and column < len(self.confidence[row]):
            return self.confidence[row][column]
        return None


def mean_confidence(items: list, text=lambda it: it["text"], conf=lambda it: it.get("conf")) -> float | None:
    """Length-weighted mean confidence of words or lines; ``None`` when none has one.

    Weighting by length keeps a misread one-letter word or a dash from counting as much as a
    long agency name, and a line of many words from counting as much as one.
    """
    total = weight = 0.0
    for item in items:
        value = conf(item)
        if value is None:
            continue
        n = max(len(text(item)), 1)
        total += value * n
        weight += n
    return round(total / weight, 1) if weight else None


def group_lines(words: list[dict], page_no: int, tolerance: float = 3.0) -> list[Line]:
    """Words to lines: cluster by ``top``, order by ``x0``.

    A word dict has ``text``, ``x0``, ``x1``, ``top``, ``bottom`` and optionally ``bold``,
    ``conf`` (OCR confidence) and ``line`` (an OCR engine's line id, which wins over the
    clustering: on a slightly skewed scan the words of one line drift by more than the tolerance).
    """
    lines: list[list[dict]] = []
    keyed = any("line" in w for w in words)
    if keyed:
        by_line: dict = {}
        for word in words:
            by_line.setdefault(word["line"], []).append(word)
        lines = sorted(by_line.values(), key=lambda g: (min(w["top"] for w in g), min(w["x0"] for w in g)))
    else:
        for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
            if lines and abs(lines[-1][0]["top"] - word["top"]) <= tolerance:
                lines[-1].append(word)
            else:
                lines.append([word])
    out = []
    for group in lines:
        group.sort(key=lambda w: w["x0"])
        text = nfc(" ".join(w["text"] for w in group)).strip()
        if not text:
            continue
        bold = all(w.get("bold") for w in group)
        out.append(
            Line(text, group[0]["x0"], max(w["x1"] for w in group), min(w["top"] for w in group),
                 max(w["bottom"] for w in group), page_no, bold,
                 [(w["x0"], w["x1"], nfc(w["text"])) for w in group], mean_confidence(group))
        )  # fmt: skip
    return out


def segments(lines: list[Line]) -> list[str]:
    """A cell's lines joined into logical segments: a bullet or number starts a new one."""
    out: list[str] = []
    for line in lines:
        if out and not STARTS_ITEM.match(line.text):
            out[-1] += " " + line.text
        else:
            out.append(line.text)
    return out
