"""Bad files get a clear Vietnamese message and nothing is stored."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.plans.models import Plan, SourceDocument, Task


def _upload(client, unit, data, name):
    return client.post(reverse("plans:upload"), {"org_unit": unit.pk, "file": SimpleUploadedFile(name, data)})


@pytest.mark.parametrize(
    "data, name, message",
    [
        (b"", "trong.txt", "trống"),
        (
            b"Bien ban hop chi bo thang 3. Noi dung: sinh hoat dinh ky.",
            "bien-ban.txt",
            "không có nội dung của một kế hoạch",
        ),
        (b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF", "hong.pdf", ""),
        (b"MZ\x90\x00\x03" + b"\x00" * 200, "virus.docx", ""),
        (b"hello", "anh.gif", "Chỉ nhận tệp"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 60, "anh-hong.png", "hỏng"),
    ],
)
def test_bad_files_refused_nothing_stored(world, login, data, name, message):
    response = _upload(login(world.officer_a1), world.a1, data, name)
    assert response.status_code == 200
    body = response.content.decode()
    assert "error-text" in body
    if message:
        assert message in body
    assert not Plan.objects.exists() and not SourceDocument.objects.exists() and not Task.objects.exists()


def test_oversized_file_refused(world, login, settings):
    settings.UPLOAD_MAX_BYTES = 1000
    body = _upload(login(world.officer_a1), world.a1, b"x" * 2000, "lon.txt").content.decode()
    assert "quá lớn" in body
    assert not Plan.objects.exists()


def test_failure_midway_leaves_nothing(world, login, seed_bytes, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("apps.plans.services.resolve_into", boom)
    with pytest.raises(RuntimeError):
        _upload(login(world.officer_a1), world.a1, seed_bytes, "ke-hoach.txt")
    assert not Plan.objects.exists() and not SourceDocument.objects.exists()
