"""When are two task texts the same task? One measure for the whole project.

Three places ask it: the plan check for a task written twice, the re-import of a corrected plan
(which old task does each new one replace), and the alignment of a commune plan with the province
plan (which province task does a commune task implement). They used three measures (edit distance,
token sets, weighted bigrams) that disagreed on the same pair. Now all three use this one:

* a text becomes the set of its syllable bigrams, accent-folded, without the scope words that
  differ by level by design ("trên địa bàn tỉnh" / "xã");
* two texts score the larger of their Dice overlap (near-copies) and their containment scaled by
  relative size (a task merged into a longer one), from 0 to 100;
* bigrams may carry weights (the alignment weighs them by rarity among the superior's tasks); with
  no weights every bigram counts 1.

Each caller keeps its own threshold, because "same task" means different things to them: a
duplicate must be nearly identical, a replaced task may be reworded, an implementing task may be
adapted.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from core.text import fold

# Scope words differ by level by design ("trên địa bàn tỉnh" vs "xã"); they must not count.
SCOPE_WORDS = frozenset({"tinh", "xa", "huyen", "phuong", "thi", "ubnd", "cap", "thanh", "pho"})


@lru_cache(maxsize=65536)
def bigrams(text: str) -> frozenset[str]:
    """Accent-folded syllable bigrams of ``text``, scope words and one-letter words left out."""
    words = [w for w in fold(text).split() if w not in SCOPE_WORDS and len(w) > 1 or w.isdigit()]
    return frozenset(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))


def combine(inter: float, total_a: float, total_b: float) -> float:
    """Dice for near-copies; containment (scaled by relative size) for a task merged into another."""
    if inter <= 0 or total_a <= 0 or total_b <= 0:
        return 0.0
    dice = 2 * inter / (total_a + total_b)
    contained = inter / min(total_a, total_b)
    size = min(total_a, total_b) / max(total_a, total_b)
    return 100.0 * max(dice, contained * (0.55 + 0.35 * size))


def dice(a: str, b: str) -> float:
    """Plain Dice overlap of the bigrams of two texts (0-100): how much of both is shared."""
    ga, gb = bigrams(a), bigrams(b)
    if not ga or not gb:
        return 100.0 if fold(a).split() == fold(b).split() and ga == gb else 0.0
    return 200.0 * len(ga & gb) / (len(ga) + len(gb))


def task_similarity(a: str, b: str, weight: Mapping[str, float] | None = None) -> float:
    """How alike two task texts are, 0-100 (see the module docstring)."""
    ga, gb = bigrams(a), bigrams(b)
    if weight is None:
        return combine(float(len(ga & gb)), float(len(ga)), float(len(gb)))
    w = weight.get
    return combine(sum(w(g, 0.0) for g in ga & gb), sum(w(g, 0.0) for g in ga), sum(w(g, 0.0) for g in gb))


SAME_TASK = 60.0  # a corrected plan's task replaces the old one it is this alike to (reworded at most)


def pair_tasks(old: list[tuple[str | None, str]], new: list[tuple[str | None, str]]) -> list[tuple[int, int]]:
    """Which old task each new task replaces, as (old index, new index) pairs.

    Tasks are (area, content). A new task takes the most alike unused old task of its own area, when
    they are at least ``SAME_TASK`` alike; the others are added or removed tasks.
    """
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for j, (area, content) in enumerate(new):
        best, best_score = None, 0.0
        for i, (old_area, old_content) in enumerate(old):
            if i in used or old_area != area:
                continue
            score = task_similarity(old_content, content)
            if score > best_score:
                best, best_score = i, score
        if best is not None and best_score >= SAME_TASK:
            used.add(best)
            pairs.append((best, j))
    return pairs
