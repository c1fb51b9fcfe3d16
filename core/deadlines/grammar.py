"""Read one clause: find its time expressions anywhere in it, then turn them into milestones.

A clause is "[label:] body". The body may hold units (ngày, tháng, quý, 6/9 tháng, năm) with the
words before them that say how to read them (trước, chậm nhất, đến, từ, sau), recurrences
(định kỳ hằng quý, hằng năm, 6 tháng, năm), "thường xuyên", and event cues (theo kế hoạch của
..., khi có hướng dẫn, đột xuất). Anything it cannot read with certainty is returned as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from core.text import clean

from . import lexicon as lx
from .periods import due_of, first_year_inside, series
from .spec import CONTINUOUS, MONTHLY, ON_EVENT, ONCE, RECURRING, YEARLY, MilestoneSpec

UNITS = ("date", "month", "quarter", "half", "nine", "year")


@dataclass
class Expr:
    kind: str  # one of UNITS, or "day", "recur", "continuous"
    start: int
    end: int
    values: tuple[tuple[int, ...], ...] = ((),)
    year: int | None = None
    freqs: tuple[str, ...] = ()
    mode: str = "at"  # at | before | by | from | after
    preset: bool = False  # mode fixed by the pattern (year ranges)
    bad: bool = False  # impossible date, month 13, ...


@dataclass
class Context:
    text: str  # NFC input
    f: str  # masked fold of it
    start: date
    end: date
    strict_before: bool
    out: list[MilestoneSpec] = field(default_factory=list)


def _ints(s: str) -> list[int]:
    return [int(x) for x in re.findall(r"\d+", s)]


def _unit_expr(kind: str, m: re.Match[str]) -> Expr:
    g = m.groupdict()
    year = g.get("y") or g.get("y2")
    x = Expr(kind, m.start(), m.end(), year=int(year) if year else None)
    if x.year is not None and x.year < 100:
        x.year += 2000
    if kind == "date":
        d, mo = int(g.get("d") or g["d2"]), int(g.get("m") or g["m2"])
        x.values, x.bad = ((d, mo),), not (1 <= mo <= 12 and 1 <= d <= 31)
    elif kind == "month":
        months = _ints(g["m"])
        x.values, x.bad = tuple((mo,) for mo in months), not all(1 <= mo <= 12 for mo in months)
    elif kind == "quarter":
        x.values = tuple((lx.ROMAN[q],) for q in re.findall(r"iv|iii|ii|i|[1-4]", g["q"]))
    elif kind == "half":
        x.values = ((1 if g["h"] == "dau" else 2,),)
    return x


def find_exprs(f: str, s: int, e: int) -> list[Expr]:
    """Non-overlapping expressions in f[s:e], earlier patterns first, then their prepositions."""
    found: list[Expr] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x.start or a >= x.end for x in found)

    for kind, pattern in lx.PATTERNS:
        found += [_unit_expr(kind, m) for m in pattern.finditer(f, s, e) if free(m.start(), m.end())]
    for m in lx.RECUR.finditer(f, s, e):
        if free(m.start(), m.end()):
            words = lx.FREQ_WORD.findall(m.group("f") or m.group("f2"))
            freqs = [lx.FREQUENCY.get(re.sub(r"\s+", "", w).replace("sau", "6"), CONTINUOUS) for w in words]
            found.append(Expr("recur", m.start(), m.end(), freqs=tuple(dict.fromkeys(freqs))))
    found += [Expr("continuous", *m.span()) for m in lx.CONTINUOUS.finditer(f, s, e) if free(*m.span())]
    for m in lx.RANGE.finditer(f, s, e):
        if free(m.start(), m.end()):
            found.append(Expr("year", *m.span("a"), year=int(m["a"]), mode="from", preset=True))
            found.append(Expr("year", *m.span("b"), year=int(m["b"]), mode="by", preset=True))
    found += [Expr("year", *m.span(), year=int(m["y"])) for m in lx.YEAR.finditer(f, s, e) if free(*m.span())]
    found += [
        Expr("day", *m.span(), values=((int(m["d"]),),)) for m in lx.DAY.finditer(f, s, e) if free(*m.span())
    ]
    found.sort(key=lambda x: x.start)
    previous_end = s
    for x in found:
        if x.kind not in ("recur", "continuous") and not x.preset:
            tail = lx.PREP_TAIL.search(f, previous_end, x.start)
            if tail and tail.start() < tail.end():
                x.start = tail.start()
                modes = [
                    lx.PREP_MODE.get(re.sub(r"\s+", " ", w), "at") for w in lx.PREP_WORD.findall(tail[0])
                ]
                x.mode = next((mo for mo in modes if mo != "at"), "at")
        previous_end = x.end
    return found


_ANY = [p for _, p in lx.PATTERNS] + [lx.RECUR, lx.CONTINUOUS, lx.RANGE, lx.YEAR, lx.DAY, lx.CUE]


def has_content(f: str, s: int, e: int) -> bool:
    """Whether f[s:e] holds any time expression or event cue (find_exprs would find one)."""
    return any(p.search(f, s, e) for p in _ANY)


def _join(*parts: str | None) -> str:
    return " – ".join(p for p in parts if p)


def _lower_first(label: str) -> str:
    return label[:1].lower() + label[1:]


def _year_for(x: Expr, exprs: list[Expr], value: tuple[int, ...], ctx: Context) -> int:
    """A unit printed without a year takes the year of its neighbour ("15/6 và 15/12/2025"),
    else the first year of the plan period in which it falls."""
    if x.year is not None:
        return x.year
    i = exprs.index(x)
    for other in [*exprs[i + 1 :], *reversed(exprs[:i])]:
        if other.kind in UNITS and other.year is not None:
            return other.year
    return first_year_inside(x.kind, value, ctx.start, ctx.end)


def _strict(x: Expr, ctx: Context) -> bool:
    return x.mode == "before" and ctx.strict_before


Item = tuple[str, str, date | None, str | None, tuple[int, int]]  # label, kind, due, freq, span


def _cover(x: Expr, span: tuple[int, int]) -> tuple[int, int]:
    return min(x.start, span[0]), max(x.end, span[1])


def _recurring(recurs: list[Expr], units: list[Expr], ctx: Context) -> list[Item]:
    """Series of the clause's recurrences; anchors they use ("Quý I hằng năm", "ngày 20 hằng
    tháng") are removed from ``units``."""
    items: list[Item] = []
    freqs = list(dict.fromkeys(f for x in recurs for f in x.freqs))
    span = (recurs[0].start, recurs[-1].end)
    anchors = [x for x in units if x.kind in ("date", "month", "quarter", "half", "day")]
    if anchors and YEARLY in freqs and all(x.kind != "day" for x in anchors):
        freqs.remove(YEARLY)
        for x in anchors:
            units.remove(x)
            for value in x.values:
                occurrences = series(
                    YEARLY, ctx.start, ctx.end, anchor=(x.kind, value), from_year=x.year,
                    strict_before=_strict(x, ctx),
                )  # fmt: skip
                items += [(lab, RECURRING, due, YEARLY, _cover(x, span)) for due, lab in occurrences]
    elif len(anchors) == 1 and anchors[0].kind == "day" and MONTHLY in freqs:
        freqs.remove(MONTHLY)
        x = anchors[0]
        units.remove(x)
        occurrences = series(
            MONTHLY, ctx.start, ctx.end, day_of_month=x.values[0][0], strict_before=_strict(x, ctx)
        )
        items += [(lab, RECURRING, due, MONTHLY, _cover(x, span)) for due, lab in occurrences]
    for freq in freqs:
        if freq == CONTINUOUS:  # hằng ngày, hằng tuần
            items.append(("Thường xuyên", CONTINUOUS, None, None, span))
        else:
            items += [(lab, RECURRING, due, freq, span) for due, lab in series(freq, ctx.start, ctx.end)]
    return items


def _items(exprs: list[Expr], ctx: Context) -> list[Item] | None:
    """Milestones of a clause's expressions, or None when one of them cannot be read safely."""
    units = [x for x in exprs if x.kind in UNITS or x.kind == "day"]
    if any(x.bad or x.mode == "after" for x in units):
        return None
    recurs = [x for x in exprs if x.kind == "recur"]
    items = _recurring(recurs, units, ctx) if recurs else []
    continuous = [x for x in exprs if x.kind == "continuous"]
    if continuous and not any(i[1] == CONTINUOUS for i in items):
        items.append(("Thường xuyên", CONTINUOUS, None, None, (continuous[0].start, continuous[0].end)))
    i = 0
    while i < len(units):
        x = units[i]
        i += 1
        if x.kind == "day":  # "ngày 20" with no month and no "hằng tháng"
            return None
        dues = [due_of(x.kind, v, _year_for(x, exprs, v, ctx), _strict(x, ctx)) for v in x.values]
        if x.mode != "from":
            items += [(lab, ONCE, due, None, (x.start, x.end)) for due, lab in dues]
            continue
        # "Từ năm 2026", "Bắt đầu từ Quý I/2026", "2026 - 2030": work that goes on from then.
        label, span = "Từ " + _lower_first(dues[0][1]), (x.start, x.end)
        nxt = units[i] if i < len(units) else None
        if nxt and nxt.mode == "by" and not ctx.f[x.end : nxt.start].strip(" -–"):
            last = nxt.values[-1]
            _, last_label = due_of(nxt.kind, last, _year_for(nxt, exprs, last, ctx), False)
            label, span = f"{label} đến {_lower_first(last_label)}", (x.start, nxt.end)
            i += 1
        if not any(it[1] == CONTINUOUS for it in items):
            items.append((label, CONTINUOUS, None, None, span))
    return items


def read_clause(ctx: Context, s: int, e: int, parent: str | None) -> list[str]:
    """Append the clause's milestones to ctx.out; return the clause text if it cannot be read."""
    f, text = ctx.f, ctx.text
    label: str | None = None
    body = s
    colon = lx.LABEL_COLON.search(f, s, e)
    if colon and colon.start() - s <= 160 and has_content(f, colon.end(), e):
        head = clean(text[s : colon.start()]).strip(lx.TRIM)
        label = None if lx.fold(head) in lx.GENERIC_LABELS else head or None
        body = colon.end()
    exprs = find_exprs(f, body, e)
    cue = lx.CUE.search(f, body, e)
    if cue:
        exprs = [
            x for x in exprs if x.start < cue.start() or (x.mode in ("by", "before") and x.kind in UNITS)
        ]
    first = min([x.start for x in exprs] + ([cue.start()] if cue else []), default=e)
    if label is None and exprs:
        prefix = clean(text[body:first]).strip(lx.TRIM)
        # A lone verb ("Làm", "Thực hiện") is not a label; a noun phrase ("Báo cáo ...") is.
        if lx.fold(prefix) not in lx.FILLER_PREFIXES and len(prefix.split()) >= 2:
            label = prefix
    label = _join(parent, label) or None
    whole = clean(text[s:e])
    if not exprs:
        if not cue:
            return [_join(parent, whole)]
        ctx.out.append(MilestoneSpec(_join(parent, whole), ON_EVENT, None, None, (cue.start(), e)))
        return []
    try:
        items = _items(exprs, ctx)
    except ValueError:  # no such day: "31/2/2025", "31/2 hằng năm"
        items = None
    if items is None:
        return [_join(parent, whole)]
    if cue and lx.ALTERNATIVE.search(f, body, cue.start()):  # "định kỳ hằng quý hoặc đột xuất"
        items.append((clean(text[cue.start() : e]), ON_EVENT, None, None, (cue.start(), e)))
    single = len(items) == 1 and items[0][1] != RECURRING
    for lab, kind, due, freq, span in items:
        full = label if (label and single) else _join(label, lab)
        ctx.out.append(MilestoneSpec(full, kind, due, freq, span))
    return []
