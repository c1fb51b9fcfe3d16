"""Benchmark the plan checks and the province coverage matrix; prints the figures.

    .venv/bin/python bench/checks.py

1. check_plan on seed 000 with its superior 002 (target < 1 s);
2. coverage_matrix of 200 generated communes against a 60-task province plan (target < 2 s).
Communes are generated the way real ones are written: most tasks copy a province task with the
scope words changed and a sentence dropped or added, plus some tasks of their own.
"""

from __future__ import annotations

import random
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.alignment import coverage_matrix  # noqa: E402
from core.checks import check_plan  # noqa: E402
from core.plandoc import parse_plan  # noqa: E402
from core.plandoc.model import OrgUnitRef, PlanDraft, TaskDraft  # noqa: E402

SEEDS = ROOT / "fixtures" / "seeds"


def _read(name: str) -> PlanDraft:
    return parse_plan((SEEDS / name).read_bytes(), name)


def _province(base: PlanDraft, extra: PlanDraft, size: int = 60) -> PlanDraft:
    """The province plan 002 topped up to ``size`` tasks with tasks of another plan."""
    tasks = list(base.tasks)
    for task in extra.tasks:
        if len(tasks) >= size:
            break
        tasks.append(replace(task, content=task.content.replace("xã", "tỉnh"), lead=["UBND cấp xã"]))
    return replace(base, tasks=tasks)


def _edit(rng: random.Random, text: str) -> str:
    text = text.replace("tỉnh", "xã").replace("các sở, ban, ngành", "các phòng, ban")
    sentences = [s for s in text.split(". ") if s]
    if len(sentences) > 1 and rng.random() < 0.3:
        sentences.pop(rng.randrange(len(sentences)))
    if rng.random() < 0.3:
        sentences.append("Báo cáo kết quả thực hiện theo định kỳ")
    return ". ".join(sentences)


def _commune(rng: random.Random, province: PlanDraft, own: list[TaskDraft], i: int) -> PlanDraft:
    copied = rng.sample(province.tasks, k=min(45, len(province.tasks)))
    tasks = [replace(t, content=_edit(rng, t.content), lead=["Phòng Văn hóa - Xã hội"]) for t in copied]
    tasks += rng.sample(own, k=min(15, len(own)))
    targets = [t for t in province.targets if rng.random() < 0.8]
    return PlanDraft(
        document=f"xa_{i}.txt",
        source_text="",
        org_unit=OrgUnitRef(f"xã {i}", "commune", province.org_unit.province),
        period_start=province.period_start,
        period_end=province.period_end,
        tasks=tasks,
        targets=targets,
    )


def main() -> None:
    commune, province, other = (
        _read("000_60e74d9db19c0c48.txt"),
        _read("002_7ac37e54dd30bcb3.txt"),
        _read("001_2d17fb29c0483998.txt"),
    )
    runs = 5
    start = time.perf_counter()
    for _ in range(runs):
        findings = check_plan(commune, superior=province)
    single = (time.perf_counter() - start) / runs
    print(
        f"check_plan(000, superior=002): {single * 1000:.0f} ms, {len(findings)} findings (target < 1000 ms)"
    )

    big = _province(province, other)
    rng = random.Random(2025)
    communes = {f"xã {i}": _commune(rng, big, other.tasks, i) for i in range(200)}
    n_tasks = sum(len(p.tasks) for p in communes.values())
    start = time.perf_counter()
    matrix = coverage_matrix(big, communes)
    elapsed = time.perf_counter() - start
    covered = sum(s["covered"] for s in matrix.summary().values())
    print(
        f"coverage_matrix: 200 communes ({n_tasks} tasks) x {len(big.tasks)} province tasks: "
        f"{elapsed * 1000:.0f} ms, {covered} applicable tasks covered (target < 2000 ms)"
    )


if __name__ == "__main__":
    main()
