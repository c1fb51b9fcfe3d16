"""Writes of local survey rounds (phiếu khảo sát sự hài lòng) and official SIPAS results.

A round starts as a draft with the SIPAS-factor questionnaire of ``core.satisfaction``; the
officer edits it, opens it (its public link and QR code then take answers), enters paper forms,
and closes it. Once a response exists, the questionnaire is frozen: results stay comparable.
Official SIPAS results are imported from a workbook, whole or not at all, and never recomputed.
"""

from __future__ import annotations

import secrets
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction

from apps.accounts.policy import require
from apps.audit.context import acting_as
from apps.audit.recorder import record_event
from apps.citizen.models import OfficialSipasResult, SurveyQuestion, SurveyResponse, SurveyRound
from apps.orgs.models import OrgUnit
from cchc import clock
from core.petitions import text_problems
from core.satisfaction import DEFAULT_ITEMS, FACTORS, LIKERT
from core.text import fold


def create_round(actor, unit: OrgUnit, title: str, opens_on: date, closes_on: date, units=()) -> SurveyRound:
    require(actor, "citizen.surveys", unit)
    if closes_on < opens_on:
        raise ValidationError("Ngày kết thúc phải sau ngày bắt đầu.")
    if not title.strip():
        raise ValidationError("Vui lòng đặt tên đợt khảo sát.")
    covered = unit.subtree_ids()
    units = [u for u in units if u.pk in covered] or [unit]
    with transaction.atomic(), acting_as(actor):
        r = SurveyRound.objects.create(
            org_unit=unit,
            title=title.strip()[:200],
            year=opens_on.year,
            opens_on=opens_on,
            closes_on=closes_on,
            token=secrets.token_urlsafe(12),
            created_by=actor,
        )
        r.units.set(units)
        SurveyQuestion.objects.bulk_create(
            SurveyQuestion(round=r, factor=f, text=t, position=i) for i, (f, t) in enumerate(DEFAULT_ITEMS)
        )
    return r


def _editable(r: SurveyRound) -> None:
    r.refresh_from_db(fields=["state"])
    if r.state != SurveyRound.State.DRAFT or r.responses.exists():
        raise ValidationError("Đợt khảo sát đã mở hoặc đã có phiếu: không sửa bộ câu hỏi được nữa.")


def add_question(actor, r: SurveyRound, factor: str, text: str) -> SurveyQuestion:
    require(actor, "citizen.surveys", r.org_unit)
    _editable(r)
    if factor not in FACTORS:
        raise ValidationError("Vui lòng chọn một trong năm yếu tố.")
    if len(text.strip()) < 10:
        raise ValidationError("Câu hỏi quá ngắn (ít nhất 10 ký tự).")
    last = r.questions.order_by("-position").values_list("position", flat=True).first() or 0
    with acting_as(actor):
        return SurveyQuestion.objects.create(
            round=r, factor=factor, text=text.strip()[:300], position=last + 1
        )


def remove_question(actor, q: SurveyQuestion) -> None:
    require(actor, "citizen.surveys", q.round.org_unit)
    _editable(q.round)
    with acting_as(actor):
        q.delete()


def set_state(actor, r: SurveyRound, state: str) -> SurveyRound:
    """Open a draft (it needs questions) or close an open round."""
    require(actor, "citizen.surveys", r.org_unit)
    allowed = {
        SurveyRound.State.OPEN: SurveyRound.State.DRAFT,
        SurveyRound.State.CLOSED: SurveyRound.State.OPEN,
    }
    with transaction.atomic(), acting_as(actor):
        row = SurveyRound.objects.select_for_update().get(pk=r.pk)
        if allowed.get(state) != row.state:
            raise ValidationError(
                "Không chuyển được trạng thái đợt khảo sát (có thể người khác vừa thay đổi)."
            )
        if state == SurveyRound.State.OPEN and not row.questions.exists():
            raise ValidationError("Đợt khảo sát chưa có câu hỏi nào.")
        row.state = state
        row.save(update_fields=["state"])
        record_event(row, f"Đợt khảo sát: {row.get_state_display()}")
    return row


def _answers(r: SurveyRound, raw: dict) -> dict[str, int]:
    """Answers keyed by question id, each 1..5; blanks (không ý kiến) left out; one answer needed."""
    keys = {str(pk) for pk in r.questions.values_list("pk", flat=True)}
    out = {}
    for key, value in raw.items():
        key = str(key)
        if key not in keys or value in (None, ""):
            continue
        try:
            v = int(value)
        except (TypeError, ValueError):
            v = 0
        if v not in LIKERT:
            raise ValidationError("Mỗi câu trả lời phải là một mức từ 1 đến 5.")
        out[key] = v
    if not out:
        raise ValidationError("Phiếu chưa trả lời câu nào.")
    return out


def _check_unit(r: SurveyRound, unit: OrgUnit) -> None:
    if not r.units.filter(pk=unit.pk).exists():
        raise ValidationError("Đơn vị được đánh giá không thuộc đợt khảo sát này.")


def _comment(text: str) -> str:
    text = (text or "").strip()
    if text:
        problems = [p for p in text_problems(text, min_len=1, max_len=2000)]
        if problems:
            raise ValidationError(problems)
    return text


def submit_public(r: SurveyRound, unit: OrgUnit, raw: dict, comment: str = "") -> SurveyResponse:
    """A response from the public link: only while the round is open and within its dates."""
    today = clock.today()
    r.refresh_from_db(fields=["state", "opens_on", "closes_on"])
    if r.state != SurveyRound.State.OPEN or not (r.opens_on <= today <= r.closes_on):
        raise ValidationError("Đợt khảo sát này hiện không nhận phiếu.")
    _check_unit(r, unit)
    return SurveyResponse.objects.create(
        round=r,
        org_unit=unit,
        channel=SurveyResponse.Channel.WEB,
        answers=_answers(r, raw),
        comment=_comment(comment),
    )


def enter_paper(actor, r: SurveyRound, unit: OrgUnit, raw: dict, form_number: str = "", comment: str = ""):
    """A paper form typed in by staff (while the round is open or after it closed); a form number
    entered twice is refused, so a stack of forms is never counted twice."""
    require(actor, "citizen.surveys", r.org_unit)
    r.refresh_from_db(fields=["state"])
    if r.state == SurveyRound.State.DRAFT:
        raise ValidationError("Đợt khảo sát chưa mở.")
    _check_unit(r, unit)
    number = form_number.strip()[:30]
    if number and r.responses.filter(form_number=number).exists():
        raise ValidationError(f"Phiếu số {number} đã được nhập.")
    with transaction.atomic(), acting_as(actor):
        return SurveyResponse.objects.create(
            round=r,
            org_unit=unit,
            channel=SurveyResponse.Channel.PAPER,
            answers=_answers(r, raw),
            comment=_comment(comment),
            form_number=number,
            entered_by=actor,
        )


# --- official SIPAS -----------------------------------------------------------------------------

SIPAS_COLUMNS = ["Năm", "Đơn vị", "Chỉ số SIPAS", *FACTORS.values()]
_FACTOR_OF_COLUMN = {fold(name): code for code, name in FACTORS.items()} | {fold("Chỉ số SIPAS"): "index"}


def _percent(value, where: str) -> Decimal:
    try:
        number = Decimal(str(value).replace("%", "").replace(",", ".").strip())
    except (InvalidOperation, ValueError) as exc:
        raise ValueError(f"{where}: “{value}” không phải là số.") from exc
    if number <= 1 and "%" not in str(value) and number != 0:
        number *= 100  # a workbook cell formatted as a percentage holds 0.8394
    if not (0 <= number <= 100):
        raise ValueError(f"{where}: {value} nằm ngoài khoảng 0–100%.")
    return number.quantize(Decimal("0.01"))


def parse_sipas_rows(rows: list[list], units: dict[str, OrgUnit]) -> tuple[list[tuple], list[str]]:
    """(year, unit, factor, value) rows of a results table, and a Vietnamese problem per bad row."""
    if not rows:
        return [], ["Tệp không có dữ liệu."]
    header = [fold(str(c or "")) for c in rows[0]]
    try:
        i_year, i_unit = header.index(fold("Năm")), header.index(fold("Đơn vị"))
    except ValueError:
        return [], [f"Dòng tiêu đề phải có các cột: {', '.join(SIPAS_COLUMNS)}."]
    factor_cols = {i: _FACTOR_OF_COLUMN[h] for i, h in enumerate(header) if h in _FACTOR_OF_COLUMN}
    out, problems = [], []
    for n, row in enumerate(rows[1:], start=2):
        if not any(c not in (None, "") for c in row):
            continue
        row = list(row) + [None] * (len(header) - len(row))  # a short row: missing cells are blank
        unit = units.get(fold(str(row[i_unit] or "")))
        try:
            year = int(row[i_year])
        except (TypeError, ValueError):
            problems.append(f"Dòng {n}: năm “{row[i_year]}” không hợp lệ.")
            continue
        if unit is None:
            problems.append(f"Dòng {n}: không tìm thấy đơn vị “{row[i_unit]}”.")
            continue
        for i, factor in factor_cols.items():
            if row[i] in (None, ""):
                continue
            try:
                out.append((year, unit, factor, _percent(row[i], f"Dòng {n}, cột {rows[0][i]}")))
            except ValueError as exc:
                problems.append(str(exc))
    if not out and not problems:
        problems.append("Tệp không có giá trị nào để nhập.")
    return out, problems


def import_sipas(actor, rows: list[list], source: str) -> int:
    """Store the official results, all rows or none (a problem in any row stops the whole import)."""
    require(actor, "citizen.surveys", None)
    from apps.accounts.policy import visible_units

    units = {fold(u.name): u for u in visible_units(actor)}
    parsed, problems = parse_sipas_rows(rows, units)
    for _y, unit, _f, _v in parsed:
        require(actor, "citizen.surveys", unit)
    if problems:
        raise ValidationError(
            problems[:30] + ([f"… và {len(problems) - 30} lỗi khác."] if len(problems) > 30 else [])
        )
    with transaction.atomic(), acting_as(actor):
        for year, unit, factor, value in parsed:
            OfficialSipasResult.objects.update_or_create(
                year=year,
                org_unit=unit,
                factor=factor,
                defaults={"value": value, "source": source[:300], "imported_by": actor},
            )
    return len(parsed)
