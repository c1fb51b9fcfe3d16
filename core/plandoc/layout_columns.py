"""Assign the fragments of a broken table row to columns (see ``core.plandoc.layout``).

The row's fragments arrive in column order. We choose, for each fragment, a column that never
goes back, minimising a cost made of:
- width: a fragment longer than the column's wrap width cannot be in it;
- wrap: a continuation line in the same column means the line before was full, i.e. the next
  word would not have fitted; a short line followed by a continuation is suspicious;
- wording: agency names belong to the agency columns, time expressions to the time column,
  "Yêu cầu" to the notes; a cell does not start with a lower-case word;
- skipping a column (an empty cell) costs a little.
Widths are estimated from the document: the width that best explains where lines wrapped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.plandoc.document import Segment, Span
from core.text import fold

INF = float("inf")
SKIP = 1.0  # an empty cell
SLACK = 2  # characters: proportional fonts make character counts approximate

_ITEM = re.compile(r"^([-+•*–]|\(\d+\)|\d+[.)]\s|[a-zđ]\)\s|yêu cầu|Yêu cầu)")
_AGENCY = re.compile(
    r"^(công chức|cán bộ|phòng|văn phòng|ban |ubnd|ủy ban|uỷ ban|trung tâm|bộ phận|công an|sở |"
    r"các phòng|các cơ quan|các đơn vị|hđnd|tư pháp|tài chính|văn hóa|văn hoá|địa chính|quân sự|"
    r"kinh tế|tổ công tác)",
    re.IGNORECASE,
)
_AGENCY_ABBR = re.compile(r"^[A-ZĐ]?[\wÀ-ỹ ]{2,20} - [A-ZĐ]{1,4}$")
_TIME = re.compile(
    r"(quý|qúy|tháng|trước|trong năm|thường xuyên|hàng năm|hằng năm|định kỳ|chậm nhất|năm 20\d\d|"
    r"\d{1,2}/\d{1,2}/20\d\d|báo cáo quý|báo cáo năm|^[-+]?\s*bc )",
    re.IGNORECASE,
)
_TIME_START = re.compile(
    r"(?<=\S)\s+(?=(Thường xuyên|Quý [IV]|Qúy [IV]|Tháng \d|Trước ngày|Trong năm|Năm 20\d\d)\b)"
)
_SPLIT_BULLET = re.compile(r"\s(?=-\s+[A-ZĐÀ-Ỹ])")


@dataclass
class Fragment:
    """One line (or part of a line) of the broken table, with its place in the canonical text."""

    text: str
    start: int

    @property
    def span(self) -> Span:
        return Span(self.start, self.start + len(self.text))

    @property
    def starts_item(self) -> bool:
        return bool(_ITEM.match(self.text))

    @property
    def lower_start(self) -> bool:
        return self.text[:1].islower()

    @property
    def agency(self) -> bool:
        return len(self.text) <= 40 and bool(_AGENCY.match(self.text) or _AGENCY_ABBR.match(self.text))

    @property
    def timeish(self) -> bool:
        return bool(_TIME.search(self.text))

    @property
    def first_word(self) -> int:
        return len(self.text.split(" ", 1)[0])

    @staticmethod
    def split(text: str, start: int) -> list[Fragment]:
        """Split a line that holds two cells ("Bộ phận Một cửa Thường xuyên", "- A - B" too long)."""
        pieces = [(text, start)]
        head = _TIME_START.search(text)
        if head and _AGENCY.match(text) and not _TIME.search(text[: head.start()]):
            pieces = [(text[: head.start()], start), (text[head.end() :], start + head.end())]
        elif len(text) > 34 and text.startswith("-"):
            cut = _SPLIT_BULLET.search(text, 2)
            if cut:
                pieces = [(text[: cut.start()], start), (text[cut.end() :], start + cut.end())]
        return [Fragment(t.strip(), s + (len(t) - len(t.lstrip()))) for t, s in pieces if t.strip()]


def _emission(f: Fragment, kind: str, width: float) -> float:
    cost = 0.0
    over = len(f.text) - width
    if over > SLACK - 1:
        cost += 2.0 * (over - SLACK + 2)
    if kind in ("lead", "coordinating"):
        cost += 0.0 if f.agency else 6.0
    elif f.agency:
        cost += 2.0
    if fold(f.text).lstrip("- ").startswith("yeu cau"):
        cost += 0.0 if kind == "notes" else 4.0
    if kind == "content" and f.starts_item:
        cost += 1.0  # task texts are rarely bulleted; products and notes usually are
    if kind == "time":
        cost += 0.0 if f.timeish else 0.5
    elif f.timeish and kind in ("content", "products"):
        cost += 0.5
    return cost


def _transition(prev: Fragment, nxt: Fragment, same: bool, width: float, numbered: bool) -> float:
    if same:
        if nxt.starts_item:
            return 0.0
        if len(prev.text) + 1 + nxt.first_word < width - SLACK:
            return 2.0  # the next word would have fitted: the line was not wrapped here
        return 0.0
    # A cell starts with a capital or a bullet, except cells continued from the previous page.
    return 1.5 if nxt.lower_start and numbered else 0.0


def _solve(
    frags: list[Fragment], first_content: bool, columns: list[str], widths: dict[str, float]
) -> list[int]:
    n, k = len(frags), len(columns)
    cost = [[INF] * k for _ in range(n)]
    back = [[0] * k for _ in range(n)]
    for c in range(k):
        if first_content and c > 0:
            continue
        cost[0][c] = _emission(frags[0], columns[c], widths[columns[c]])
    for i in range(1, n):
        for c in range(k):
            emit = _emission(frags[i], columns[c], widths[columns[c]])
            best, arg = INF, 0
            for p in range(c + 1):
                if cost[i - 1][p] == INF:
                    continue
                step = _transition(frags[i - 1], frags[i], p == c, widths[columns[p]], first_content)
                step += SKIP * max(0, c - p - 1) * first_content
                if cost[i - 1][p] + step < best:
                    best, arg = cost[i - 1][p] + step, p
            cost[i][c] = best + emit
            back[i][c] = arg
    c = min(range(k), key=lambda j: cost[n - 1][j])
    path = [c]
    for i in range(n - 1, 0, -1):
        c = back[i][c]
        path.append(c)
    return path[::-1]


def _segments(frags: list[Fragment]) -> list[Segment]:
    """A cell's fragments as logical segments: an item marker starts a new one, lines are joined."""
    out: list[tuple[list[str], int, int]] = []
    for f in frags:
        if out and not f.starts_item:
            out[-1][0].append(f.text)
            out[-1] = (out[-1][0], out[-1][1], f.start + len(f.text))
        else:
            out.append(([f.text], f.start, f.start + len(f.text)))
    return [Segment(" ".join(texts), Span(a, b)) for texts, a, b in out]


def assign_columns(
    rows: list[list[Fragment]], starts: list[bool], columns: list[str], widths: dict[str, float]
) -> list[dict[str, list[Segment]]]:
    """Per row, the segments of each column."""
    out = []
    for frags, numbered in zip(rows, starts, strict=True):
        cells: dict[str, list[Fragment]] = {}
        if frags:
            for f, c in zip(frags, _solve(frags, numbered, columns, widths), strict=True):
                cells.setdefault(columns[c], []).append(f)
        out.append({kind: _segments(fs) for kind, fs in cells.items()})
    return out


def _fit_width(pairs: list[tuple[Fragment, Fragment | None]]) -> float:
    """The wrap width that best explains a column's lines: none longer, wrapped ones full."""
    scores = {}
    for w in range(12, 60):
        bad = 0.0
        for f, nxt in pairs:
            if len(f.text) > w + SLACK:
                bad += 1
            if nxt is not None and not nxt.starts_item and len(f.text) + 1 + nxt.first_word < w - SLACK:
                bad += 1
        scores[w] = bad
    best = min(scores.values())
    tied = [w for w, bad in scores.items() if bad == best]
    return (min(tied) + max(tied)) / 2


def estimate_widths(rows: list[list[Fragment]], starts: list[bool], columns: list[str]) -> dict[str, float]:
    """Column widths from the document: assign by wording and order first, then refit twice."""
    lengths = sorted(len(f.text) for frags in rows for f in frags)
    prior = float(lengths[int(len(lengths) * 0.9)]) if lengths else 40.0
    widths = {c: prior for c in columns}
    for _ in range(3):
        pairs: dict[str, list[tuple[Fragment, Fragment | None]]] = {c: [] for c in columns}
        for frags, numbered in zip(rows, starts, strict=True):
            if not frags:
                continue
            path = _solve(frags, numbered, columns, widths)
            for i, (f, c) in enumerate(zip(frags, path, strict=True)):
                nxt = frags[i + 1] if i + 1 < len(frags) and path[i + 1] == c else None
                pairs[columns[c]].append((f, nxt))
        widths = {c: _fit_width(pairs[c]) if len(pairs[c]) >= 5 else widths[c] for c in columns}
    return widths
