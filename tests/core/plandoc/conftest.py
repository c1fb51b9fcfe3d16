"""Seed documents parsed once per session."""

from __future__ import annotations

import pytest

from core.plandoc import parse_plan
from core.plandoc.document import Document
from core.plandoc.model import PlanDraft
from core.plandoc.readers.text import read_text
from tests.core.plandoc.helpers import SEED_NAMES, seed_path


@pytest.fixture(scope="session")
def seed_docs() -> dict[str, Document]:
    """Each seed read by the text reader, keyed by its number ("000" …)."""
    return {name[:3]: read_text(seed_path(name[:3]).read_bytes(), f"{name}.txt") for name in SEED_NAMES}


@pytest.fixture(scope="session")
def seed_plans() -> dict[str, PlanDraft]:
    """Each seed parsed through the public entry point, keyed by its number."""
    return {name[:3]: parse_plan(seed_path(name[:3]).read_bytes(), f"{name}.txt") for name in SEED_NAMES}


@pytest.fixture(scope="session")
def seed_scores(seed_plans, gold_dir) -> dict[str, dict]:
    """Each seed's figures against gold (scoring is slow: computed once per session)."""
    from core.plandoc.scoring import score
    from tests.core.plandoc.helpers import load_gold

    return {
        prefix: score(load_gold(gold_dir, prefix), plan.to_gold_dict()) for prefix, plan in seed_plans.items()
    }
