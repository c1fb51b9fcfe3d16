"""Demo step: citizen voice as of the demo date (25/11/2025), idempotent.

- Petitions of xã Thường Xuân and xã Ngọc Liên in every state, made through the services by the
  demo users on the days they would have acted (so due dates, reminders, the audit trail and the
  figures are the real ones): received, waiting for a supplement, redirected as a complaint,
  accepted, assigned (one of them late), answered, approved, published (liked, disliked, and one
  the citizen petitioned again about).
- A quarter (Q3 2025) of ratings for the demo communes' dossiers, those the dossiers demo step
  (order 45) imported: about a third of the finished ones, fewer satisfied when handled late.
- A survey round of tỉnh Thanh Hóa (open, two communes, web and paper forms), and an official
  SIPAS value marked as illustrative.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from apps.accounts.models import User
from apps.citizen.models import OfficialSipasResult, Petition, Rating, SurveyRound
from apps.citizen.services import petitions as svc
from apps.citizen.services import surveys
from apps.orgs.models import Agency, OrgUnit
from apps.system.demo import demo_step
from apps.tracking.calendar import work_calendar

COMMUNES = ["xã Thường Xuân", "xã Ngọc Liên", "xã Anh Sơn", "xã Tuệ Tĩnh"]
TEXTS = {
    "received": "Thủ tục đăng ký thường trú yêu cầu nộp bản sao sổ hộ khẩu dù sổ đã bị bỏ từ 2023, đề nghị cập nhật hướng dẫn.",
    "needs_info": "Cán bộ một cửa hẹn trả giấy chứng nhận quyền sử dụng đất nhiều lần nhưng chưa trả, đề nghị xem xét.",
    "redirected": "Tôi khiếu nại quyết định hành chính về thu hồi đất số 45/QĐ-UBND vì bồi thường không thỏa đáng.",
    "accepted": "Đề nghị niêm yết công khai mức phí chứng thực bản sao tại Bộ phận Một cửa, hiện chưa thấy niêm yết.",
    "assigned": "Thủ tục cấp giấy phép kinh doanh hộ cá thể yêu cầu giấy xác nhận không có trong quy định, đề nghị bỏ.",
    "late": "Đường dây nóng của xã không có người nghe máy trong giờ hành chính, đề nghị bố trí người trực.",
    "answered": "Đề nghị cho phép nộp hồ sơ trợ cấp người cao tuổi trực tuyến, người già đi lại khó khăn.",
    "approved": "Biểu mẫu tờ khai đăng ký khai sinh tại xã là mẫu cũ, khác mẫu trên Cổng dịch vụ công.",
    "published": "Đề nghị bố trí thêm ghế ngồi chờ tại Bộ phận Một cửa, người dân phải đứng chờ lâu.",
    "disliked": "Phí trích lục hộ tịch thu cao hơn mức công khai trên Cổng dịch vụ công quốc gia.",
    "followed": "Thời gian giải quyết hồ sơ chuyển mục đích sử dụng đất kéo dài hơn thời hạn công bố.",
}
ANSWERS = {
    "published": "UBND xã đã bố trí thêm 20 ghế ngồi chờ và máy lấy số thứ tự từ ngày 15/10/2025.",
    "disliked": "Mức phí thu đúng Nghị quyết của HĐND tỉnh; Cổng dịch vụ công đang cập nhật mức mới.",
    "followed": "Hồ sơ phải lấy ý kiến cơ quan thuế nên kéo dài; xã sẽ thông báo lịch hẹn cụ thể.",
    "approved": "Xã đã thay toàn bộ mẫu tờ khai theo Thông tư mới, áp dụng từ ngày 01/12/2025.",
    "answered": "Hồ sơ trợ cấp người cao tuổi đã được cung cấp trực tuyến toàn trình trên Cổng dịch vụ công.",
}
DEMO_SIPAS_SOURCE = "Số liệu minh họa cho bản trình diễn, không phải số liệu Bộ Nội vụ công bố"


@contextmanager
def _on(day: date) -> Iterator[None]:
    """Act as of ``day``: the services read the business date from CCHC_TODAY."""
    old = os.environ.get("CCHC_TODAY")
    os.environ["CCHC_TODAY"] = day.isoformat()
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("CCHC_TODAY", None)
        else:
            os.environ["CCHC_TODAY"] = old


def _user(name: str) -> User:
    return User.objects.get(username=name)


def _data(unit: OrgUnit, key: str, **extra) -> dict:
    anonymous = key in ("late", "accepted")
    return {
        "subject": "conduct" if key in ("needs_info", "late") else "procedure",
        "text": TEXTS[key],
        "anonymous": anonymous,
        "sender_name": "" if anonymous else "Lê Văn An",
        "sender_phone": "0912000111",
        "sender_email": "",
        **extra,
    }


def _petition(unit: OrgUnit, key: str, received: date, **extra) -> Petition | None:
    if Petition.objects.filter(org_unit=unit, text=TEXTS[key]).exists():
        return None
    with _on(received):
        return svc.submit_public(unit, _data(unit, key, **extra))


def _handled(unit, key, received, officer, staff, head, officer_user, steps: int):
    """A petition taken ``steps`` steps along: 1 assigned, 2 answered, 3 approved, 4 published."""
    p = _petition(unit, key, received)
    if p is None:
        return None
    agency = Agency.objects.get(org_unit=unit, name="Phòng Kinh tế")
    with _on(received):
        p = svc.classify(officer, p, agency=agency)
    day = work_calendar().add_working_days(received, 4)
    if steps >= 2:
        with _on(day):
            p = svc.answer(staff, p, ANSWERS[key])
    if steps >= 3:
        with _on(day):
            p = svc.approve(head, p)
    if steps >= 4:
        with _on(day):
            p = svc.publish(officer_user, p, TEXTS[key])
    return p


@demo_step(70, "Phản ánh, kiến nghị mẫu (mọi trạng thái)")
def load_petitions() -> None:
    unit = OrgUnit.objects.filter(name="xã Thường Xuân").first()
    if unit is None:
        return
    officer, staff, head = (
        _user("cv.thuongxuan"),
        _user("nv.kinhte.thuongxuan"),
        _user("tp.kinhte.thuongxuan"),
    )
    _petition(unit, "received", date(2025, 11, 24))
    p = _petition(unit, "needs_info", date(2025, 11, 17))
    if p:
        with _on(date(2025, 11, 18)):
            svc.request_supplement(officer, p, "Đề nghị cho biết mã hồ sơ và ngày hẹn trả ghi trên giấy hẹn.")
    p = _petition(unit, "redirected", date(2025, 11, 3))
    if p:
        with _on(date(2025, 11, 4)):
            svc.redirect(
                officer,
                p,
                "khieu_nai",
                "Đây là khiếu nại quyết định hành chính: đề nghị gửi đơn đến Chủ tịch UBND xã theo Luật Khiếu nại 2011.",
            )
    p = _petition(unit, "accepted", date(2025, 11, 20))
    if p:
        with _on(date(2025, 11, 21)):
            svc.classify(officer, p)
    _handled(unit, "assigned", date(2025, 11, 12), officer, staff, head, officer, 1)
    _handled(unit, "late", date(2025, 10, 13), officer, staff, head, officer, 1)  # due 31/10: overdue
    _handled(unit, "answered", date(2025, 11, 5), officer, staff, head, officer, 2)
    _handled(unit, "approved", date(2025, 11, 18), officer, staff, head, officer, 3)
    for key, received in (
        ("published", date(2025, 9, 8)),
        ("disliked", date(2025, 8, 11)),
        ("followed", date(2025, 7, 14)),
    ):
        p = _handled(unit, key, received, officer, staff, head, officer, 4)
        if p and key == "disliked":
            svc.give_feedback(p, False)
        elif p and key == "published":
            svc.give_feedback(p, True)
        elif p and key == "followed":
            with _on(date(2025, 8, 5)):
                svc.submit_public(unit, _data(unit, "received", text=TEXTS["followed"] + " Xã trả lời chưa nêu thời hạn cụ thể.",
                                              follow_up_of=p))  # fmt: skip


# --- ratings --------------------------------------------------------------------------------------

Q3 = (date(2025, 7, 1), date(2025, 9, 30))


@demo_step(71, "Đánh giá hồ sơ mẫu (quý III/2025)")
def load_ratings() -> None:
    from apps.dossiers.models import Dossier

    units = list(OrgUnit.objects.filter(name__in=COMMUNES))
    tz = timezone.get_current_timezone()
    start, end = (datetime.combine(d, datetime.min.time(), tzinfo=tz) for d in (Q3[0], date(2025, 10, 1)))
    in_q3 = Dossier.objects.filter(org_unit__in=units, received_at__gte=start, received_at__lt=end)
    rng = random.Random(2025)
    rows = in_q3.filter(rating__isnull=True, finished_at__isnull=False).values_list(
        "pk", "org_unit_id", "procedure_id", "finished_at", "due_at"
    )
    new = []
    for pk, unit_id, proc_id, finished, due in rows.order_by("pk"):
        if rng.random() > 0.35:  # about a third of the citizens rate
            continue
        late = due is not None and finished > due
        weights = (3, 5, 10, 30, 52) if not late else (25, 30, 20, 15, 10)
        score = rng.choices((1, 2, 3, 4, 5), weights)[0]
        day = min(timezone.localtime(finished).date(), date(2025, 9, 30))
        new.append(Rating(dossier_id=pk, org_unit_id=unit_id, procedure_id=proc_id, score=score, rated_on=day,
                          channel=rng.choice(["qr", "qr", "code"]),
                          comment="Cán bộ hướng dẫn tận tình." if score == 5 and rng.random() < 0.1 else ""))  # fmt: skip
    with transaction.atomic():
        Rating.objects.bulk_create(new, batch_size=1000, ignore_conflicts=True)


# --- surveys --------------------------------------------------------------------------------------


@demo_step(72, "Khảo sát sự hài lòng mẫu, SIPAS minh họa")
def load_surveys() -> None:
    province = OrgUnit.objects.filter(name="tỉnh Thanh Hóa").first()
    if province is None or SurveyRound.objects.filter(org_unit=province).exists():
        return
    officer = _user("snv.thanhhoa")
    communes = list(OrgUnit.objects.filter(name__in=["xã Thường Xuân", "xã Ngọc Liên"]))
    with _on(date(2025, 10, 1)):
        r = surveys.create_round(officer, province, "Khảo sát sự hài lòng của người dân năm 2025", date(2025, 10, 1),
                                 date(2025, 12, 31), communes)  # fmt: skip
        r = surveys.set_state(officer, r, "open")
    keys = [str(pk) for pk in r.questions.order_by("position").values_list("pk", flat=True)]
    rng = random.Random(766)
    for i in range(100):
        unit = communes[i % len(communes)]
        lean = 0.78 if unit.name == "xã Thường Xuân" else 0.66
        answers = {
            k: (rng.choice((4, 5)) if rng.random() < lean else rng.choice((1, 2, 3)))
            for k in keys
            if rng.random() < 0.93
        }
        with _on(date(2025, 10, 6 + i % 40 // 2)):
            if i % 5 < 3:
                surveys.enter_paper(officer, r, unit, answers or {keys[0]: 4}, f"TH-{i + 1:03d}")
            else:
                surveys.submit_public(r, unit, answers or {keys[0]: 4})
    OfficialSipasResult.objects.get_or_create(
        year=2024, org_unit=province, factor=OfficialSipasResult.INDEX,
        defaults={"value": "84.10", "source": DEMO_SIPAS_SOURCE},
    )  # fmt: skip
