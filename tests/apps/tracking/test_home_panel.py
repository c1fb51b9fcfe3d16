"""The home page tells each person what their agency owes now, and hides the card when nothing applies."""

import time_machine
from django.urls import reverse

from apps.tracking.models import Notification


@time_machine.travel("2025-11-25 09:00 +0700", tick=False)
def test_staff_sees_overdue_and_due_soon_counts(world, plan_a1, login):
    body = login(world.staff_a1).get(reverse("home")).content.decode()
    assert "Việc cần làm" in body
    # m_nov (28/11) is due within the default due-soon window; m_q4 (31/12) is not yet.
    assert "<strong>1</strong> mốc sắp đến hạn" in body
    assert "<strong>0</strong> mốc quá hạn" in body


@time_machine.travel("2025-12-20 09:00 +0700", tick=False)
def test_counts_follow_the_date(world, plan_a1, login):
    body = login(world.staff_a1).get(reverse("home")).content.decode()
    assert "<strong>1</strong> mốc quá hạn" in body  # m_nov is now late


def test_unread_notifications_counted(world, plan_a1, login):
    Notification.objects.create(user=world.viewer_a1, text="Có báo cáo mới")
    body = login(world.viewer_a1).get(reverse("home")).content.decode()
    assert "<strong>1</strong> thông báo chưa đọc" in body


def test_card_hidden_when_nothing_to_follow(world, login):
    body = login(world.viewer_a1).get(reverse("home")).content.decode()
    assert "Việc cần làm" not in body
