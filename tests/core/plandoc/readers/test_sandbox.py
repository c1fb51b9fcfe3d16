"""The bounded runner returns results, passes errors through and kills runaway parses."""

from __future__ import annotations

import time

import pytest

from core.plandoc.errors import PlanDocError
from core.plandoc.sandbox import run_bounded


def _add(a: int, b: int) -> int:
    return a + b


def _spin() -> None:
    while True:
        pass


def _hog() -> bytes:
    return b"x" * (600 * 1024 * 1024)


def _refuse() -> None:
    raise PlanDocError("macros")


def test_result_comes_back():
    assert run_bounded(_add, 2, 3, timeout_s=10) == 5


def test_runaway_parse_is_killed():
    started = time.monotonic()
    with pytest.raises(PlanDocError) as caught:
        run_bounded(_spin, timeout_s=1)
    assert caught.value.code == "timeout"
    assert time.monotonic() - started < 5


def test_memory_bound():
    with pytest.raises(PlanDocError) as caught:
        run_bounded(_hog, timeout_s=20, memory_mb=300)
    assert caught.value.code == "memory"


def test_plandoc_error_passes_through():
    with pytest.raises(PlanDocError) as caught:
        run_bounded(_refuse, timeout_s=10)
    assert caught.value.code == "macros"


def test_reads_a_document_in_the_child():
    from core.plandoc.readers import read_document
    from tests.core.plandoc.readers.conftest import seed_file

    path = seed_file("docx", "001")
    doc = run_bounded(read_document, path.read_bytes(), path.name, timeout_s=30)
    assert doc.format == "docx" and doc.blocks
