"""Time the deadline grammar on every distinct deadline text of the gold plans.

Run from the repository root: ``.venv/bin/python bench/deadlines.py [--repeat N]``.
Prints the median time per phrase in microseconds (the figure to track), plus p90 and max.
The texts are the project's own copy in tests/core/deadlines/test_gold_texts.py.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.deadlines import parse_deadline  # noqa: E402
from tests.core.deadlines.test_gold_texts import GOLD  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=200, help="parses per phrase (default 200)")
    args = parser.parse_args()
    cases = [(text, period) for text, period, _ in GOLD if text]
    for text, period in cases:  # warm up regex caches and the calendar helpers
        parse_deadline(text, *period)
    per_phrase_us: list[float] = []
    milestones = 0
    rounds, per_round = 5, max(1, args.repeat // 5)
    for text, period in cases:
        best = float("inf")
        for _ in range(rounds):  # best round, as timeit does: the others measure other processes
            start = time.perf_counter_ns()
            for _ in range(per_round):
                result = parse_deadline(text, *period)
            best = min(best, (time.perf_counter_ns() - start) / per_round / 1000)
        per_phrase_us.append(best)
        milestones += len(result.milestones)
    per_phrase_us.sort()
    p90 = per_phrase_us[int(0.9 * (len(per_phrase_us) - 1))]
    print(f"phrases: {len(cases)}  milestones: {milestones}  parses per phrase: {rounds * per_round}")
    print(
        f"median: {statistics.median(per_phrase_us):.1f} µs/phrase  p90: {p90:.1f}  max: {per_phrase_us[-1]:.1f}"
    )


if __name__ == "__main__":
    main()
