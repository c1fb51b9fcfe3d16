"""Geometry of a scanned page image: its skew, and the ruling lines of its tables.

A scan has no drawing objects, so the table finder (``readers.pdf_layout``) gets its ruling lines
from the pixels: long horizontal and vertical runs of dark pixels. Scanned pages are rarely
straight; a table ruled at 0.5° drifts by several points across the page, more than the finder's
snap tolerance, so the page is straightened first. The skew comes for free from the OCR: the
words of one text line sit on one baseline, so the slope of their bottoms is the page's slope.

"Dark" is judged against the page's own paper and ink (``ink_threshold``), not a fixed grey
level: grey or yellowed paper, a scanner without auto-levels or a phone photo puts the paper
itself below any fixed level (the whole page became one "line"), and faded toner puts thin rules
above it (no line at all).
"""

from __future__ import annotations

import math
import statistics

# A ruling line is at least this long (inches): longer than any letter stroke of body text.
MIN_RULE_H_IN = 0.5
MIN_RULE_V_IN = 0.3
# A pixel is ink when it is at least this share of the way from the paper's grey to the print's
# (210 on a scanned white page, as a fixed level was before): a thin rule, turned and blurred, is
# light grey, while a level nearer the paper joins the blurred letters of bold lines into runs.
INK_SHARE = 0.14
INK_PERCENTILE = 0.0001  # the print's grey: the darkest of the page (a few hundred pixels)
# ... and darker than the paper by more than its grain: this many times the paper's spread.
PAPER_NOISE_SIGMAS = 4.0
MIN_INK_STEP = 3  # grey levels: a clipped, perfectly white page has no spread at all
MAX_SKEW_DEG = 5.0


def skew_degrees(words: list[dict]) -> float:
    """The page's skew from OCR words (pixel boxes with a ``line`` id): median slope of the lines.

    Positive when the text runs downhill to the right. Lines of fewer than four words say little
    and are left out; with no usable line the page is taken as straight.
    """
    by_line: dict = {}
    for word in words:
        by_line.setdefault(word["line"], []).append(word)
    slopes = []
    for group in by_line.values():
        if len(group) < 4:
            continue
        xs = [(w["x0"] + w["x1"]) / 2 for w in group]
        ys = [w["bottom"] for w in group]
        mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
        var = sum((x - mean_x) ** 2 for x in xs)
        if var <= 0:
            continue
        slopes.append(sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / var)
    if len(slopes) < 3:
        return 0.0
    angle = math.degrees(math.atan(statistics.median(slopes)))
    return angle if abs(angle) <= MAX_SKEW_DEG else 0.0


def straighten_words(words: list[dict], angle: float, width: float, height: float) -> list[dict]:
    """Word boxes as they sit on the page rotated by ``-angle`` about its centre (box sizes kept)."""
    if not angle:
        return words
    theta = math.radians(-angle)
    cos, sin = math.cos(theta), math.sin(theta)
    cx, cy = width / 2, height / 2
    out = []
    for word in words:
        x, y = (word["x0"] + word["x1"]) / 2 - cx, (word["top"] + word["bottom"]) / 2 - cy
        nx, ny = cx + x * cos - y * sin, cy + x * sin + y * cos
        half_w, half_h = (word["x1"] - word["x0"]) / 2, (word["bottom"] - word["top"]) / 2
        out.append({**word, "x0": nx - half_w, "x1": nx + half_w, "top": ny - half_h, "bottom": ny + half_h})
    return out


def straighten_image(image, angle: float):
    """The page image rotated by ``-angle`` degrees about its centre, white where it was empty."""
    if not angle:
        return image
    # PIL's angle is counter-clockwise in image coordinates (y down); our slope is the same sign.
    return image.rotate(angle, resample=0, fillcolor=255)


def _runs(mask, min_len: int) -> list[tuple[int, int, int]]:
    """Runs of True along each row of a boolean array: (row, start, end) of those ≥ ``min_len``."""
    import numpy as np

    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    diff = np.diff(padded, axis=1)
    rows_s, starts = np.nonzero(diff == 1)
    _rows_e, ends = np.nonzero(diff == -1)  # same order: each start is followed by its end
    keep = (ends - starts) >= min_len
    return list(zip(rows_s[keep].tolist(), starts[keep].tolist(), ends[keep].tolist(), strict=True))


def _merge(runs: list[tuple[int, int, int]], gap: int) -> list[tuple[float, int, int]]:
    """Runs on neighbouring rows (a line several pixels thick) merged into one line each."""
    lines: list[list[int]] = []  # [first_row, last_row, start, end]
    open_lines: list[list[int]] = []
    for row, start, end in sorted(runs):
        open_lines = [line for line in open_lines if row - line[1] <= gap]
        for line in open_lines:
            if start <= line[3] and end >= line[2]:
                line[1] = row
                line[2], line[3] = min(line[2], start), max(line[3], end)
                break
        else:
            line = [row, row, start, end]
            lines.append(line)
            open_lines.append(line)
    return [((a + b) / 2, s, e) for a, b, s, e in lines]


def ink_threshold(grey) -> float:
    """The grey level (0-255) below which a pixel of this page counts as ink.

    From the page's histogram: the paper is the median (print covers a few per cent of a page),
    its spread the distance from the median to the 84th percentile (one sigma; the bright half
    holds paper only, so print does not widen it), the print the darkest pixels. A page with no
    print darker than its paper's grain gets a level that hardly a pixel of grain is under.
    """
    import numpy as np

    counts = np.cumsum(np.bincount(np.asarray(grey, dtype=np.uint8).ravel(), minlength=256))
    total = counts[-1]

    def level(share: float) -> int:
        return int(np.searchsorted(counts, share * total))

    paper, ink = level(0.5), level(INK_PERCENTILE)
    # Print that gets below half the paper's grey somewhere is black toner lightened by blur, not
    # faded toner: judged as black, lest a blurred page's ink threshold creep towards its paper.
    print_grey = max(0, 2 * ink - paper)
    step = max(INK_SHARE * (paper - print_grey), PAPER_NOISE_SIGMAS * (level(0.84) - paper), MIN_INK_STEP)
    return paper - step


def ruling_edges(image, dpi: float, scale: float) -> list[dict]:
    """Ruling lines of a (straightened) page image as pdfplumber edges, in points (``scale``: pt/px).

    Dark pixels (``ink_threshold``) are closed over 1-pixel gaps (scanner noise breaks thin
    lines), then runs longer than a letter can be are kept, horizontally and vertically.
    """
    import numpy as np

    from core.plandoc.readers.pdf_geometry import edge

    grey = np.asarray(image.convert("L"))
    ink = grey < ink_threshold(grey)
    closed = ink.copy()
    closed[:, 1:-1] |= ink[:, :-2] & ink[:, 2:]
    edges = []
    for y, x0, x1 in _merge(_runs(closed, int(MIN_RULE_H_IN * dpi)), gap=2):
        edges.append(edge("h", x0 * scale, x1 * scale, y * scale, y * scale))
    closed = ink.copy()
    closed[1:-1, :] |= ink[:-2, :] & ink[2:, :]
    for x, y0, y1 in _merge(_runs(closed.T, int(MIN_RULE_V_IN * dpi)), gap=2):
        edges.append(edge("v", x * scale, x * scale, y0 * scale, y1 * scale))
    return edges
