"""One criterion of the assessment page as a plain dict of display strings and flags.

The page shows up to a hundred criteria, each with its figures, method, levels and forms. Giving
the template ready strings (points already written "1,5", URLs already built, forms already
decided) instead of models to walk keeps a 100-criterion page well under its 300 ms budget.
"""

from __future__ import annotations

from django.urls import reverse

from core.reporting.targets import number
from core.scoring.framework import KIND_LABELS, NA_LABELS
from core.scoring.rules import pts


def _p(value) -> str:
    return "—" if value is None else pts(float(value))


def _input(value) -> str:
    """A number as the form field shows it: "1,5" (the fields read both "," and ".")."""
    return "" if value is None else pts(float(value)).replace(".", "")


class Urls:
    """The criterion URLs of a page, reversed once and filled per score."""

    def __init__(self) -> None:
        self.patterns = {
            name: reverse(f"assessment:{name}", args=[999999999])
            for name in ("score", "self_score", "appraise", "explain")
        }

    def of(self, name: str, pk: int) -> str:
        return self.patterns[name].replace("999999999", str(pk))


def _figure(points, na, reason: str, empty: str) -> dict:
    if na:
        text = "Không áp dụng"
    elif points is not None:
        text = _p(points)
    else:
        text = ""
    return {"text": text, "empty": empty if not text else "", "reason": reason}


def criterion_view(row, page: dict, urls: Urls) -> dict:
    """The dict ``_criterion.html`` renders; ``page`` carries the user's rights and open steps."""
    c, s = row.criterion, row.score
    survey = c.is_survey
    computed = s.computed or {}
    levels = [
        {
            "label": lv["label"],
            "points": _p(lv["points"]),
            "value": str(lv["points"]),
            "selected": lv["label"] == row.level,
        }
        for lv in c.levels
    ]
    return {
        "pk": str(s.pk),  # strings: numbers in a template pass through the locale's formatting
        "code": c.code,
        "title": c.title,
        "max": _p(c.max_points),
        "max_value": str(c.max_points),
        "kind": c.kind,
        "kind_label": KIND_LABELS.get(c.kind, c.kind),
        "measured": bool(c.measure),
        "evidence_required": c.evidence_required,
        "method": c.method,
        "levels": levels,
        "na_allowed": c.not_applicable != "none",
        "na_label": NA_LABELS.get(c.not_applicable, ""),
        "survey": survey,
        "survey_text": _p(s.survey_points),
        "computed": computed,
        "computed_locked": s.computed_points is not None,
        "computed_value": str(s.computed_points) if s.computed_points is not None else "",
        "self": _figure(s.self_points, s.self_na, "", "—"),
        "self_points_input": _input(s.self_points),
        "self_is_max": s.self_points is not None and s.self_points == c.max_points,
        "self_is_zero": s.self_points is not None and s.self_points == 0,
        "self_level": row.level,
        "self_rate": "" if s.self_rate is None else number(float(s.self_rate), "%"),
        "self_rate_input": _input(s.self_rate),
        "self_na": s.self_na,
        "self_note": s.self_note,
        "a1": _figure(s.appraisal1_points, s.appraisal1_na, s.appraisal1_reason, "giữ điểm tự chấm"),
        "a2": _figure(s.appraisal2_points, s.appraisal2_na, s.appraisal2_reason, "—"),
        "explanation": s.explanation,
        "final_input": _input(s.final_points),
        "final_na": s.final_na,
        "evidence_count": str(row.evidence_count),
        "url": urls.of("score", s.pk),
        "self_url": urls.of("self_score", s.pk),
        "appraise_url": urls.of("appraise", s.pk),
        "explain_url": urls.of("explain", s.pk),
        "self_form": page["may_self"] and page["open"]["self"] and not survey,
        "appraise_form": page["may_appraise"]
        and (page["open"]["appraisal_1"] or page["open"]["appraisal_2"])
        and not survey,
        "explain_form": page["may_self"] and page["open"]["explanation"] and not survey,
    }
