"""Plan reading on real documents: the development corpus and the seeds, scored against hand gold.

usage: python bench/plan_corpus.py [--verbose] [--only NAME]

Corpus: ``fixtures/corpus/plans/*.md`` and ``*.docx`` (real plans, directives and decisions of other
provinces and levels) against ``fixtures/corpus/gold/<name>.json``; seeds: ``fixtures/seeds`` (text,
DOCX, PDF) against ``../shared/gold`` when it is there. Per document it prints task F1, field
accuracy (lead, coordinating, products, deadline text; area where the plan is a CCHC plan), target
F1, metadata accuracy (number, date, signer, issuer, title) and parse time; then the means of the
corpus and of the seeds. Acceptance (issue 9): corpus task F1 ≥ 0.95 and field accuracy ≥ 0.90;
seeds ≥ 0.98 / 0.95; text and DOCX under 1 s each.
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
from core.plandoc.scoring import corpus_figures  # noqa: E402

CORPUS = ROOT / "fixtures" / "corpus"
SEEDS = ROOT / "fixtures" / "seeds"
SEED_GOLD = ROOT.parent / "shared" / "gold"


def corpus_files() -> list[tuple[Path, Path]]:
    out = []
    for path in sorted((CORPUS / "plans").glob("*")):
        gold = CORPUS / "gold" / f"{path.stem}.json"
        if path.suffix in (".md", ".docx") and gold.exists():
            out.append((path, gold))
    return out


def seed_files() -> list[tuple[Path, Path]]:
    if not SEED_GOLD.is_dir():
        return []
    out = []
    for path in (
        sorted(SEEDS.glob("*.txt")) + sorted(SEEDS.glob("docx/*.docx")) + sorted(SEEDS.glob("pdf/*.pdf"))
    ):
        golds = [g for g in SEED_GOLD.glob("*.json") if path.stem.startswith(g.stem)]
        if golds:
            out.append((path, max(golds, key=lambda g: len(g.stem))))
    return out


def run(files: list[tuple[Path, Path]], label: str, verbose: bool) -> list[dict]:
    rows = []
    print(f"== {label}")
    print(f"{'document':46} {'tasks':>9} {'taskF1':>6} {'fields':>6} {'tgtF1':>6} {'meta':>5} {'ms':>6}")
    for path, gold_path in files:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        name = f"{path.parent.name}/{path.name}" if path.parent.name in ("docx", "pdf") else path.name
        start = time.perf_counter()
        try:
            plan = parse_plan(path.read_bytes(), path.name)
        except PlanDocError as exc:
            print(f"{name:46} refused: {exc.code} ({exc.detail})")
            rows.append({"task_f1": 0.0, "field_acc_mean": 0.0, "target_f1": 0.0, "meta_acc": 0.0, "ms": 0})
            continue
        ms = (time.perf_counter() - start) * 1000
        figures = corpus_figures(gold, plan.to_gold_dict())
        figures["ms"] = ms
        rows.append(figures)
        tasks = f"{figures['tasks_pred']}/{figures['tasks_gold']}"
        print(
            f"{name:46} {tasks:>9} {figures['task_f1']:6.3f} {figures['field_acc_mean']:6.3f} "
            f"{figures['target_f1']:6.3f} {figures['meta_acc']:5.2f} {ms:6.0f}"
        )
        if verbose:
            print(
                "      fields:",
                figures["field_acc"],
                "meta:",
                {k: v for k, v in figures["meta"].items() if not v},
            )
            for miss in figures["misses"]:
                print("      miss:", json.dumps(miss, ensure_ascii=False)[:300])
    if rows:
        print(
            f"mean ({label}): task F1 {statistics.mean(r['task_f1'] for r in rows):.3f}, "
            f"field accuracy {statistics.mean(r['field_acc_mean'] for r in rows):.3f}, "
            f"target F1 {statistics.mean(r['target_f1'] for r in rows):.3f}, "
            f"metadata {statistics.mean(r['meta_acc'] for r in rows):.3f}, "
            f"slowest {max(r['ms'] for r in rows):.0f} ms"
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--only", help="documents whose name contains this")
    args = parser.parse_args()
    corpus, seeds = corpus_files(), seed_files()
    if args.only:
        corpus = [f for f in corpus if args.only in f[0].name]
        seeds = [f for f in seeds if args.only in f[0].name]
    if corpus:
        run(corpus, "corpus", args.verbose)
    else:
        print("no corpus gold found in fixtures/corpus/gold")
    if seeds:
        run(seeds, "seeds", args.verbose)
    else:
        print("seeds: ../shared/gold not found, skipped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
