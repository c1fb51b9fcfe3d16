"""Score an extraction (gold-schema dict) against a gold annotation, as acceptance is judged.

A faithful reimplementation of ``shared/scripts/score_plan.py`` so the project can measure itself
without the shared folder: same normalisation, same greedy best-first matching, same thresholds
(task content similarity ≥ 0.85, list items ≥ 0.9, deadline ≥ 0.9, notes ≥ 0.85, targets ≥ 0.6
with equal value and year). Keep the two in step: the acceptance figures come from the script.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from typing import Any

TASK_THRESHOLD = 0.85
LIST_ITEM_THRESHOLD = 0.9
DEADLINE_THRESHOLD = 0.9
NOTES_THRESHOLD = 0.85
TARGET_THRESHOLD = 0.6
TASK_FIELDS = ("area", "no", "lead", "coordinating", "products", "deadline_text", "notes")
TARGET_FIELDS = ("indicator", "comparator", "area")


def norm(value: Any) -> str:
    """Lower-case NFC text without tags, single-spaced, without edge punctuation."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value)).lower()
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text.strip(" -–;.,:+")


def sim(a: Any, b: Any) -> float:
    """Similarity ratio of two normalised texts (1.0 when both are empty)."""
    a, b = norm(a), norm(b)
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def sim_at_least(a: Any, b: Any, threshold: float) -> float:
    """``sim(a, b)`` when it reaches ``threshold``, else 0.0; same decisions as ``sim``, faster.

    ``real_quick_ratio`` and ``quick_ratio`` are upper bounds of ``ratio``: a pair they put below
    the threshold can never match, so skipping the quadratic ``ratio`` changes no result.
    """
    a, b = norm(a), norm(b)
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
        return 0.0
    ratio = matcher.ratio()
    return ratio if ratio >= threshold else 0.0


def match(
    gold: Sequence, pred: Sequence, key: Callable[[Any, Any], float], threshold: float
) -> list[tuple[int, int]]:
    """Greedy best-first one-to-one matching of gold to predicted items by ``key`` ≥ threshold."""
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            score = key(g, p)
            if score >= threshold:
                pairs.append((score, i, j))
    pairs.sort(reverse=True)
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    out = []
    for _score, i, j in pairs:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            out.append((i, j))
    return out


def f1(n_match: int, n_gold: int, n_pred: int) -> float:
    if n_gold == 0 and n_pred == 0:
        return 1.0
    precision = n_match / n_pred if n_pred else 0.0
    recall = n_match / n_gold if n_gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def same_list(a: Sequence | None, b: Sequence | None) -> bool:
    """Two lists hold the same items, as sets of near-equal strings."""
    left = [norm(x) for x in (a or []) if norm(x)]
    right = [norm(x) for x in (b or []) if norm(x)]
    if len(left) != len(right):
        return False
    key = lambda x, y: sim_at_least(x, y, LIST_ITEM_THRESHOLD)  # noqa: E731
    return len(match(left, right, key, LIST_ITEM_THRESHOLD)) == len(left)


def _task_fields(g: dict, p: dict) -> dict[str, bool]:
    return {
        "area": (g.get("area") or None) == (p.get("area") or None),
        "no": norm(g.get("no")) == norm(p.get("no")),
        "lead": same_list(g.get("lead"), p.get("lead")),
        "coordinating": same_list(g.get("coordinating"), p.get("coordinating")),
        "products": same_list(g.get("products"), p.get("products")),
        "deadline_text": sim_at_least(g.get("deadline_text"), p.get("deadline_text"), DEADLINE_THRESHOLD)
        >= DEADLINE_THRESHOLD,
        "notes": sim_at_least(g.get("notes"), p.get("notes"), NOTES_THRESHOLD) >= NOTES_THRESHOLD,
    }


def score(gold: dict, pred: dict) -> dict:
    """The figures of ``score_plan.py`` for one document (``misses`` lists up to 40 field misses)."""
    gold_tasks, pred_tasks = gold.get("tasks", []), pred.get("tasks") or []
    task_pairs = match(
        gold_tasks,
        pred_tasks,
        lambda g, p: sim_at_least(g.get("content"), p.get("content"), TASK_THRESHOLD),
        TASK_THRESHOLD,
    )
    fields = dict.fromkeys(TASK_FIELDS, 0)
    misses = []
    for i, j in task_pairs:
        g, p = gold_tasks[i], pred_tasks[j]
        for name, ok in _task_fields(g, p).items():
            fields[name] += ok
            if not ok:
                misses.append((name, g.get("area"), g.get("no"), g.get(name), p.get(name)))
    n = len(task_pairs) or 1
    field_acc = {name: round(count / n, 3) for name, count in fields.items()}

    gold_targets, pred_targets = gold.get("targets", []), pred.get("targets") or []

    def target_key(g: dict, p: dict) -> float:
        same = g.get("value") == p.get("value") and g.get("year") == p.get("year")
        return sim_at_least(g.get("text"), p.get("text"), TARGET_THRESHOLD) if same else 0.0

    target_pairs = match(gold_targets, pred_targets, target_key, TARGET_THRESHOLD)
    target_fields = dict.fromkeys(TARGET_FIELDS, 0)
    for i, j in target_pairs:
        for name in TARGET_FIELDS:
            target_fields[name] += (gold_targets[i].get(name) or None) == (pred_targets[j].get(name) or None)
    m = len(target_pairs) or 1

    meta = {
        name: norm(gold.get(name)) == norm(pred.get(name))
        for name in ("decision_number", "signed_date", "signer")
    }
    meta["org_unit"] = norm((gold.get("org_unit") or {}).get("name")) == norm(
        (pred.get("org_unit") or {}).get("name")
    )
    meta["period"] = (gold.get("period") or {}) == (pred.get("period") or {})
    return {
        "tasks_gold": len(gold_tasks),
        "tasks_pred": len(pred_tasks),
        "tasks_matched": len(task_pairs),
        "task_f1": round(f1(len(task_pairs), len(gold_tasks), len(pred_tasks)), 3),
        "field_acc": field_acc,
        "field_acc_mean": round(sum(field_acc.values()) / len(field_acc), 3),
        "targets_gold": len(gold_targets),
        "targets_pred": len(pred_targets),
        "target_f1": round(f1(len(target_pairs), len(gold_targets), len(pred_targets)), 3),
        "target_field_acc": {name: round(count / m, 3) for name, count in target_fields.items()},
        "meta_ok": sum(meta.values()),
        "meta_total": len(meta),
        "misses": misses[:40],
    }


# -- the figures issue 9 asks for ----------------------------------------------------------------
# Field accuracy over the fields an official follows up (area only where the plan is a CCHC plan,
# since other plans have no CCHC areas), and header metadata including issuer and title.
FOLLOW_UP_FIELDS = ("lead", "coordinating", "products", "deadline_text")
META_FIELDS = ("decision_number", "signed_date", "signer", "issuer", "title")
TITLE_THRESHOLD = 0.9


def is_cchc_plan(gold: dict) -> bool:
    """A plan on administrative reform: its title says so (the seven areas apply to it)."""
    title = norm(gold.get("title"))
    return "cải cách hành chính" in title or "cải cách thủ tục hành chính" in title


def corpus_figures(gold: dict, pred: dict) -> dict:
    """Task F1, follow-up field accuracy, target F1 and metadata accuracy of one document."""
    base = score(gold, pred)
    fields = list(FOLLOW_UP_FIELDS) + (["area"] if is_cchc_plan(gold) else [])
    field_acc = {name: base["field_acc"][name] for name in fields}
    meta = {
        name: norm(gold.get(name)) == norm(pred.get(name))
        for name in ("decision_number", "signed_date", "signer", "issuer")
    }
    meta["title"] = sim(gold.get("title"), pred.get("title")) >= TITLE_THRESHOLD
    return {
        "task_f1": base["task_f1"],
        "tasks_gold": base["tasks_gold"],
        "tasks_pred": base["tasks_pred"],
        "field_acc": field_acc,
        "field_acc_mean": round(sum(field_acc.values()) / len(field_acc), 3),
        "target_f1": base["target_f1"],
        "targets_gold": base["targets_gold"],
        "targets_pred": base["targets_pred"],
        "meta": meta,
        "meta_acc": round(sum(meta.values()) / len(meta), 3),
        "misses": base["misses"],
    }
