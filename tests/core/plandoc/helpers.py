"""Small helpers shared by the plandoc tests."""

from __future__ import annotations

import json
from pathlib import Path

from core.plandoc.model import PlanDraft, TaskDraft
from core.text import collapse

SEEDS = Path(__file__).resolve().parents[3] / "fixtures" / "seeds"
SEED_NAMES = sorted(p.stem for p in SEEDS.glob("*.txt"))


def seed_path(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def load_gold(gold_dir: Path, prefix: str) -> dict:
    path = next(gold_dir.glob(f"{prefix}_*.json"))
    return json.loads(path.read_text(encoding="utf-8"))


def task(plan: PlanDraft, area: str, no: str | None, startswith: str = "") -> TaskDraft:
    return next(t for t in plan.tasks if t.area == area and t.no == no and t.content.startswith(startswith))


def printed(text: str, start: int, end: int) -> str:
    """Source text of a span as an official reads it: markup and line breaks removed."""
    return collapse(text[start:end].replace("*", " ").replace("<", " <")).replace(" <", "<")
