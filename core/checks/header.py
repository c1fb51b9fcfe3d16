"""Header checks: number (số ký hiệu), signing date and signer.

Imported plans are often the unsigned copy sent round for comments, with "Số: /QĐ-UBND" and
"ngày   tháng 8 năm 2025" left blank. The plan can still be tracked, but reports cite it by number
and date, so the official is asked to fill them in from the signed copy (a warning, not an error).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from core.checks.context import CheckContext
from core.checks.finding import WARNING, Finding
from core.checks.registry import check
from core.plandoc.document import Span

_NUMBER_LINE = re.compile(r"Số\s*:[^\n]*", re.IGNORECASE)
_DATE_LINE = re.compile(r",\s*ngày[^\n]*?năm\s*\d{4}", re.IGNORECASE)


def _header_span(ctx: CheckContext, pattern: re.Pattern[str]) -> Span | None:
    found = pattern.search(ctx.plan.source_text[:3000])
    return Span(found.start(), found.end()) if found else None


@check("missing_number")
def missing_number(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.plan.decision_number:
        return
    span = _header_span(ctx, _NUMBER_LINE)
    if span is not None:
        message = (
            "Số ký hiệu của văn bản để trống (bản chưa ký). Nhập số ký hiệu theo bản đã ban hành "
            "để báo cáo trích dẫn đúng kế hoạch."
        )
    else:
        message = "Văn bản không có dòng số ký hiệu. Nhập số ký hiệu của văn bản ban hành kế hoạch."
    yield ctx.for_plan("missing_number", WARNING, message, span=span)


@check("missing_date")
def missing_date(ctx: CheckContext) -> Iterator[Finding]:
    plan = ctx.plan
    if plan.signed_date is not None:
        yield from _implausible_date(ctx)
        return
    window = ctx.window
    known = ""
    if window.latest and window.earliest and window.latest.year == window.earliest.year:
        if window.latest.month == window.earliest.month:
            known = f" (văn bản chỉ ghi tháng {window.latest.month}/{window.latest.year})"
        else:
            known = f" (văn bản chỉ ghi năm {window.latest.year})"
    message = (
        f"Ngày ký của văn bản để trống{known}. Nhập ngày ký theo bản đã ban hành; các thời hạn "
        "và đôn đốc được tính từ ngày này."
    )
    yield ctx.for_plan("missing_date", WARNING, message, span=_header_span(ctx, _DATE_LINE))


def _implausible_date(ctx: CheckContext) -> Iterator[Finding]:
    plan, signed = ctx.plan, ctx.plan.signed_date
    assert signed is not None and ctx.today is not None
    if signed > ctx.today:
        yield ctx.for_plan(
            "missing_date",
            WARNING,
            f"Ngày ký {signed:%d/%m/%Y} ở sau ngày hôm nay. Kiểm tra lại ngày ký của văn bản.",
            span=plan.spans.get("signed_date"),
        )
    elif plan.period_end and signed > plan.period_end:
        yield ctx.for_plan(
            "missing_date",
            WARNING,
            f"Ngày ký {signed:%d/%m/%Y} ở sau khi kỳ kế hoạch kết thúc ({plan.period_end:%d/%m/%Y}). "
            "Kiểm tra lại ngày ký hoặc kỳ kế hoạch.",
            span=plan.spans.get("signed_date"),
        )


@check("missing_signer")
def missing_signer(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.plan.signer:
        return
    yield ctx.for_plan(
        "missing_signer",
        WARNING,
        "Không thấy người ký văn bản. Nhập họ tên người ký (Chủ tịch hoặc Phó Chủ tịch ký thay).",
    )
