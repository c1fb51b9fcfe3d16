"""Demo step: Thanh Hóa's 2025 commune index (a data file with its sources), the 2025 round, and
its three communes as of 25/11/2025: xã Thường Xuân appraised twice, explained and decided by the
council; xã Ngọc Liên appraised once and explaining now; xã Anh Sơn submitted late in the
appraisers' schedule, with appraisal round 1 reopened for it (recorded, with its reason).

Each step runs through the services on the day it happened (the business date is pinned to that
day while it runs), so the locks and the history say what they would have said. Idempotent: nothing
is added once the round exists.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from apps.accounts.models import User
from apps.assessment import evidence, frameworks, rounds, services, survey
from apps.assessment.models import Assessment, AssessmentRound, IndexFramework, Score
from apps.orgs.models import OrgUnit
from apps.reports.demo import placeholder_pdf
from apps.system.demo import demo_step
from core.scoring.framework import ScoringKind, spec_from_dict
from core.scoring.rounds import Deadlines

FRAMEWORK_FILE = Path(settings.BASE_DIR) / "fixtures" / "par_index" / "thanh-hoa-xa-2025.json"
PROVINCE = "tỉnh Thanh Hóa"
DEADLINES = Deadlines(
    date(2025, 10, 15), date(2025, 11, 14), date(2025, 11, 28), date(2025, 12, 10), date(2025, 12, 19)
)
# commune: (officer, strength 0..100 of its self-scores, day it submitted)
COMMUNES = {
    "xã Thường Xuân": ("cv.thuongxuan", 88, date(2025, 10, 10)),
    "xã Ngọc Liên": ("cv.ngoclien", 80, date(2025, 10, 14)),
    "xã Anh Sơn": ("cv.anhson", 72, date(2025, 10, 15)),
}


@contextmanager
def on_day(day: date):
    """Run a step as of ``day``: the services read the business date from CCHC_TODAY."""
    before = os.environ.get("CCHC_TODAY")
    os.environ["CCHC_TODAY"] = day.isoformat()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("CCHC_TODAY", None)
        else:
            os.environ["CCHC_TODAY"] = before


def _roll(*parts) -> int:
    return int(hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:6], 16) % 100


def _self_figures(score: Score, strength: int) -> dict:
    """A believable self-score: most criteria met, weaker communes miss more."""
    c = score.criterion
    spec = c.spec()
    roll = _roll(score.assessment.org_unit.name, c.code)
    if c.not_applicable == "removed" and roll < 25:
        return {"na": True, "note": "Trong năm không phát sinh nội dung này."}
    good = roll < strength
    mx = float(c.max_points)
    if spec.kind is ScoringKind.YES_NO:
        return {"points": mx if good else 0.0}
    if spec.kind is ScoringKind.LEVELS:
        ordered = sorted(spec.levels, key=lambda lv: -lv.points)
        return {"points": ordered[0].points if good else ordered[min(1, len(ordered) - 1)].points}
    if spec.kind is ScoringKind.RATE:
        return {"rate": 100.0 if good else float(60 + roll % 35)}
    return {"points": mx if good else round(mx / 2, 2)}


def _attach(officer, score: Score, a: Assessment) -> None:
    """Evidence for a criterion that requires it: the unit's own records when they fit, else a file."""
    found = evidence.candidates(a)
    code = score.criterion.code
    if code.startswith("1.1") and found[evidence.Kind.PLAN]:
        evidence.attach_record(officer, score, evidence.Kind.PLAN, found[evidence.Kind.PLAN][0][0])
        return
    if code == "1.2" and found[evidence.Kind.PERIODIC_REPORT]:
        evidence.attach_record(
            officer, score, evidence.Kind.PERIODIC_REPORT, found[evidence.Kind.PERIODIC_REPORT][0][0]
        )
        return
    if found[evidence.Kind.PROGRESS_REPORT] and _roll(code, "progress") < 40:
        pick = found[evidence.Kind.PROGRESS_REPORT][_roll(code) % len(found[evidence.Kind.PROGRESS_REPORT])][
            0
        ]
        evidence.attach_record(officer, score, evidence.Kind.PROGRESS_REPORT, pick)
        return
    title = f"{score.criterion.title[:80]} - {a.org_unit.short_name} 2025.pdf"
    evidence.add_file(
        officer,
        score,
        SimpleUploadedFile(title, placeholder_pdf(f"Tai lieu kiem chung {code}"), "application/pdf"),
    )


def _self_assess(a: Assessment, officer_name: str, strength: int, day: date) -> None:
    officer = User.objects.get(username=officer_name)
    with on_day(date(2025, 10, 1)):
        services.refresh_computed(officer, a)  # "Cập nhật tiêu chí tính từ số liệu"
        for s in Score.objects.filter(assessment=a, criterion__part="appraisal").select_related(
            "criterion", "assessment__org_unit"
        ):
            if s.computed_points is None:
                services.self_score(officer, s, **_self_figures(s, strength))
            s.refresh_from_db()
            if s.criterion.evidence_required and not s.self_na:
                _attach(officer, s, a)
    with on_day(day):
        services.submit(officer, a)


def _appraise_round_one(a: Assessment, appraiser: User, day: date, cuts: int) -> None:
    """The council lowers a few self-scores, each with its reason."""
    with on_day(day):
        scores = [
            s
            for s in Score.objects.filter(assessment=a, criterion__part="appraisal")
            .select_related("criterion")
            .order_by("criterion__position")
            if (s.self_points or 0) > 0
            and s.computed_points is None
            and s.criterion.kind in ("yes_no", "levels", "rate")
        ]
        for s in sorted(scores, key=lambda s: _roll(a.pk, s.criterion.code))[:cuts]:
            spec = s.criterion.spec()
            lower = (
                0.0 if spec.kind is not ScoringKind.LEVELS else sorted(lv.points for lv in spec.levels)[-2]
            )
            if spec.kind is ScoringKind.RATE:
                lower = round(float(s.self_points) * 0.7, 2)
            services.appraise(
                appraiser,
                s,
                points=lower,
                reason="Tài liệu kiểm chứng chưa thể hiện đầy đủ kết quả đã kê khai.",
            )
        services.send_for_explanation(appraiser, a)


def _explain_and_close(a: Assessment, officer: User, appraiser: User, manager: User) -> None:
    changed = list(
        Score.objects.filter(assessment=a, appraisal1_points__isnull=False).select_related("criterion")
    )
    with on_day(date(2025, 11, 18)):
        for s in changed[:2]:
            services.explain(officer, s, "Đơn vị bổ sung biên bản và báo cáo kết quả thực hiện (đính kèm).")
            evidence.add_file(
                officer,
                s,
                SimpleUploadedFile("Bien ban bo sung.pdf", placeholder_pdf("Bo sung"), "application/pdf"),
            )
        services.send_explanation(officer, a)
    with on_day(date(2025, 11, 21)):
        for s in changed[:1]:
            services.appraise(
                appraiser,
                s,
                points=float(s.self_points),
                reason="Chấp nhận giải trình: tài liệu bổ sung đầy đủ.",
            )
    with on_day(date(2025, 11, 24)):
        services.decide(manager, a, "Hội đồng thống nhất kết quả thẩm định lần 2.")


def _survey(rnd: AssessmentRound, manager: User) -> None:
    wb = load_workbook(io.BytesIO(survey.template_bytes(rnd)))
    ws = wb.active
    for row in range(2, ws.max_row + 1):
        for col in range(2, ws.max_column + 1):
            ws.cell(row, col).value = round(7.5 + (_roll(ws.cell(row, 1).value, col) % 24) / 10, 2)
    out = io.BytesIO()
    wb.save(out)
    with on_day(date(2025, 11, 20)):
        result = survey.import_survey(manager, rnd, out.getvalue())
    assert not result.errors, result.errors


def framework() -> IndexFramework:
    province = OrgUnit.objects.get(name=PROVINCE, parent__isnull=True)
    spec = spec_from_dict(json.loads(FRAMEWORK_FILE.read_text(encoding="utf-8")))
    existing = IndexFramework.objects.filter(province=province, year=spec.year, level=spec.level).first()
    return existing or frameworks.save_framework(None, province, spec)


@demo_step(60, "Chỉ số CCHC cấp xã năm 2025 của tỉnh Thanh Hóa (tự đánh giá, thẩm định, quyết định)")
def load_par_index() -> None:
    fw = framework()
    if AssessmentRound.objects.filter(province=fw.province, year=fw.year, level=fw.level).exists():
        return
    manager = User.objects.get(username="snv.thanhhoa")
    appraiser = User.objects.get(username="thamdinh.thanhhoa")
    with on_day(date(2025, 9, 25)):
        rnd = rounds.create_round(
            manager, fw, title="Xác định Chỉ số CCHC năm 2025 của UBND các xã, phường", deadlines=DEADLINES
        )
    by_name = {a.org_unit.name: a for a in rnd.assessments.select_related("org_unit", "round")}
    for name, (officer, strength, day) in COMMUNES.items():
        if name in by_name:
            _self_assess(by_name[name], officer, strength, day)
    _survey(rnd, manager)
    tx = by_name.get("xã Thường Xuân")
    if tx:
        _appraise_round_one(tx, appraiser, date(2025, 11, 3), cuts=3)
        _explain_and_close(tx, User.objects.get(username="cv.thuongxuan"), appraiser, manager)
    nl = by_name.get("xã Ngọc Liên")
    if nl:
        _appraise_round_one(nl, appraiser, date(2025, 11, 12), cuts=4)
    anh_son = by_name.get("xã Anh Sơn")
    if anh_son:
        with on_day(date(2025, 11, 20)):
            services.reopen(
                manager,
                anh_son,
                "appraisal_1",
                date(2025, 12, 5),
                "Hội đồng bổ sung thành viên theo Quyết định kiện toàn; gia hạn thẩm định lần 1 cho xã Anh Sơn.",
            )
