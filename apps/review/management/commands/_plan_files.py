"""Reading plan files for the review commands: one-line Vietnamese errors, no database."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from apps.plans.services import read_plan_document
from core.plandoc.model import PlanDraft


def read_plan_file(name: str) -> PlanDraft:
    path = Path(name)
    if not path.is_file():
        raise CommandError(f"Không tìm thấy tệp {name}.")
    try:
        return read_plan_document(path.read_bytes(), path.name)
    except ValidationError as exc:
        raise CommandError(f"{path.name}: {' '.join(exc.messages)}") from exc


def dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
