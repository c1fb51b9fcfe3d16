"""Ratings of dossiers: the signed code of the receipt, one rating per dossier, the staff slip and
summary, and QĐ 766 indicator 5.4."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from apps.citizen import rating_codes
from apps.citizen.models import Petition, Rating
from apps.citizen.services import ratings as svc
from core import measures
from tests.apps.citizen.conftest import make_dossier

RATE = "/nguoi-dan/danh-gia/"


@pytest.fixture(autouse=True)
def _setup(settings, monkeypatch):
    settings.CITIZEN_RATE_LIMITS = {k: "1000/3600" for k in settings.CITIZEN_RATE_LIMITS}
    monkeypatch.setenv("CCHC_TODAY", "2025-10-15")


@pytest.fixture
def dossier(world):
    return make_dossier(world.a1, "000.00.23.H56-250801-0001", received=date(2025, 8, 1), due=date(2025, 8, 4),
                        finished=date(2025, 8, 4))  # fmt: skip


def test_codes_are_stable_short_and_key_bound(settings):
    code = rating_codes.check_code("H56-250801-0001")
    assert code == rating_codes.check_code("H56-250801-0001") and len(code) == 11 and code[5] == "-"
    assert rating_codes.verify("H56-250801-0001", code.lower().replace("-", " "))
    assert not rating_codes.verify("H56-250801-0002", code)
    settings.CITIZEN_RATING_KEY = "another key"
    assert rating_codes.check_code("H56-250801-0001") != code


def test_rate_from_the_qr_link(client, dossier):
    link = rating_codes.rating_path(dossier.code)
    page = client.get(link)
    assert page.status_code == 200 and "Đăng ký khai sinh" in page.content.decode()
    r = client.post(RATE, {"ma": dossier.code, "kt": rating_codes.check_code(dossier.code), "qr": "1", "score": "5",
                           "comment": "Nhanh, đúng hẹn"})  # fmt: skip
    assert "Xin cảm ơn" in r.content.decode()
    rating = Rating.objects.get()
    assert (rating.score, rating.channel, rating.org_unit_id, rating.rated_on) == (
        5,
        "qr",
        dossier.org_unit_id,
        date(2025, 10, 15),
    )
    # the same link again: refused, politely, and nothing changes
    again = client.get(link)
    assert "đã được đánh giá" in again.content.decode()
    r = client.post(RATE, {"ma": dossier.code, "kt": rating_codes.check_code(dossier.code), "score": "1"})
    assert "đã được đánh giá" in r.content.decode() and Rating.objects.get().score == 5


def test_typed_codes_and_forged_ones(client, dossier):
    assert "Mã hồ sơ" in client.get(RATE).content.decode()
    typed = client.get(
        RATE, {"ma": dossier.code, "kt": rating_codes.check_code(dossier.code).replace("-", "")}
    )
    assert typed.status_code == 200 and 'name="score"' in typed.content.decode()
    forged = client.get(RATE, {"ma": dossier.code, "kt": "ABCDE-FGHJK"})
    assert forged.status_code == 400 and "Mã đánh giá không đúng" in forged.content.decode()
    r = client.post(RATE, {"ma": dossier.code, "kt": "ABCDE-FGHJK", "score": "1"})
    assert r.status_code == 400 and Rating.objects.count() == 0
    other = client.get(RATE, {"ma": "H56-KHONG-CO", "kt": rating_codes.check_code("H56-KHONG-CO")})
    assert "Chưa có hồ sơ này" in other.content.decode()


def test_guessing_codes_is_stopped(client, dossier, settings):
    settings.CITIZEN_RATE_LIMITS = {**settings.CITIZEN_RATE_LIMITS, "rating": "5/3600"}
    statuses = [client.get(RATE, {"ma": dossier.code, "kt": f"AAAAA-AAAA{i}"}).status_code for i in range(7)]
    assert statuses[:5] == [400] * 5 and statuses[5:] == [429, 429]
    # even the right code now waits: the address used up its attempts
    assert (
        client.get(RATE, {"ma": dossier.code, "kt": rating_codes.check_code(dossier.code)}).status_code == 429
    )


def test_bad_scores_and_text(dossier):
    with pytest.raises(ValidationError, match="từ 1 đến 5"):
        svc.rate(dossier, 9)
    with pytest.raises(ValidationError, match="mã HTML"):
        svc.rate(dossier, 4, "<script>alert(1)</script>")
    assert Rating.objects.count() == 0


def test_two_ratings_arriving_at_once_leave_one(dossier, monkeypatch):
    svc.rate(dossier, 4)
    monkeypatch.setattr(svc, "already_rated", lambda d: False)  # as if both passed the check together
    with pytest.raises(ValidationError, match="một lần"):
        svc.rate(dossier, 1)
    assert Rating.objects.get().score == 4


def test_slip_for_the_units_staff(world, login, dossier):
    html = login(world.staff_a1_hcc).get("/y-kien/danh-gia/phieu/", {"ma": dossier.code}).content.decode()
    assert rating_codes.check_code(dossier.code) in html and "<svg" in html and "<title>Mã QR" in html
    assert login(world.officer_b1).get("/y-kien/danh-gia/phieu/", {"ma": dossier.code}).status_code == 404


def _q3(world):
    d = {}
    for i in range(10):
        late = i == 0
        d[i] = make_dossier(world.a1, f"A1-{i}", received=date(2025, 7, 7), due=date(2025, 7, 10),
                            finished=date(2025, 7, 14) if late else date(2025, 7, 9))  # fmt: skip
    svc.rate(d[0], 1)  # late and disliked: counted once, as late
    svc.rate(d[1], 2)
    svc.rate(d[2], 5)
    svc.rate(d[3], 4)
    Petition.objects.create(code="PA2507-X", org_unit=world.a1, channel="web", subject="procedure", text="x" * 30,
                            received_on=date(2025, 7, 20), dossier_code="A1-4")  # fmt: skip
    return d


def test_satisfaction_rate_766_5_4(world):
    _q3(world)
    m = measures.measure("satisfaction_rate", world.a1, "2025-Q3")
    assert (m.denominator, m.numerator, m.value) == (10, 7, 70.0)
    assert m.details == {"late": 1, "disliked": 2, "petitioned": 1}
    assert measures.measure("satisfaction_rate", world.a2, "2025-Q3") is None


def test_summary_page_and_command(world, login, capsys):
    _q3(world)
    html = (
        login(world.officer_a1)
        .get("/y-kien/danh-gia/", {"ky": "2025-Q4", "don-vi": world.a1.pk})
        .content.decode()
    )
    assert "Số đánh giá" in html and "70.0%" not in html  # ratings were given in Q4 (15/10)
    call_command("ratings", "summary", "--org-unit", "xã An Một", "--period", "2025-Q4", "--json")
    out = json.loads(capsys.readouterr().out)
    assert out["ratings"]["n"] == 4 and out["ratings"]["satisfied_percent"] == 50.0
    assert out["ratings"]["counts"]["Rất không hài lòng"] == 1
    call_command("ratings", "summary", "--org-unit", "xã An Một", "--period", "2025-Q3", "--json")
    out = json.loads(capsys.readouterr().out)
    assert out["satisfaction_rate_766"]["value"] == 70.0 and out["ratings"]["n"] == 0
    assert login(world.staff_a1).get("/y-kien/danh-gia/").status_code == 403


def test_rating_box_tag_for_any_receipt(world, dossier, rf):
    from django.template import Context, Template

    html = Template("{% load citizen %}{% rating_box dossier %}").render(
        Context({"dossier": dossier, "request": rf.get("/")})
    )
    assert rating_codes.check_code(dossier.code) in html and "<svg" in html
    assert 'class="segno"' in html and dossier.code in html
