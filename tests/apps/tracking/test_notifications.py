"""Notices: marking read in bulk, the unread count in the top bar, the email choice and the daily
digest (one email a day, sent once however often the job runs)."""

from __future__ import annotations

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from apps.audit.models import AuditEntry
from apps.jobs import registry
from apps.tracking import notify
from apps.tracking.digest import send_digests
from apps.tracking.models import EmailDigest, Notification, NotificationPreference

DAY = date(2025, 11, 25)


def _notes(user, *texts):
    return [
        Notification.objects.create(user=user, text=t, url=f"/theo-doi/moc/{i}/") for i, t in enumerate(texts)
    ]


def _unread(user) -> set[str]:
    return set(Notification.objects.filter(user=user, read_at__isnull=True).values_list("text", flat=True))


def test_mark_selected_then_all_read_only_touches_own_notices(world, login):
    a, b, c = _notes(world.staff_a1, "Việc A", "Việc B", "Việc C")
    (other,) = _notes(world.head_a1, "Việc của trưởng phòng")
    client = login(world.staff_a1)
    url = reverse("tracking:notifications_read")
    response = client.post(url, {"chon": "da-chon", "id": [a.pk, c.pk, other.pk]})
    assert response.status_code == 302
    assert _unread(world.staff_a1) == {"Việc B"}
    assert _unread(world.head_a1) == {"Việc của trưởng phòng"}  # another user's id is not theirs to mark
    page = client.get(reverse("tracking:notifications")).content.decode()
    assert "Đã đánh dấu 2 thông báo là đã đọc." in page
    client.post(url, {"chon": "tat-ca"})
    assert _unread(world.staff_a1) == set() and _unread(world.head_a1) == {"Việc của trưởng phòng"}


def test_opening_a_notice_marks_it_read_and_goes_to_its_page(world, login):
    a, b = _notes(world.staff_a1, "Việc A", "Việc B")
    (other,) = _notes(world.head_a1, "Việc của trưởng phòng")
    client = login(world.staff_a1)
    response = client.get(reverse("tracking:notification_open", args=[b.pk]))
    assert response.status_code == 302 and response["Location"] == "/theo-doi/moc/1/"
    assert _unread(world.staff_a1) == {"Việc A"}
    assert client.get(reverse("tracking:notification_open", args=[other.pk])).status_code == 404
    assert _unread(world.head_a1) == {"Việc của trưởng phòng"}
    b.url = "https://evil.example/"
    b.save()
    assert (
        client.get(reverse("tracking:notification_open", args=[b.pk]))["Location"] == "/theo-doi/thong-bao/"
    )


def test_nothing_selected_says_so_and_marks_nothing(world, login):
    _notes(world.staff_a1, "Việc A")
    client = login(world.staff_a1)
    page = client.post(
        reverse("tracking:notifications_read"), {"chon": "da-chon"}, follow=True
    ).content.decode()
    assert "Chưa chọn thông báo nào" in page and _unread(world.staff_a1) == {"Việc A"}
    assert client.get(reverse("tracking:notifications_read")).status_code == 405


def test_unread_count_in_top_bar_and_unread_filter(world, login, client):
    a, _b = _notes(world.staff_a1, "Việc A", "Việc B")
    a.read_at = timezone.now()
    a.save()
    client = login(world.staff_a1)
    page = client.get(reverse("tracking:notifications") + "?loc=chua-doc").content.decode()
    assert "(1 chưa đọc)" in page and "Việc B" in page and "Việc A" not in page
    badge_url = reverse("tracking:unread_badge")
    assert f'hx-get="{badge_url}"' in client.get(reverse("home")).content.decode()  # every page asks
    assert '<span class="count" data-unread>1</span>' in client.get(badge_url).content.decode()
    Notification.objects.update(read_at=timezone.now())
    assert client.get(badge_url).content == b""


def test_csrf_required_for_bulk_read(world, client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(world.staff_a1)
    _notes(world.staff_a1, "Việc A")
    assert strict.post(reverse("tracking:notifications_read"), {"chon": "tat-ca"}).status_code == 403
    assert _unread(world.staff_a1) == {"Việc A"}


@pytest.fixture
def mailed(world):
    for u in (world.staff_a1, world.head_a1, world.officer_a1):
        u.email = f"{u.username}@example.vn"
        u.save()
    return world


def test_daily_digest_is_one_email_sent_once_a_day(mailed, emails, django_capture_on_commit_callbacks):
    w = mailed
    _notes(
        w.staff_a1, "Còn 5 ngày làm việc đến hạn: Báo cáo quý IV", "Báo cáo bị trả lại: Hoàn thành tháng 11"
    )
    _notes(w.head_a1, "Báo cáo chờ duyệt: Phòng Kinh tế")
    with django_capture_on_commit_callbacks(execute=True):
        result = send_digests(DAY)
    assert result == {"digests": 2, "notices": 3}
    by_to = {m.to[0]: m for m in emails}
    staff = by_to["staff_a1@example.vn"]
    assert staff.subject == "[CCHC] Tổng hợp ngày 25/11/2025: 2 thông báo chưa đọc"
    assert "Kính gửi Staff A1" in staff.body and "Báo cáo bị trả lại: Hoàn thành tháng 11" in staff.body
    assert "Xem: /theo-doi/moc/1/" in staff.body and "/theo-doi/thong-bao/cai-dat/" in staff.body
    # run again (by hand, by the scheduler): nothing more today
    with django_capture_on_commit_callbacks(execute=True):
        out = StringIO()
        call_command("digest", "--as-of", DAY.isoformat(), stdout=out)
        assert send_digests(DAY) == {"digests": 0, "notices": 0}
    assert len(emails) == 2 and "Đã gửi 0 thư tổng hợp" in out.getvalue()
    assert EmailDigest.objects.count() == 2
    # the next day lists only what came after the previous digest
    _notes(w.staff_a1, "Quá hạn 1 ngày: Báo cáo quý IV")
    with django_capture_on_commit_callbacks(execute=True):
        assert send_digests(DAY + timedelta(days=1)) == {"digests": 1, "notices": 1}
    assert "Quá hạn 1 ngày" in emails[-1].body and "bị trả lại" not in emails[-1].body


def test_read_notices_are_not_emailed_and_dry_run_sends_nothing(
    mailed, emails, django_capture_on_commit_callbacks
):
    (n,) = _notes(mailed.staff_a1, "Đã xem trên hệ thống")
    n.read_at = timezone.now()
    n.save()
    _notes(mailed.head_a1, "Chưa xem")
    with django_capture_on_commit_callbacks(execute=True):
        assert send_digests(DAY, dry_run=True) == {"digests": 1, "notices": 1, "dry_run": True}
        assert emails == [] and not EmailDigest.objects.exists()
        send_digests(DAY)
    assert [m.to for m in emails] == [["head_a1@example.vn"]]


def test_choice_is_respected_by_workflow_emails_and_digest(
    mailed, emails, django_capture_on_commit_callbacks
):
    w = mailed
    NotificationPreference.objects.create(user=w.head_a1, email="each")
    NotificationPreference.objects.create(user=w.officer_a1, email="none")
    with django_capture_on_commit_callbacks(execute=True):
        notify.notify(
            [w.staff_a1, w.head_a1, w.officer_a1], "Báo cáo chờ duyệt: Phòng Kinh tế", "/theo-doi/moc/1/"
        )
    assert [m.to for m in emails] == [["head_a1@example.vn"]]  # "each": at once; daily and none: not now
    with django_capture_on_commit_callbacks(execute=True):
        send_digests(DAY)
    assert [m.to for m in emails[1:]] == [["staff_a1@example.vn"]]  # daily (the default) only
    assert Notification.objects.filter(user=w.officer_a1).exists()  # "none" still sees it in the app


def test_settings_page_saves_the_choice_audited(world, login):
    client = login(world.staff_a1)
    url = reverse("tracking:notification_settings")
    page = client.get(url).content.decode()
    assert "Một thư tổng hợp mỗi ngày" in page and "chưa có địa chỉ thư điện tử" in page
    assert 'value="daily" required id="id_email_0" checked' in page  # the default, before any choice
    bad = client.post(url, {"email": "hourly"})
    assert bad.status_code == 200 and '<p class="error-text">Chọn một trong ba cách' in bad.content.decode()
    assert not NotificationPreference.objects.exists()
    assert client.post(url, {"email": "none"}).status_code == 302
    assert NotificationPreference.objects.get(user=world.staff_a1).email == "none"
    assert AuditEntry.objects.filter(model="tracking.notificationpreference", actor=world.staff_a1).exists()


def test_digest_runs_every_working_morning_after_the_reminders():
    entries = {p.name: p for p in registry.periodic()}
    digest, remind = entries["tracking.digest-daily"], entries["tracking.remind-daily"]
    assert digest.kind == "tracking.digest" and digest.at > remind.at


def test_the_scheduled_digest_job_sends_once_per_working_day(
    mailed, emails, monkeypatch, django_capture_on_commit_callbacks
):
    """The schedule submits one digest job at 07:00 on a working day; running it (or a retry) sends
    the digest once."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from apps.jobs import runner, schedule
    from apps.jobs.models import Job

    monkeypatch.setenv("CCHC_TODAY", "2025-11-25")  # a Tuesday
    _notes(mailed.staff_a1, "Còn 1 ngày làm việc đến hạn: Báo cáo quý IV")
    seven = datetime(2025, 11, 25, 7, 1, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    jobs = [j for j in schedule.tick(seven) if j.kind == "tracking.digest"]
    assert [j.params for j in jobs] == [{"day": "2025-11-25"}]
    assert not [j for j in schedule.tick(seven) if j.kind == "tracking.digest"]  # slot claimed once
    with django_capture_on_commit_callbacks(execute=True):
        assert runner.run_job(jobs[0].pk) == "succeeded"
        again = Job.objects.create(kind="tracking.digest", params={"day": "2025-11-25"})
        assert runner.run_job(again.pk) == "succeeded"  # a rerun by hand: nothing twice
    assert [m.to for m in emails] == [["staff_a1@example.vn"]]
    assert Job.objects.get(pk=jobs[0].pk).result == {"digests": 1, "notices": 1}
