"""Assign the fragments of a broken table row to columns (see ``core.plandoc.layout``).

The row's fragments arrive in column order. We choose, for each fragment, a column that never
goes back, minimising a cost made of:
- width: a fragment longer than the column's wrap width cannot be in it;
- wrap: a continuation line in the same column means the line before was full, i.e. the next
  word would not have fitted; a short line followed by a continuation is suspicious;
- wording: agency names belong to the agency columns, time expressions to the time column,
  "Yêu cầu" to the notes; a cell does not start with a lower-case word;
- skipping a column (an empty cell) costs a little;
- two pieces cut from one printed line (``Fragment.split``) sat side by side: not one cell;
- after a page break a column goes on only if its cell reached the bottom of the page, and a
  cell whose last line ended a sentence does not go on with a lower-case line.
Widths are estimated from the document: the width that best explains where lines wrapped.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from core.plandoc.document import Segment, Span
from core.text import fold

INF = float("inf")
SKIP = 1.0  # an empty cell
BESIDE = 3.0  # two pieces of one printed line in one cell: they were cut because they sit apart
NO_WRAP = 100.0  # agency columns: names are broken by hand ("Công chức / Tư pháp - HT"), not wrapped
SLACK = 0.6  # ems: our glyph widths are approximate, and justified text stretches spaces

# Approximate advance widths (in ems) of a Times-like proportional font; letters with Vietnamese
# diacritics take their base letter's width. Character counts alone mislead: "tra, giám sát kết
# quả theo dõi" (30 characters) fits where "Thực hiện chế độ báo cáo định" (29) does not.
_NARROW = dict.fromkeys("ijlt'.,;:!|", 0.278) | dict.fromkeys("frs()-/[]", 0.36) | {" ": 0.25}
_WIDE = dict.fromkeys("mw", 0.75) | dict.fromkeys("MW%", 0.9) | dict.fromkeys("I", 0.333)


def _char_width(ch: str) -> float:
    base = unicodedata.normalize("NFD", ch)[0] if ord(ch) > 127 else ch
    if base in _NARROW:
        return _NARROW[base]
    if base in _WIDE:
        return _WIDE[base]
    if base.isupper():
        return 0.7 if base != "Đ" else 0.72
    if base == "đ":
        return 0.5
    return 0.47 if base.isalpha() else 0.5


_CHAR_WIDTHS: dict[str, float] = {}  # memo of _char_width: a document uses a few hundred characters


def text_width(text: str) -> float:
    """Approximate printed width of ``text`` in ems (see ``_NARROW``/``_WIDE``)."""
    widths = _CHAR_WIDTHS
    total = 0.0
    for ch in text:
        w = widths.get(ch)
        if w is None:
            w = widths[ch] = _char_width(ch)
        total += w
    return total


_ITEM = re.compile(r"^([-+•*–]|\(\d+\)|\d+[.)]\s|[a-zđ]\)\s|yêu cầu|Yêu cầu)")
_AGENCY = re.compile(
    r"^(công chức|cán bộ|phòng|văn phòng|ban (?!hành)|ubnd|ủy ban|uỷ ban|trung tâm|bộ phận|công an|sở |"
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
_PRODUCT = re.compile(
    r"^[-+•]\s*(báo cáo|kế hoạch|văn bản|các văn bản|quyết định|danh mục|bản mô tả|quy chế|"
    r"các tài liệu|tài liệu|công văn|thông báo|các thông báo)",
    re.IGNORECASE,
)
# A cell does not end on a word that needs a continuation ("theo", "của", "và" ...).
_DANGLING = frozenset(
    "theo của và các về với tại trong cho để là được những đối từ đến hoặc có thuộc trên số ngày như".split()
)
_Y = re.compile("[yýỳỷỹỵYÝỲỶỸỴ]")  # a letter that folds to "y"
_CLOSED = re.compile(r"[.;!?…]\)?$")  # a line that ends a sentence (possibly inside brackets)
_SPLIT_BULLET = re.compile(r"\s(?=-\s+[A-ZĐÀ-Ỹ])")


@dataclass
class Fragment:
    """One line (or part of a line) of the broken table, with its place in the canonical text.

    Every feature the column costs look at is computed once here: the width estimate and the
    row solver visit each fragment thousands of times (every column, every candidate width).
    """

    text: str
    start: int
    beside: bool = False  # printed on the same line as the fragment before it (see ``split``)
    width: float = field(init=False)
    next_word: float = field(init=False)  # width of " " + first word, for the wrap test
    starts_item: bool = field(init=False, repr=False)
    lower_start: bool = field(init=False, repr=False)
    agency: bool = field(init=False, repr=False)
    timeish: bool = field(init=False, repr=False)
    product: bool = field(init=False, repr=False)  # "- Báo cáo ...": a typical product line
    requirement: bool = field(init=False, repr=False)  # "Yêu cầu ...": a notes line
    dangling: bool = field(init=False, repr=False)  # ends on "theo", "của" ...: the cell goes on
    comma: bool = field(init=False, repr=False)  # ends on a comma

    def __post_init__(self) -> None:
        text = self.text
        self.width = text_width(text)
        self.next_word = text_width(" " + text.split(" ", 1)[0])
        self.starts_item = bool(_ITEM.match(text))
        self.lower_start = text[:1].islower()
        self.agency = len(text) <= 40 and bool(_AGENCY.match(text) or _AGENCY_ABBR.match(text))
        self.timeish = bool(_TIME.search(text))
        self.product = bool(_PRODUCT.match(text))
        # "Yêu cầu" after at most a few bullets: fold only a short prefix, and only if it has a "y".
        head = text[:40]
        self.requirement = bool(_Y.search(head)) and fold(head).lstrip("- ").startswith("yeu cau")
        last = text.rsplit(" ", 1)[-1].lower()
        self.dangling = last in _DANGLING
        self.comma = last.endswith(",")

    @property
    def span(self) -> Span:
        return Span(self.start, self.start + len(self.text))

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
        kept = [(t, s) for t, s in pieces if t.strip()]
        return [Fragment(t.strip(), s + (len(t) - len(t.lstrip())), n > 0) for n, (t, s) in enumerate(kept)]


def _emission(f: Fragment, kind: str, width: float, listed: bool) -> float:
    cost = 0.0
    over = f.width - width
    if over > SLACK:
        cost += 2.0 + 4.0 * (over - SLACK)
    if kind in ("lead", "coordinating"):
        cost += 0.0 if f.agency else 6.0
    elif f.agency:
        cost += 2.0
    if f.requirement:
        cost += 0.0 if kind == "notes" else 4.0
    if kind == "content" and f.starts_item:
        # Task texts are rarely bulleted (unless the row's task is a list); products usually are.
        cost += 0.3 if listed else 1.0
        cost += 0.7 if f.product else 0.0
    if kind == "time":
        cost += -0.3 if f.timeish else 0.5
    if kind == "products" and f.starts_item and not f.product:
        cost += 0.4
    elif f.timeish and kind in ("content", "products") and not f.lower_start:
        # A time cell starts with its time words; a lower-case line is a wrapped sentence's tail
        # ("pháp luật năm 2025.") and says nothing about the column.
        cost += 0.5
    return cost


def _transition(
    prev: Fragment, nxt: Fragment, same: bool, width: float, numbered: bool, continued: bool
) -> float:
    if same:
        if nxt.beside:
            return BESIDE
        if nxt.starts_item or width >= NO_WRAP:
            return 0.0
        shortfall = width - SLACK - (prev.width + nxt.next_word)
        # The next word would have fitted: the line was not wrapped here (the more room, the surer).
        return min(2.0, 1.2 * shortfall) if shortfall > 0 else 0.0
    # A cell starts with a capital or a bullet, except cells continued from the previous page,
    # and it does not end on a dangling word.
    # (Unless the row goes on after a page break: then every column may stop mid-sentence.)
    cost = 0.0 if continued else 3.0 if prev.dangling else 1.0 if prev.comma else 0.0
    return cost + (2.5 if nxt.lower_start and numbered else 0.0)


def _opening(f: Fragment, c: int, open_cols: dict[int, bool] | set[int] | None) -> float:
    """Cost of ``f`` being the first fragment of column ``c`` in a row continued after a break.

    After a page break each column resumes where it stopped: a fragment that is not a new item
    continues the cell above, which is only possible if that cell's last line was full.
    ``open_cols`` maps those columns to whether their last line ended a sentence: such a cell
    may go on with a new sentence, but not with a lower-case continuation.
    """
    if open_cols is None:
        return 0.0
    if f.starts_item:
        return 0.0 if c in open_cols or c > 0 else 0.8
    if c not in open_cols:
        return 2.5
    closed = isinstance(open_cols, dict) and open_cols[c]
    return 2.5 if closed and f.lower_start else 0.0


def _solve(
    frags: list[Fragment],
    first_content: bool,
    columns: list[str],
    widths: dict[str, float],
    open_cols: dict[int, bool] | set[int] | None = None,
    continued: bool = False,
) -> list[int]:
    """Cheapest column path of one row (Viterbi over fragments; columns never go back).

    Emission and opening costs are tabulated per fragment and column first, and the cost of
    changing column does not depend on the column widths, so the inner loop only adds numbers.
    The additions keep the original order, so ties resolve exactly as before.
    """
    n, k = len(frags), len(columns)
    listed = first_content and frags[0].starts_item
    if first_content:
        open_cols = None
    col_w = [widths[c] for c in columns]
    emit = [[_emission(f, columns[c], col_w[c], listed) for c in range(k)] for f in frags]
    opening = [[_opening(f, c, open_cols) for c in range(k)] for f in frags]
    skip = [SKIP * max(0, gap - 1) * first_content for gap in range(k)]
    cost = [INF] * k
    for c in range(k):
        if not (first_content and c > 0):
            cost[c] = emit[0][c] + opening[0][c]
    back: list[list[int]] = [[0] * k]
    for i in range(1, n):
        prev, nxt = frags[i - 1], frags[i]
        change = _transition(prev, nxt, False, 0.0, first_content, continued)
        stay = [_transition(prev, nxt, True, w, first_content, continued) for w in col_w]
        open_i, emit_i = opening[i], emit[i]
        row_back = [0] * k
        new = [INF] * k
        for c in range(k):
            best, arg = INF, 0
            for p in range(c):
                if cost[p] == INF:
                    continue
                step = change + skip[c - p]
                step += open_i[c]
                if cost[p] + step < best:
                    best, arg = cost[p] + step, p
            if cost[c] != INF and cost[c] + stay[c] < best:
                best, arg = cost[c] + stay[c], c
            new[c] = best + emit_i[c]
            row_back[c] = arg
        cost = new
        back.append(row_back)
    c = min(range(k), key=lambda j: cost[j])
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
    """Per row, the segments of each column. ``starts[i]``: row i has a number (is not a continuation)."""
    out = []
    open_cols: dict[int, bool] = {}
    for index, (frags, numbered) in enumerate(zip(rows, starts, strict=True)):
        cells: dict[str, list[Fragment]] = {}
        continued = index + 1 < len(starts) and not starts[index + 1]
        if frags:
            path = _solve(frags, numbered, columns, widths, open_cols, continued)
            for f, c in zip(frags, path, strict=True):
                cells.setdefault(columns[c], []).append(f)
        # A cell can go on after a page break only if it reached the bottom of the page, i.e. it
        # was (about) the longest cell of the row's piece.
        longest = max((len(fs) for fs in cells.values()), default=0)
        # Whether its last line ends a sentence ("… hóa…)", "năm 2025.") is kept for ``_opening``.
        open_cols = {
            c: bool(_CLOSED.search(cells[kind][-1].text))
            for c, kind in enumerate(columns)
            if len(cells.get(kind, [])) >= longest - 1 > 0
        }
        out.append({kind: _segments(fs) for kind, fs in cells.items()})
    return out


def _fit_width(pairs: list[tuple[Fragment, Fragment | None]]) -> float:
    """The wrap width that best explains a column's lines: none longer, wrapped ones full.

    For each candidate width w (4.0 to 29.9 ems, step 0.1) the misfit is the number of lines
    longer than w plus the number of wrapped lines whose next word would still have fitted.
    Both are counts over sorted values, so each candidate costs two bisections.
    """
    longs = sorted(f.width for f, _ in pairs)
    fits = sorted(f.width + nxt.next_word for f, nxt in pairs if nxt is not None and not nxt.starts_item)
    scores = {}
    for w in (x / 10 for x in range(40, 300)):
        scores[w] = (len(longs) - bisect_right(longs, w)) + bisect_left(fits, w)
    best = min(scores.values())
    tied = [w for w, bad in scores.items() if bad == best]
    return (min(tied) + max(tied)) / 2


def estimate_widths(rows: list[list[Fragment]], starts: list[bool], columns: list[str]) -> dict[str, float]:
    """Column widths from the document: assign by wording and order first, then refit twice.

    The refit is a fixed-point iteration; once the widths stop changing, further rounds would
    repeat the same solves, so we stop there.
    """
    lengths = sorted(f.width for frags in rows for f in frags)
    prior = lengths[int(len(lengths) * 0.9)] if lengths else 20.0
    widths = {c: NO_WRAP if c in ("lead", "coordinating") else prior for c in columns}
    for _ in range(3):
        pairs: dict[str, list[tuple[Fragment, Fragment | None]]] = {c: [] for c in columns}
        for index, (frags, numbered) in enumerate(zip(rows, starts, strict=True)):
            if not frags:
                continue
            continued = index + 1 < len(starts) and not starts[index + 1]
            path = _solve(frags, numbered, columns, widths, None, continued)
            for i, (f, c) in enumerate(zip(frags, path, strict=True)):
                nxt = frags[i + 1] if i + 1 < len(frags) and path[i + 1] == c else None
                pairs[columns[c]].append((f, nxt))
        fitted = {c: _fit_width(pairs[c]) if len(pairs[c]) >= 5 else widths[c] for c in columns}
        fitted.update({c: NO_WRAP for c in columns if c in ("lead", "coordinating")})
        if fitted == widths:
            break
        widths = fitted
    return widths
