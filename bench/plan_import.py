"""Plan import benchmark: parse every seed in every format, score it against gold, time it.

usage: python bench/plan_import.py [--runs N] [--gold DIR] [--verbose]

Seeds are ``fixtures/seeds/*.txt``, ``fixtures/seeds/docx/*.docx`` and ``fixtures/seeds/pdf/*.pdf``;
each is matched to the gold file whose base name starts its own (``000_x_unruled.pdf`` → ``000_x``).
Prints one line per file (task F1, mean field accuracy, target F1, header fields right, median
parse time) and a summary line. Acceptance: task F1 ≥ 0.98, field accuracy ≥ 0.95, target F1 ≥ 0.90.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.plandoc import parse_plan  # noqa: E402
from core.plandoc.errors import PlanDocError  # noqa: E402
from core.plandoc.scoring import score  # noqa: E402

SEEDS = ROOT / "fixtures" / "seeds"
DEFAULT_GOLD = ROOT.parent / "shared" / "gold"
THRESHOLDS = {"task_f1": 0.98, "field_acc_mean": 0.95, "target_f1": 0.90}


def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) + sorted(SEEDS.glob("docx/*.docx")) + sorted(SEEDS.glob("pdf/*.pdf"))


def gold_for(path: Path, gold_dir: Path) -> Path | None:
    candidates = [g for g in gold_dir.glob("*.json") if path.stem.startswith(g.stem)]
    return max(candidates, key=lambda g: len(g.stem)) if candidates else None


def timed_parse(data: bytes, name: str, runs: int):
    times = []
    plan = None
    for _ in range(runs):
        start = time.perf_counter()
        plan = parse_plan(data, name)
        times.append(time.perf_counter() - start)
    return plan, statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--verbose", action="store_true", help="list the field misses")
    args = parser.parse_args()
    if not args.gold.is_dir():
        print(f"gold annotations not found at {args.gold}: nothing to score")
        return 0
    rows = []
    print(f"{'file':42} {'fmt':4} {'taskF1':>6} {'fields':>6} {'tgtF1':>6} {'meta':>5} {'ms':>7}  ok")
    for path in seed_files():
        gold_path = gold_for(path, args.gold)
        label = str(path.relative_to(SEEDS))
        if gold_path is None:
            print(f"{label:42} no gold file, skipped")
            continue
        try:
            plan, seconds = timed_parse(path.read_bytes(), path.name, args.runs)
        except PlanDocError as exc:
            print(f"{label:42} refused: {exc.code} ({exc.detail})")
            continue
        except Exception as exc:  # noqa: BLE001 - one broken reader must not hide the other figures
            print(f"{label:42} error: {type(exc).__name__}: {exc}")
            continue
        result = score(json.loads(gold_path.read_text(encoding="utf-8")), plan.to_gold_dict())
        ok = all(result[key] >= minimum for key, minimum in THRESHOLDS.items())
        rows.append((result, seconds, ok))
        print(
            f"{label:42} {path.suffix[1:]:4} {result['task_f1']:6.3f} {result['field_acc_mean']:6.3f} "
            f"{result['target_f1']:6.3f} {result['meta_ok']}/{result['meta_total']} {seconds * 1000:7.1f}  "
            f"{'PASS' if ok else 'FAIL'}"
        )
        if args.verbose:
            for miss in result["misses"]:
                print("      miss:", json.dumps(miss, ensure_ascii=False)[:300])
    if rows:
        passed = sum(ok for _, _, ok in rows)
        print(
            f"summary: {passed}/{len(rows)} files pass; mean task F1 "
            f"{statistics.mean(r['task_f1'] for r, _, _ in rows):.3f}, mean field accuracy "
            f"{statistics.mean(r['field_acc_mean'] for r, _, _ in rows):.3f}, mean target F1 "
            f"{statistics.mean(r['target_f1'] for r, _, _ in rows):.3f}, median parse "
            f"{statistics.median(s for _, s, _ in rows) * 1000:.0f} ms, max {max(s for _, s, _ in rows) * 1000:.0f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
