"""``core.text.fold`` with a cache: extraction folds the same cell and heading texts many times."""

from __future__ import annotations

from functools import lru_cache

from core.text import fold as _fold


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    return _fold(text)
