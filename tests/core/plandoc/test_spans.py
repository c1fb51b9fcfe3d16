"""Every extracted field points at source text that contains it."""

from __future__ import annotations

import re

from core.text import collapse


def _source(plan, span) -> str:
    raw = plan.source_text[span.start : span.end]
    # Markdown emphasis and HTML tags may sit between the printed words.
    return collapse(re.sub(r"<[^>]+>", " ", raw).replace("*", ""))


def _covers(plan, span, value: str) -> bool:
    """The span holds the value, or (a row merged across a page break) starts and ends with it."""
    source = _source(plan, span)
    words = value.split()
    head, tail = " ".join(words[:2]), " ".join(words[-2:])
    return value in source or (source.startswith(head) and source.endswith(tail))


def test_task_field_spans_contain_their_values(seed_plans):
    for prefix in ("000", "001", "002", "004"):
        plan = seed_plans[prefix]
        for task in plan.tasks:
            assert _covers(plan, task.spans["content"], task.content), (prefix, task.no)
            for name in ("products", "lead", "coordinating"):
                for index, value in enumerate(getattr(task, name)):
                    span = task.spans[f"{name}.{index}"]
                    assert _covers(plan, span, value), (prefix, task.no, name, value)
            if task.deadline_text:
                assert _covers(plan, task.spans["deadline_text"], collapse(task.deadline_text))


def test_value_spans_are_exact_where_printed_verbatim(seed_plans):
    plan = seed_plans["002"]
    task = plan.tasks[0]
    span = task.spans["lead.0"]
    assert plan.source_text[span.start : span.end] == "Sở Tư pháp"


def test_header_and_target_spans(seed_plans):
    plan = seed_plans["004"]
    for name, value in (("decision_number", plan.decision_number), ("signer", plan.signer)):
        span = plan.spans[name]
        assert plan.source_text[span.start : span.end] == value
    assert "28 tháng" in plan.source_text[plan.spans["signed_date"].start : plan.spans["signed_date"].end]
    for target in seed_plans["001"].targets:
        span = target.spans["text"]
        assert target.text in _source(seed_plans["001"], span)
        if target.value is not None:
            value_span = target.spans["value"]
            assert seed_plans["001"].source_text[value_span.start : value_span.end].rstrip(
                "%"
            ).strip() == str(int(target.value))


def test_paragraph_task_spans(seed_plans):
    plan = seed_plans["004"]
    for task in plan.tasks:
        assert _covers(plan, task.spans["content"], task.content)
        if task.lead:
            assert task.lead[0] in _source(plan, task.spans["lead.0"])
