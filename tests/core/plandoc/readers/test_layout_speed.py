"""The fast column solver and width fit give the answers of the plain definitions, and quickly."""

from __future__ import annotations

import itertools
import random

from core.plandoc import layout_columns as lc

WORDS = (
    "Báo cáo kết quả thực hiện công tác cải cách hành chính năm 2025 Công chức Tư pháp - HT "
    "Văn phòng Thống kê Quý I Trước ngày 10/12 theo của và - Yêu cầu đúng thời gian quy định"
).split()


def _fragments(rng: random.Random, count: int) -> list[lc.Fragment]:
    out, pos = [], 0
    for _ in range(count):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 7)))
        if rng.random() < 0.25:
            text = "- " + text
        out.append(lc.Fragment(text, pos))
        pos += len(text) + 1
    return out


def _naive_fit(pairs) -> float:
    scores = {}
    for w in (x / 10 for x in range(40, 300)):
        bad = 0.0
        for f, nxt in pairs:
            bad += f.width > w
            bad += nxt is not None and not nxt.starts_item and f.width + nxt.next_word < w
        scores[w] = bad
    best = min(scores.values())
    tied = [w for w, bad in scores.items() if bad == best]
    return (min(tied) + max(tied)) / 2


def test_fit_width_equals_the_counting_definition():
    rng = random.Random(7)
    for _ in range(30):
        frags = _fragments(rng, rng.randint(5, 40))
        pairs = [
            (f, frags[i + 1] if i + 1 < len(frags) and rng.random() < 0.6 else None)
            for i, f in enumerate(frags)
        ]
        assert lc._fit_width(pairs) == _naive_fit(pairs)


def _path_cost(frags, path, numbered, columns, widths, open_cols, continued) -> float:
    listed = numbered and frags[0].starts_item
    opens = None if numbered else open_cols
    kinds = [columns[c] for c in path]
    cost = lc._emission(frags[0], kinds[0], widths[kinds[0]], listed) + lc._opening(frags[0], path[0], opens)
    for i in range(1, len(frags)):
        p, c = path[i - 1], path[i]
        cost += lc._transition(frags[i - 1], frags[i], p == c, widths[columns[p]], numbered, continued)
        cost += lc.SKIP * max(0, c - p - 1) * numbered
        if p != c:
            cost += lc._opening(frags[i], c, opens)
        cost += lc._emission(frags[i], kinds[i], widths[kinds[i]], listed)
    return cost


def test_solve_returns_a_cheapest_monotone_path():
    """Exhaustive check on small rows: no column path that never goes back is cheaper."""
    rng = random.Random(11)
    columns = ["content", "products", "lead", "time", "notes"]
    for _ in range(40):
        frags = _fragments(rng, rng.randint(1, 6))
        widths = {"content": rng.uniform(15, 30), "products": rng.uniform(10, 25), "lead": lc.NO_WRAP,
                  "time": rng.uniform(8, 15), "notes": rng.uniform(10, 18)}  # fmt: skip
        numbered, continued = rng.random() < 0.7, rng.random() < 0.3
        open_cols = {c for c in range(5) if rng.random() < 0.4}
        path = lc._solve(frags, numbered, columns, widths, set(open_cols), continued)
        assert all(a <= b for a, b in itertools.pairwise(path))
        assert not numbered or path[0] == 0
        best = min(
            _path_cost(frags, list(p), numbered, columns, widths, open_cols, continued)
            for p in itertools.combinations_with_replacement(range(5), len(frags))
            if not numbered or p[0] == 0
        )
        got = _path_cost(frags, path, numbered, columns, widths, open_cols, continued)
        assert abs(got - best) < 1e-9


def test_feature_flags_are_computed_once():
    f = lc.Fragment("- Yêu cầu báo cáo đúng hạn của", 0)
    assert f.starts_item and f.requirement and f.dangling and not f.comma
    g = lc.Fragment("Công chức Tư pháp - HT", 0)
    assert g.agency and not g.lower_start and not g.requirement
