"""Staff pages of petitions: scoped lists, the step forms each role sees, 404/403 outside scope."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from apps.citizen.attachments import check_files
from apps.citizen.models import Petition, PetitionAttachment
from apps.citizen.services import petitions as svc
from tests.apps.citizen.conftest import petition_data


def _pdf():
    return SimpleUploadedFile("don.pdf", b"%PDF-1.4\n" + b"1" * 500)


def test_list_is_scoped(world, login):
    mine = svc.submit_public(world.a1, petition_data(world.a1))
    theirs = svc.submit_public(world.b1, petition_data(world.b1))
    html = login(world.officer_a1).get("/y-kien/phan-anh/").content.decode()
    assert mine.code in html and theirs.code not in html
    assert "xử lý đúng hạn (QĐ 766, 5.2) <strong>100,0%</strong> (1/1)" in html
    html = login(world.officer_a).get("/y-kien/phan-anh/").content.decode()  # province sees its communes
    assert mine.code in html and theirs.code not in html
    html = login(world.staff_a1).get("/y-kien/phan-anh/").content.decode()  # not assigned to them yet
    assert mine.code not in html
    svc.classify(world.officer_a1, mine, agency=world.kt_a1)
    assert mine.code in login(world.staff_a1).get("/y-kien/phan-anh/").content.decode()


def test_detail_shows_the_steps_the_user_may_take(world, login):
    p = svc.submit_public(world.a1, petition_data(world.a1))
    html = login(world.officer_a1).get(f"/y-kien/phan-anh/{p.pk}/").content.decode()
    assert "Tiếp nhận xử lý" in html and "Chuyển hướng" in html and "Nguyễn Văn Dân" in html
    html = login(world.officer_a).get(f"/y-kien/phan-anh/{p.pk}/").content.decode()
    assert "Tiếp nhận xử lý" not in html  # the province reads, the commune handles
    assert login(world.officer_b1).get(f"/y-kien/phan-anh/{p.pk}/").status_code == 404
    assert login(world.staff_a1_hcc).get(f"/y-kien/phan-anh/{p.pk}/").status_code == 404


def test_steps_through_the_pages(world, login):
    p = svc.submit_public(world.a1, petition_data(world.a1))
    c = login(world.officer_a1)
    r = c.post(f"/y-kien/phan-anh/{p.pk}/classify/", {"agency": world.kt_a1.pk})
    assert r.status_code == 302 and Petition.objects.get().status == "assigned"
    c = login(world.staff_a1)
    r = c.post(f"/y-kien/phan-anh/{p.pk}/answer/", {"text": "ngắn"}, follow=True)
    assert "quá ngắn" in r.content.decode() and Petition.objects.get().status == "assigned"
    text = "Phòng Kinh tế trả lời: đã bỏ yêu cầu bản sao có chứng thực từ ngày 01/12/2025."
    r = c.post(f"/y-kien/phan-anh/{p.pk}/answer/", {"text": text, "files": _pdf()})
    assert Petition.objects.get().status == "answered"
    assert PetitionAttachment.objects.filter(part="answer").count() == 1
    assert c.post(f"/y-kien/phan-anh/{p.pk}/approve/").status_code == 403
    login(world.head_a1).post(f"/y-kien/phan-anh/{p.pk}/approve/")
    r = login(world.officer_a1).post(
        f"/y-kien/phan-anh/{p.pk}/publish/", {"summary": "Đề nghị bỏ bản sao có chứng thực sổ đỏ."}
    )
    assert Petition.objects.get().status == "published"
    # the answer's file is public with the code; the citizen's own files never are
    att = PetitionAttachment.objects.get(part="answer")
    assert login(world.nobody).get(f"/nguoi-dan/phan-anh/{p.code}/tep/{att.pk}/").status_code == 200


def test_citizen_files_stay_with_staff(world, login, client):
    p = svc.submit_public(world.a1, petition_data(world.a1), check_files([_pdf()]))
    att = PetitionAttachment.objects.get(petition=p)
    assert client.get(f"/nguoi-dan/phan-anh/{p.code}/tep/{att.pk}/").status_code == 404
    assert login(world.officer_b1).get(f"/y-kien/phan-anh/tep/{att.pk}/").status_code == 404
    r = login(world.officer_a1).get(f"/y-kien/phan-anh/tep/{att.pk}/")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert b"".join(r.streaming_content).startswith(b"%PDF")


def test_enter_page_for_officers_only(world, login):
    assert login(world.staff_a1).get("/y-kien/phan-anh/nhap/").status_code == 403
    c = login(world.officer_a1)
    html = c.get("/y-kien/phan-anh/nhap/").content.decode()
    assert world.a1.name in html and world.b1.name not in html
    r = c.post("/y-kien/phan-anh/nhap/", {**petition_data(world.a1), "channel": "letter"})
    assert r.status_code == 302 and Petition.objects.get().channel == "letter"
    r = c.post("/y-kien/phan-anh/nhap/", {**petition_data(world.b1), "channel": "letter"})
    assert r.status_code == 200 and Petition.objects.count() == 1


def test_anonymous_users_are_sent_to_login(client, world):
    r = client.get("/y-kien/phan-anh/")
    assert r.status_code == 302 and "/tai-khoan/dang-nhap/" in r["Location"]
