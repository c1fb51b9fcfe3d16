"""Layout tables printed without borders (two cells side by side) -> one-row, two-column tables.

The signature block of a plan (left: "Nơi nhận:" and its list; right: "TM. ỦY BAN NHÂN DÂN",
"KT. CHỦ TỊCH", the signer's name) is a borderless two-column table, and so is a letterhead. A
PDF has no cells: the two cells' words share baselines, so each printed line reads as one
``Line`` holding a piece of the left cell and a piece of the right one ("- TT.TU, TT.HĐND tỉnh
(b/c); - Chủ CHỦ TỊCH PHÓ CHỦ TỊCH Mai"), and the next step joins those lines into one paragraph.
The right cell's text is then cut into pieces strewn through the left cell's list, and a name
that wraps ("Mai" / "Sơn") is split by left-cell words.

What still tells the cells apart is the gutter: a vertical strip of white that runs down the
block, at least ``MIN_GUTTER`` wide on every line, with words on both sides of it on at least two
lines in a row. Justified running text has wide spaces too, but not at the same place on two
lines in a row, and its full lines run across any strip. Such a block becomes a ``PageTable``
of one row: the left words of every line, then the right words (as the cells of a DOCX layout
table are read). The block goes on down over lines on one side of the gutter (one cell's text
running on after the other's ended; the name printed under the space left for the signature)
and over a page break; it ends at a line whose words run across the gutter, at a table, or after
a vertical gap wider than ``MAX_STEP`` lines.

This runs after the unruled annex tables are rebuilt (``pdf_columns``), which need their lines
whole.
"""

from __future__ import annotations

import re

from core.plandoc.readers.pdf_types import Line, PageTable, mean_confidence, segments

MIN_GUTTER = 0.8  # em (a line's height): the white strip between two cells; a space is ~0.25 em
MAX_STEP = 6.0  # line heights of white within a block: the space left for the signature
# A line that opens a part of the document (an annex, an article, a Roman-numbered section) is
# never inside a layout cell: printed right under the block, it would look like the cell going on.
_OPENS_PART = re.compile(r"^(?:PHỤ LỤC|Phụ lục|Điều\s+\d|[IVXLC]+\.\s)")


def _height(line: Line) -> float:
    return max(line.bottom - line.top, 1.0)


def _gaps(line: Line) -> list[tuple[float, float]]:
    """The white strips between neighbouring words at least ``MIN_GUTTER`` wide."""
    minimum = MIN_GUTTER * _height(line)
    words = sorted(line.words)
    out = []
    reach = words[0][1] if words else 0.0
    for x0, x1, _ in words[1:]:
        if x0 - reach >= minimum:
            out.append((reach, x0))
        reach = max(reach, x1)
    return out


def _shared_gutter(first: Line, second: Line) -> tuple[float, float] | None:
    """The widest strip white on both lines, with words on both sides of it on each."""
    minimum = MIN_GUTTER * min(_height(first), _height(second))
    best: tuple[float, float] | None = None
    for a0, a1 in _gaps(first):
        for b0, b1 in _gaps(second):
            g0, g1 = max(a0, b0), min(a1, b1)
            if g1 - g0 >= minimum and (best is None or g1 - g0 > best[1] - best[0]):
                best = (g0, g1)
    return best


def _sides(line: Line, gutter: tuple[float, float]) -> tuple[list, list] | None:
    """The line's words left and right of the gutter; ``None`` when the line runs across it.

    The gutter is the white the first two lines share; a later line of a cell may reach a little
    into it (a centred cell's lines are not all as short as its first ones). A line goes on in
    the block when some white strip of it overlaps the gutter by at least half ``MIN_GUTTER``;
    with words on both sides, that strip must be a gutter itself: a space of justified text,
    however stretched, is not.
    """
    g0, g1 = gutter
    height = _height(line)
    words = sorted(line.words)
    if not words:
        return [], []
    strips = [(float("-inf"), words[0][0])]
    reach = words[0][1]
    for x0, x1, _ in words[1:]:
        if x0 > reach:
            strips.append((reach, x0))
        reach = max(reach, x1)
    strips.append((reach, float("inf")))
    left_edge, right_edge = max(strips, key=lambda strip: min(strip[1], g1) - max(strip[0], g0))
    if min(right_edge, g1) - max(left_edge, g0) < MIN_GUTTER * height / 2:
        return None
    left = [word for word in words if word[1] <= left_edge]
    right = [word for word in words if word[0] >= right_edge]
    if left and right and right_edge - left_edge < MIN_GUTTER * height:
        return None
    return left, right


def _follows(prev: Line, line: Line) -> bool:
    """Whether ``line`` is close enough below ``prev`` to be in the same table row."""
    if line.page != prev.page:
        return line.page == prev.page + 1
    return -0.5 * _height(prev) <= line.top - prev.bottom <= MAX_STEP * _height(prev)


Sides = tuple[Line, list, list]  # a line of the block, its words left and right of the gutter


def _block(items: list, start: int) -> list[Sides]:
    """The lines of a side-by-side block starting at ``items[start]``, cut at the gutter (or [])."""
    first = items[start]
    second = items[start + 1] if start + 1 < len(items) else None
    if not (isinstance(first, Line) and isinstance(second, Line) and _follows(first, second)):
        return []
    gutter = _shared_gutter(first, second)
    if gutter is None:
        return []
    block: list[Sides] = []
    for item in items[start:]:
        if not isinstance(item, Line) or (block and not _follows(block[-1][0], item)):
            break
        sides = _sides(item, gutter)
        if sides is None or (block and _OPENS_PART.match(item.text)):
            break
        block.append((item, *sides))
    return block


def _cell(pieces: list[tuple[Line, list]]) -> tuple[list[str], float | None]:
    """A cell's segments from the pieces of lines that fell on its side, and their confidence."""
    lines = [
        Line(" ".join(text for _, _, text in words), words[0][0], words[-1][1], line.top, line.bottom,
             line.page, line.bold, words, line.confidence)
        for line, words in pieces
        if words
    ]  # fmt: skip
    return segments(lines), mean_confidence(lines, lambda ln: ln.text, lambda ln: ln.confidence)


def _table(block: list[Sides]) -> PageTable:
    """The block as a table of one row: the left words of every line, then the right words."""
    lines = [line for line, _, _ in block]
    left_cell, left_conf = _cell([(line, left) for line, left, _ in block])
    right_cell, right_conf = _cell([(line, right) for line, _, right in block])
    x0 = min(line.x0 for line in lines)
    x1 = max(line.x1 for line in lines)
    right_x = min((right[0][0] for _, _, right in block if right), default=x1)
    bbox = (x0, lines[0].top, x1, max(line.bottom for line in lines if line.page == lines[0].page))
    confidence = [[left_conf, right_conf]] if left_conf is not None or right_conf is not None else []
    return PageTable(lines[0].page, bbox, [[left_cell, right_cell]], [x0, right_x], confidence=confidence)


def rebuild_layout_tables(items: list) -> list:
    """Replace runs of Lines printed as two cells side by side by one-row PageTables."""
    out: list = []
    i = 0
    while i < len(items):
        block = _block(items, i)
        if len(block) < 2:  # the first two lines share the gutter, or there is no block
            out.append(items[i])
            i += 1
            continue
        out.append(_table(block))
        i += len(block)
    return out
