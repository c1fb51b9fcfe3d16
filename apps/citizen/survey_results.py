"""Reads of a survey round's results: per factor, per surveyed unit and overall, with the number of
responses and 95% intervals (``core.satisfaction``), and the official SIPAS of the same year beside
them, kept in its own columns."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from apps.citizen.models import OfficialSipasResult, SurveyRound
from apps.orgs.models import OrgUnit
from core.satisfaction import FACTORS, Item, SurveyResult, survey_result


@dataclass
class RoundResults:
    round: SurveyRound
    items: list[Item]
    questions: dict[str, str]  # item key -> question text
    overall: SurveyResult
    units: list[tuple[OrgUnit, SurveyResult]]
    official: dict[int, dict[str, float]] = field(default_factory=dict)  # unit id -> factor -> value
    by_channel: dict[str, int] = field(default_factory=dict)


def round_results(r: SurveyRound) -> RoundResults:
    """Two queries for the responses and questions, one for the official results, one for units."""
    questions = list(r.questions.order_by("position", "pk").values_list("pk", "factor", "text"))
    items = [Item(str(pk), factor, text) for pk, factor, text in questions]
    per_unit: dict[int, list[dict]] = defaultdict(list)
    channels: dict[str, int] = defaultdict(int)
    for unit_id, answers, channel in r.responses.values_list("org_unit_id", "answers", "channel"):
        per_unit[unit_id].append(answers)
        channels[channel] += 1
    units = {u.pk: u for u in r.units.all().order_by("level", "name")}
    everyone = [a for rows in per_unit.values() for a in rows]
    official: dict[int, dict[str, float]] = defaultdict(dict)
    for unit_id, factor, value in OfficialSipasResult.objects.filter(
        year=r.year, org_unit_id__in=list(units) + [r.org_unit_id]
    ).values_list("org_unit_id", "factor", "value"):
        official[unit_id][factor] = float(value)
    return RoundResults(
        round=r,
        items=items,
        questions={str(pk): text for pk, _f, text in questions},
        overall=survey_result(everyone, items),
        units=[(u, survey_result(per_unit.get(pk, []), items)) for pk, u in units.items()],
        official=dict(official),
        by_channel=dict(channels),
    )


FACTOR_NAMES = FACTORS
