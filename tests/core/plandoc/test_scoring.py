"""The project's scorer agrees with the shared acceptance script."""

from __future__ import annotations

import importlib.util
import json

import pytest

from core.plandoc.scoring import score
from tests.conftest import SHARED_DIR
from tests.core.plandoc.helpers import load_gold


def _shared_score():
    path = SHARED_DIR / "scripts" / "score_plan.py"
    if not path.exists():
        pytest.skip("shared scoring script absent")
    spec = importlib.util.spec_from_file_location("score_plan", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_same_figures_as_shared_script(prefix, seed_plans, gold_dir):
    gold = load_gold(gold_dir, prefix)
    pred = json.loads(json.dumps(seed_plans[prefix].to_gold_dict()))
    # The shared script is quadratic; a slice of each document keeps the comparison quick, and a
    # perturbed prediction exercises the miss paths as well.
    gold = dict(gold, tasks=gold["tasks"][:12], targets=gold["targets"][:8])
    pred["tasks"] = pred["tasks"][1:12]
    if pred["tasks"]:
        pred["tasks"][0]["lead"] = ["Sở Không Có"]
    pred["targets"] = pred["targets"][:-1]
    assert score(gold, pred) == _shared_score()(gold, pred)


def test_perfect_prediction_scores_one(gold_dir):
    gold = load_gold(gold_dir, "000")
    result = score(gold, gold)
    assert result["task_f1"] == 1.0 and result["target_f1"] == 1.0 and result["field_acc_mean"] == 1.0
