"""The public petition pages: send, look up, bad input, abuse protection (no login anywhere)."""

from __future__ import annotations

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.citizen.models import Petition, PetitionAttachment, RateCounter
from apps.tracking.models import Notification
from tests.apps.citizen.conftest import challenge, petition_data

NEW = "/nguoi-dan/phan-anh/"
LOOKUP = "/nguoi-dan/phan-anh/tra-cuu/"


@pytest.fixture(autouse=True)
def _roomy_limits(settings):
    settings.CITIZEN_RATE_LIMITS = {k: "1000/3600" for k in settings.CITIZEN_RATE_LIMITS}


def pdf(name="to-khai.pdf", size=2000) -> SimpleUploadedFile:
    body = b"%PDF-1.4\n" + b"0" * size
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def test_form_is_public_strict_and_light(client, world):
    r = client.get(NEW)
    assert r.status_code == 200
    html = r.content.decode()
    assert "script-src 'self'" in r["Content-Security-Policy"]
    assert "<script" not in html and "style=" not in html
    assert "Mã xác nhận" in html and world.a1.name in html


def test_send_then_look_up(client, world, public_post, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        r = public_post(NEW, petition_data(world.a1))
    assert r.status_code == 302
    p = Petition.objects.get()
    assert r["Location"] == f"{LOOKUP}?ma={p.code}&moi=1"
    assert (p.channel, p.status, p.org_unit) == ("web", "received", world.a1)
    assert p.due_on is not None and p.due_on > p.received_on
    page = client.get(r["Location"]).content.decode()
    assert p.code in page and "Đã tiếp nhận, chờ phân loại" in page
    # nothing of the sender is shown to whoever holds the code
    assert "Nguyễn Văn Dân" not in page and "0912345678" not in page and "dan@example.vn" not in page
    assert len(mail.outbox) == 1 and p.code in mail.outbox[0].body and mail.outbox[0].to == ["dan@example.vn"]
    assert Notification.objects.filter(user=world.officer_a1, url__endswith=f"/{p.pk}/").exists()


def test_anonymous_needs_no_name_but_a_named_one_does(
    client, world, public_post, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        r = public_post(NEW, petition_data(world.a1, sender_name="", anonymous="on", sender_email=""))
    assert r.status_code == 302
    p = Petition.objects.get()
    assert p.anonymous and p.sender_name == ""
    assert len(mail.outbox) == 0  # no address given, nothing sent
    r = public_post(NEW, petition_data(world.a1, sender_name=""))
    assert r.status_code == 200 and "Vui lòng nhập họ và tên" in r.content.decode()
    assert Petition.objects.count() == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Vui lòng nhập nội dung phản ánh"),
        ("x" * 5001, "Nội dung quá dài"),
        ("Đề nghị xem xét <script>alert('x')</script> thủ tục này giúp dân", "mã HTML hoặc JavaScript"),
    ],
)
def test_bad_text_is_refused_and_nothing_saved(client, world, public_post, text, message):
    r = public_post(NEW, petition_data(world.a1, text=text, files=pdf()))
    assert r.status_code == 200
    assert message in r.content.decode()
    assert Petition.objects.count() == 0 and PetitionAttachment.objects.count() == 0


def test_wrong_or_reused_challenge_is_refused(client, world):
    page = client.get(NEW).content.decode()
    answer = challenge(page)
    wrong = {**answer, "captcha_1": "999"}
    r = client.post(NEW, {**petition_data(world.a1), **wrong})
    assert "Mã xác nhận chưa đúng" in r.content.decode()
    r = client.post(NEW, {**petition_data(world.a1), **answer})  # the key was spent by the wrong try
    assert "Mã xác nhận chưa đúng" in r.content.decode()
    assert Petition.objects.count() == 0


def test_honeypot_filled_by_a_robot(client, world, public_post):
    r = public_post(NEW, petition_data(world.a1, website="http://spam.example"))
    assert r.status_code == 400 and Petition.objects.count() == 0


def test_attachments_checked_by_content(client, world, public_post, settings):
    r = public_post(NEW, petition_data(world.a1, files=[pdf(), pdf("anh.pdf")]))
    assert r.status_code == 302
    atts = list(PetitionAttachment.objects.all())
    assert len(atts) == 2 and all(
        a.content_type == "application/pdf" and a.file.name.endswith(".pdf") for a in atts
    )
    assert all(a.title in {"to-khai.pdf", "anh.pdf"} and len(a.sha256) == 64 for a in atts)
    fake = SimpleUploadedFile("giay-to.pdf", b"MZ\x90\x00 this is a program", content_type="application/pdf")
    r = public_post(NEW, petition_data(world.a1, files=fake))
    assert "không phải định dạng được chấp nhận" in r.content.decode()
    r = public_post(NEW, petition_data(world.a1, files=[pdf(f"{i}.pdf") for i in range(4)]))
    assert "tối đa 3 tệp" in r.content.decode()
    assert Petition.objects.count() == 1


def test_a_50_mb_attachment_is_refused_before_it_is_read(client, world, public_post, settings):
    big = SimpleUploadedFile(
        "ban-ve.pdf", b"%PDF-1.4\n" + b"0" * (50 * 1024 * 1024), content_type="application/pdf"
    )
    r = public_post(NEW, petition_data(world.a1, files=big))
    assert r.status_code == 413
    assert "quá lớn" in r.content.decode() and "Chưa có gì được lưu" in r.content.decode()
    assert Petition.objects.count() == 0 and PetitionAttachment.objects.count() == 0
    files = list((settings.MEDIA_ROOT).rglob("*.*")) if hasattr(settings.MEDIA_ROOT, "rglob") else []
    assert files == []


def test_a_file_over_the_per_file_limit_is_refused(client, world, public_post, settings):
    settings.CITIZEN_UPLOAD_MAX_BYTES = 100_000
    settings.CITIZEN_MAX_FILES = 20  # the body cap is then large; the per-file check must refuse it
    r = public_post(NEW, petition_data(world.a1, files=pdf(size=200_000)))
    assert r.status_code == 200 and "Tệp quá lớn" in r.content.decode()
    assert Petition.objects.count() == 0


def test_a_flood_from_one_address_is_refused_and_staff_pages_unaffected(client, world, public_post, settings):
    settings.CITIZEN_RATE_LIMITS = {**settings.CITIZEN_RATE_LIMITS, "petition": "5/3600"}
    codes = [public_post(NEW, petition_data(world.a1)).status_code for _ in range(8)]
    assert codes == [302] * 5 + [429] * 3
    assert Petition.objects.count() == 5
    r = client.post(NEW, petition_data(world.a1))
    assert r.status_code == 429 and "quá nhiều yêu cầu" in r.content.decode()
    # another address still gets through
    other = public_post(NEW, petition_data(world.a1), REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 302
    # staff pages answer as usual from the flooding address
    client.force_login(world.officer_a1)
    assert client.get("/y-kien/phan-anh/").status_code == 200
    assert RateCounter.objects.filter(key="petition:127.0.0.1").exists()


def test_lookup_unknown_code_and_lookup_flood(client, world, settings):
    r = client.get(LOOKUP, {"ma": "PA2511-XXXXXXXX"})
    assert r.status_code == 404 and "Không tìm thấy" in r.content.decode()
    settings.CITIZEN_RATE_LIMITS = {**settings.CITIZEN_RATE_LIMITS, "lookup": "3/600"}
    statuses = [client.get(LOOKUP, {"ma": f"PA2511-{i:08d}"}).status_code for i in range(5)]
    assert statuses[-1] == 429
    assert client.get(LOOKUP).status_code == 200  # the empty form is not a lookup


def test_inactive_unit_cannot_be_chosen(client, world, public_post):
    world.a2.valid_to = world.a2.valid_from = None
    from datetime import date

    world.a2.valid_to = date(2025, 6, 30)
    world.a2.save()
    r = public_post(NEW, petition_data(world.a2))
    assert r.status_code == 200 and Petition.objects.count() == 0


def test_published_answers_are_public_escaped_and_anonymous(client, world, public_post):
    public_post(NEW, petition_data(world.a1))
    p = Petition.objects.get()
    Petition.objects.filter(pk=p.pk).update(
        status="published",
        answer="Trả lời: <b>đã bỏ yêu cầu</b> bản sao.",
        public_summary="Đề nghị bỏ bản sao sổ đỏ <img src=x onerror=alert(1)>",
        published_on=p.received_on,
    )
    html = client.get("/nguoi-dan/phan-anh/da-tra-loi/").content.decode()
    assert "&lt;b&gt;đã bỏ yêu cầu&lt;/b&gt;" in html and "<img src=x" not in html
    assert "Nguyễn Văn Dân" not in html and "0912345678" not in html


def test_uploaded_bytes_are_kept_exactly(client, world, public_post):
    body = b"%PDF-1.7\n" + bytes(range(256)) * 40
    public_post(NEW, petition_data(world.a1, files=SimpleUploadedFile("x.pdf", body)))
    att = PetitionAttachment.objects.get()
    with att.file.open("rb") as f:
        assert f.read() == body
    assert io.BytesIO(body).getbuffer().nbytes == att.size


def test_a_failed_save_leaves_no_file_behind(world, settings, monkeypatch):
    from pathlib import Path

    from apps.citizen.attachments import check_files
    from apps.citizen.services import petitions as svc

    def broken(p):
        raise RuntimeError("the notice could not be written")

    monkeypatch.setattr(svc, "_tell_receipt", broken)
    with pytest.raises(RuntimeError):
        svc.submit_public(world.a1, petition_data(world.a1), check_files([pdf()]))
    assert Petition.objects.count() == 0 and PetitionAttachment.objects.count() == 0
    assert [f for f in Path(settings.MEDIA_ROOT).rglob("*") if f.is_file()] == []
