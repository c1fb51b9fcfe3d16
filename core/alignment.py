"""Matching a plan's tasks and targets to those of its superior plan (kế hoạch cấp trên).

A commune plan implements the province plan: most of its tasks copy a province task, with the scope
words changed ("tỉnh" -> "xã") and sometimes several province tasks merged into one. Alignment
answers two questions: which province task each commune task implements, and which province tasks
and targets the commune left out. The province view asks the second question for every commune at
once (``coverage_matrix``), so scoring must be cheap: texts become sets of syllable bigrams weighted
by their rarity among the superior's tasks (a TF-IDF by hand), compared through an inverted index,
and identical texts (communes copy the same sentences) are scored once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from core.checks.mentions import INDICATOR_NAMES, NARROW, mentions, qualifiers
from core.plandoc.model import AREAS, PlanDraft, TaskDraft
from core.similarity import bigrams, combine
from core.text import fold

COVERED = 60.0  # the task implements the superior task, possibly reworded
ADAPTED = 40.0  # related: the superior task adapted, merged or narrowed
AREA_BONUS = 6.0
TOO_COMMON = 0.5  # bigrams in more than half of the superior's tasks carry no signal
_LEVEL_WORDS = {"commune": ("cap xa", "cac xa", "ubnd xa"), "district": ("cap huyen", "cac huyen")}


class SuperiorIndex:
    """The superior plan's tasks prepared for fast repeated scoring against many subordinates."""

    def __init__(self, superior: PlanDraft) -> None:
        self.superior = superior
        self.tasks = superior.tasks
        grams = [bigrams(t.content) for t in self.tasks]
        n = max(len(grams), 1)
        df: dict[str, int] = {}
        for g in grams:
            for gram in g:
                df[gram] = df.get(gram, 0) + 1
        self.weight = {g: math.log((n + 1) / (c + 1)) + 1.0 for g, c in df.items() if c / n <= TOO_COMMON}
        self.unknown = math.log(n + 1) + 1.0
        self.postings: dict[str, list[int]] = {}
        for j, g in enumerate(grams):
            for gram in g:
                if gram in self.weight:
                    self.postings.setdefault(gram, []).append(j)
        self.totals = [sum(self.weight.get(x, 0.0) for x in g) for g in grams]
        self._cache: dict[str, list[float]] = {}
        self._applies: dict[str, list[str]] = {}
        self.rows: dict[tuple[str, str | None], list[float]] = {}
        self.areas = [t.area for t in self.tasks]

    def text_scores(self, text: str) -> list[float]:
        """Similarity (0-100) of ``text`` to every superior task: weighted Dice and containment."""
        cached = self._cache.get(text)  # communes copy the same sentences: score each text once
        if cached is not None:
            return cached
        grams = bigrams(text)
        inter = [0.0] * len(self.tasks)
        total = 0.0
        for gram in grams:
            w = self.weight.get(gram)
            if w is None:
                total += 0.0 if gram in self.postings else self.unknown * 0.25
                continue
            total += w
            for j in self.postings.get(gram, ()):
                inter[j] += w
        scores = [combine(inter[j], total, self.totals[j]) for j in range(len(self.tasks))]
        self._cache[text] = scores
        return scores

    def applies(self, level: str | None) -> list[str]:
        """``applies_to`` of every superior task for one subordinate level, computed once."""
        key = level or "commune"
        if key not in self._applies:
            self._applies[key] = [applies_to(t, key) for t in self.tasks]
        return self._applies[key]


def applies_to(task: TaskDraft, level: str | None) -> str:
    """Whether the superior task names the subordinate's level: as "lead", "coordinating" or "none"."""
    words = _LEVEL_WORDS.get(level or "commune", ())
    if any(w in fold(name) for name in task.lead for w in words):
        return "lead"
    if any(w in fold(name) for name in task.coordinating for w in words):
        return "coordinating"
    return "none"


@dataclass
class TaskMatch:
    """A subordinate task and the superior task it implements (``superior_index`` None: none)."""

    task_index: int
    superior_index: int | None
    score: float
    status: str  # "covered", "adapted" or "unmatched"
    explanation: str


@dataclass
class Coverage:
    """How a superior task or target is taken up: "covered", "adapted" or "missing"."""

    superior_index: int
    status: str
    score: float
    by: list[int] = field(default_factory=list)  # subordinate task or target indexes
    applies: str = "none"
    explanation: str = ""


def _ref(task: TaskDraft) -> dict:
    return {"area": task.area, "no": task.no, "content": task.content[:160]}


def _area_name(area: str | None) -> str:
    return AREAS.get(area or "", "không rõ lĩnh vực")


def _explain(score: float, sup: TaskDraft, same_area: bool, applies: str) -> str:
    where = f"nhiệm vụ {sup.no or '(không số)'} ({_area_name(sup.area)}) của kế hoạch cấp trên"
    if score >= 90:
        text = f"Gần như nguyên văn {where}"
    elif score >= COVERED:
        text = f"Triển khai {where}, có sửa câu chữ"
    else:
        text = f"Gần với {where}: có thể đã gộp, cụ thể hóa hoặc rút gọn"
    if not same_area:
        text += "; khác lĩnh vực"
    if applies == "lead":
        text += "; cấp trên giao cấp này chủ trì"
    return f"{text} (điểm {score:.0f})."


def _score_row(index: SuperiorIndex, task: TaskDraft) -> list[float]:
    """Text scores with the same-area bonus, cached per (text, area) like the text scores."""
    key = (task.content, task.area)
    row = index.rows.get(key)
    if row is None:
        scores = index.text_scores(task.content)
        row = [
            min(100.0, s + AREA_BONUS) if area == task.area and s > 0 else s
            for s, area in zip(scores, index.areas, strict=True)
        ]
        index.rows[key] = row
    return row


def match_tasks(index: SuperiorIndex, plan: PlanDraft) -> tuple[list[TaskMatch], list[list[float]]]:
    """Best superior task for each task of ``plan``, with the full score rows for reuse."""
    matches, rows = [], []
    level = plan.org_unit.level
    for i, task in enumerate(plan.tasks):
        row = _score_row(index, task)
        rows.append(row)
        best = max(range(len(row)), key=row.__getitem__, default=None)
        if best is None or row[best] < ADAPTED:
            matches.append(
                TaskMatch(
                    i,
                    None,
                    row[best] if best is not None else 0.0,
                    "unmatched",
                    "Không thấy nhiệm vụ tương ứng trong kế hoạch cấp trên (nhiệm vụ riêng của đơn vị).",
                )
            )
            continue
        sup = index.tasks[best]
        status = "covered" if row[best] >= COVERED else "adapted"
        explanation = _explain(row[best], sup, sup.area == task.area, index.applies(level)[best])
        matches.append(TaskMatch(i, best, round(row[best], 1), status, explanation))
    return matches, rows


def task_coverage(index: SuperiorIndex, plan: PlanDraft, rows: list[list[float]]) -> list[Coverage]:
    """For each superior task: covered / adapted / missing by the plan, and whether it applies."""
    result = []
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in index.tasks]
    for j, column in enumerate(columns):
        best = max(column, default=0.0)
        status = "covered" if best >= COVERED else "adapted" if best >= ADAPTED else "missing"
        by = [i for i, s in enumerate(column) if s >= ADAPTED]
        applies = index.applies(plan.org_unit.level)[j]
        if status == "missing":
            explanation = "Không có nhiệm vụ nào tương ứng."
        else:
            names = ", ".join(f"{plan.tasks[i].area}/{plan.tasks[i].no}" for i in by[:5])
            explanation = f"Được triển khai ở nhiệm vụ {names} (điểm {best:.0f})."
        result.append(Coverage(j, status, round(best, 1), by, applies, explanation))
    return result


@lru_cache(maxsize=65536)
def _text_mentions(text: str) -> tuple[tuple[str, frozenset[str], float], ...]:
    return tuple((m.indicator, m.quals, m.value) for m in mentions(text))


def _plan_mentions(plan: PlanDraft) -> list[tuple[str, frozenset[str], float]]:
    found: list[tuple[str, frozenset[str], float]] = []
    for task in plan.tasks:
        found += _text_mentions(task.content)
    found += [(m.indicator, m.quals, m.value) for m in mentions(plan.source_text)]
    return found


def target_coverage(superior: PlanDraft, plan: PlanDraft) -> list[Coverage]:
    """For each superior target: in the plan's targets ("covered"), only in its text ("adapted"), or not."""
    result = []
    text_mentions: list[tuple[str, frozenset[str], float]] | None = None
    own = [(t.indicator, qualifiers(t.text), bigrams(t.text)) for t in plan.targets]
    for j, target in enumerate(superior.targets):
        if target.indicator and target.indicator != "other":
            quals = qualifiers(target.text)
            by = [i for i, (ind, q, _) in enumerate(own) if ind == target.indicator and q == quals]
            if target.indicator not in NARROW:  # "QPPL ban hành đúng quy trình" is not "QPPL được xử lý"
                grams = bigrams(target.text)
                by = [i for i in by if _overlap(grams, own[i][2]) >= ADAPTED]
                if not by:
                    result.append(Coverage(j, "missing", 0.0, [], explanation="Không có chỉ tiêu tương ứng."))
                    continue
            if by:
                result.append(Coverage(j, "covered", 100.0, by, explanation="Có chỉ tiêu cùng loại."))
                continue
            if text_mentions is None:
                text_mentions = _plan_mentions(plan)
            if any(ind == target.indicator and q == quals for ind, q, _ in text_mentions):
                result.append(
                    Coverage(
                        j,
                        "adapted",
                        50.0,
                        [],
                        explanation="Chỉ nêu trong nội dung nhiệm vụ, chưa thành chỉ tiêu.",
                    )
                )
                continue
            name = INDICATOR_NAMES.get(target.indicator, target.indicator)
            result.append(Coverage(j, "missing", 0.0, [], explanation=f"Không có chỉ tiêu về {name}."))
            continue
        grams = bigrams(target.text)
        scored = [(_overlap(grams, g), i) for i, (_, _, g) in enumerate(own)]
        best, at = max(scored, default=(0.0, None))
        status = "covered" if best >= COVERED else "adapted" if best >= ADAPTED else "missing"
        result.append(
            Coverage(j, status, round(best, 1), [at] if at is not None and status != "missing" else [])
        )
    return result


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return 100.0 * max(2 * inter / (len(a) + len(b)), inter / min(len(a), len(b)) * 0.8)


@dataclass
class Alignment:
    plan: PlanDraft
    superior: PlanDraft
    matches: list[TaskMatch]
    superior_tasks: list[Coverage]
    superior_targets: list[Coverage]

    def pairs(self) -> list[tuple[TaskDraft, TaskDraft, float]]:
        return [
            (self.plan.tasks[m.task_index], self.superior.tasks[m.superior_index], m.score)
            for m in self.matches
            if m.superior_index is not None
        ]

    def to_dict(self) -> dict:
        return {
            "plan": self.plan.document,
            "superior": self.superior.document,
            "pairs": [
                {
                    "task": _ref(self.plan.tasks[m.task_index]),
                    "superior_task": _ref(self.superior.tasks[m.superior_index]),
                    "score": m.score,
                    "status": m.status,
                    "explanation": m.explanation,
                }
                for m in self.matches
                if m.superior_index is not None
            ],
            "unmatched_tasks": [
                _ref(self.plan.tasks[m.task_index]) for m in self.matches if m.superior_index is None
            ],
            "superior_tasks": [
                {
                    **_ref(self.superior.tasks[c.superior_index]),
                    "status": c.status,
                    "score": c.score,
                    "applies": c.applies,
                    "explanation": c.explanation,
                }
                for c in self.superior_tasks
            ],
            "uncovered_superior_tasks": [
                _ref(self.superior.tasks[c.superior_index])
                for c in self.superior_tasks
                if c.status == "missing"
            ],
            "superior_targets": [
                {
                    "index": c.superior_index,
                    "text": self.superior.targets[c.superior_index].text[:160],
                    "indicator": self.superior.targets[c.superior_index].indicator,
                    "status": c.status,
                    "explanation": c.explanation,
                }
                for c in self.superior_targets
            ],
        }


def align(plan: PlanDraft, superior: PlanDraft, index: SuperiorIndex | None = None) -> Alignment:
    """Match ``plan``'s tasks to ``superior``'s, and the superior's tasks and targets back."""
    index = index or SuperiorIndex(superior)
    matches, rows = match_tasks(index, plan)
    return Alignment(
        plan, superior, matches, task_coverage(index, plan, rows), target_coverage(superior, plan)
    )


@dataclass
class Matrix:
    """Province view: superior tasks and targets (rows) by subordinate unit (columns)."""

    superior: PlanDraft
    units: list[str]
    tasks: dict[str, list[Coverage]]
    targets: dict[str, list[Coverage]]

    def summary(self) -> dict[str, dict[str, int]]:
        """Per unit: how many applicable superior tasks are covered, adapted, missing."""
        out = {}
        for unit in self.units:
            counts = {"covered": 0, "adapted": 0, "missing": 0}
            for c in self.tasks[unit]:
                if c.applies != "none":
                    counts[c.status] += 1
            out[unit] = counts
        return out

    def to_dict(self) -> dict:
        return {
            "units": self.units,
            "tasks": [
                {**_ref(task), "cells": {u: self.tasks[u][j].status for u in self.units}}
                for j, task in enumerate(self.superior.tasks)
            ],
            "targets": [
                {
                    "index": j,
                    "text": t.text[:160],
                    "cells": {u: self.targets[u][j].status for u in self.units},
                }
                for j, t in enumerate(self.superior.targets)
            ],
            "summary": self.summary(),
        }


def coverage_matrix(superior: PlanDraft, subordinates: dict[str, PlanDraft]) -> Matrix:
    """Coverage of every superior task and target by every subordinate plan."""
    index = SuperiorIndex(superior)
    tasks, targets = {}, {}
    for name, plan in subordinates.items():
        _, rows = match_tasks(index, plan)
        tasks[name] = task_coverage(index, plan, rows)
        targets[name] = target_coverage(superior, plan)
    return Matrix(superior, list(subordinates), tasks, targets)
