"""Ruling lines found in the pixels of scanned pages, whatever the paper and the toner.

The pages are drawn here with Pillow (a ruled table with Vietnamese text in its cells and a
paragraph above it, DejaVu Sans at 200 dpi), then given what scanners and paper do to them: blur,
sensor noise, a residual turn, grey paper, faded toner. The rules' positions are known from the
drawing, not from the code under test.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from core.plandoc.readers.scan_geometry import ink_threshold, ruling_edges
from tests.core.plandoc.readers.conftest import ROOT

DPI = 200
SCALE = 72 / DPI
FONT = ROOT / "fixtures" / "fonts" / "DejaVuSans.ttf"
BOLD = ROOT / "fixtures" / "fonts" / "DejaVuSans-Bold.ttf"
ROWS_Y = [420, 520, 640, 760, 880, 1000]  # px: the table's horizontal rules
COLS_X = [120, 260, 820, 1080, 1380]  # px: its vertical rules
RULE_PX = 3  # a 1 pt rule at 200 dpi
WORDS = "Rà soát, đánh giá thủ tục hành chính thuộc phạm vi quản lý của Ủy ban nhân dân xã".split()


def _page(ruled: bool = True) -> Image.Image:
    """A white page with black print: a heading, a paragraph, and a table (ruled or not)."""
    page = Image.new("L", (1500, 1150), 255)
    draw = ImageDraw.Draw(page)
    body, bold = ImageFont.truetype(str(FONT), 34), ImageFont.truetype(str(BOLD), 38)
    draw.text((120, 60), "PHỤ LỤC: DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH", font=bold, fill=0)
    for n in range(5):
        draw.text((120, 140 + n * 50), " ".join(WORDS[n : n + 9]), font=body, fill=0)
    for r, top in enumerate(ROWS_Y[:-1]):
        for c, left in enumerate(COLS_X[:-1]):
            text = str(r + 1) if c == 0 else " ".join(WORDS[r + c : r + c + (3 if c == 1 else 2)])
            draw.text((left + 14, top + 24), text, font=bold if r == 0 else body, fill=0)
    if ruled:
        for y in ROWS_Y:
            draw.rectangle((COLS_X[0], y, COLS_X[-1], y + RULE_PX - 1), fill=0)
        for x in COLS_X:
            draw.rectangle((x, ROWS_Y[0], x + RULE_PX - 1, ROWS_Y[-1]), fill=0)
    return page


def _scanned(page: Image.Image, *, paper: int = 255, ink: int = 0, blur: float = 0.8, turn: float = 0.1):
    """``page`` as a flatbed gives it back: white mapped to ``paper`` and black to ``ink`` (grey
    paper, faded toner), a slight turn, a blur and sensor noise."""
    page = page.rotate(turn, resample=Image.BICUBIC, fillcolor=255)
    grey = ink + np.asarray(page, dtype=float) * (paper - ink) / 255
    grey += np.random.default_rng(7).normal(0, 3, grey.shape)
    return Image.fromarray(np.clip(grey, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(blur))


SCANS = {
    "white paper, black print": {},
    "grey paper (scanner without auto-levels)": {"paper": 185},
    "yellowed paper, dark print": {"paper": 205, "ink": 40},
    "faded toner": {"ink": 205},
    "coarse blur": {"blur": 1.6},
}


def _found(edges: list[dict], orientation: str, at_px: float, start_px: float, end_px: float) -> bool:
    """An edge of that orientation within 2 px of ``at_px`` covering nine tenths of the rule."""
    for e in edges:
        if e["orientation"] != orientation:
            continue
        at, lo, hi = (e["top"], e["x0"], e["x1"]) if orientation == "h" else (e["x0"], e["top"], e["bottom"])
        covered = min(hi, end_px * SCALE) - max(lo, start_px * SCALE)
        if (
            abs(at - (at_px + RULE_PX / 2) * SCALE) <= 2 * SCALE
            and covered >= 0.9 * (end_px - start_px) * SCALE
        ):
            return True
    return False


@pytest.mark.parametrize("scan", SCANS.values(), ids=SCANS.keys())
def test_every_rule_of_a_scanned_table_is_found(scan):
    edges = ruling_edges(_scanned(_page(), **scan), DPI, SCALE)
    missing = [f"h@{y}" for y in ROWS_Y if not _found(edges, "h", y, COLS_X[0], COLS_X[-1])]
    missing += [f"v@{x}" for x in COLS_X if not _found(edges, "v", x, ROWS_Y[0], ROWS_Y[-1])]
    assert not missing, missing


@pytest.mark.parametrize("scan", SCANS.values(), ids=SCANS.keys())
def test_no_rule_is_found_where_none_was_drawn(scan):
    """Nothing but the drawn rules: not the text, not the paper (a grey page is not one big line)."""
    ruled = ruling_edges(_scanned(_page(), **scan), DPI, SCALE)
    near_a_rule = [
        e
        for e in ruled
        if (e["orientation"] == "h" and any(abs(e["top"] / SCALE - y - 1) <= 3 for y in ROWS_Y))
        or (e["orientation"] == "v" and any(abs(e["x0"] / SCALE - x - 1) <= 3 for x in COLS_X))
    ]
    assert near_a_rule == ruled
    assert ruling_edges(_scanned(_page(ruled=False), **scan), DPI, SCALE) == []


def test_a_blank_page_has_no_ink():
    """Paper grain alone, however grey the paper, is never ink."""
    for paper in (255, 230, 180):
        blank = _scanned(Image.new("L", (1500, 1150), 255), paper=paper)
        grey = np.asarray(blank)
        assert (grey < ink_threshold(grey)).mean() < 0.001
        assert ruling_edges(blank, DPI, SCALE) == []


def test_ink_level_lies_between_the_print_and_the_paper():
    """Print counts as ink, paper does not, on a white and on a grey page alike."""
    for scan in ({}, {"paper": 185}, {"ink": 205}):
        grey = np.asarray(_scanned(_page(), **scan))
        level = ink_threshold(grey)
        assert scan.get("ink", 0) < level < scan.get("paper", 255) - 6, (scan, level)


def test_blur_does_not_move_the_ink_level_towards_the_paper():
    """A blurred page's print is lighter black toner, not faded toner: the level stays where the
    sharp page's is, so blurred bold letters do not run together into rules."""
    sharp = ink_threshold(np.asarray(_scanned(_page(), blur=0.6)))
    for blur in (1.6, 2.5):
        assert ink_threshold(np.asarray(_scanned(_page(), blur=blur))) <= sharp + 2
    assert ink_threshold(np.asarray(_scanned(_page(), ink=205))) > sharp + 15  # but faded toner does
