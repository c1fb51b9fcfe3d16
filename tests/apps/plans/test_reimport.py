"""Re-importing a corrected version shows what changed before it replaces anything."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.plans.models import Plan


def test_corrected_version_shows_changes_then_replaces(world, login, seed_bytes):
    client = login(world.officer_a1)
    client.post(
        reverse("plans:upload"), {"org_unit": world.a1.pk, "file": SimpleUploadedFile("v1.txt", seed_bytes)}
    )
    old = Plan.objects.get()
    client.post(reverse("plans:confirm", args=[old.pk]), {"reason": "Đã rà soát."})
    corrected = (
        seed_bytes.decode()
        .replace("Phòng VHXXH", "Phòng Văn hóa - Xã hội")
        .replace("Báo cáo kết quả thực hiện: Tháng 10/2025.", "Báo cáo kết quả thực hiện: Tháng 11/2025.")
    )
    client.post(
        reverse("plans:reimport", args=[old.pk]),
        {"org_unit": world.a1.pk, "file": SimpleUploadedFile("v2.txt", corrected.encode())},
    )
    new = Plan.objects.exclude(pk=old.pk).get()
    assert new.replaces == old and new.status == Plan.Status.DRAFT
    old.refresh_from_db()
    assert old.status == Plan.Status.ACTIVE  # nothing replaced yet
    body = client.get(reverse("plans:changes", args=[new.pk])).content.decode()
    assert "Tháng 11/2025" in body and "Phòng VHXXH" in body
    client.post(reverse("plans:confirm", args=[new.pk]), {"reason": "Đã rà soát."})
    old.refresh_from_db()
    assert old.status == Plan.Status.SUPERSEDED
