from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[3] / "fixtures" / "seeds"
COMMUNE_SEED = SEEDS / "000_60e74d9db19c0c48.txt"  # xã Thường Xuân 2025
PROVINCE_SEED = SEEDS / "002_7ac37e54dd30bcb3.txt"  # tỉnh Thanh Hóa 2025


@pytest.fixture(autouse=True)
def _inline_parse(monkeypatch, settings, tmp_path):
    """Parse in-process in tests (the fork sandbox is tested in core) and keep uploads in tmp."""
    monkeypatch.setattr("core.plandoc.sandbox._INLINE", True)
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def seed_bytes():
    return COMMUNE_SEED.read_bytes()


@pytest.fixture
def plan(world, login, seed_bytes):
    """The commune seed plan, uploaded by xã An Một's CCHC officer through the upload page (a module
    that needs another plan defines its own ``plan``)."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from apps.plans.models import Plan

    login(world.officer_a1).post(
        reverse("plans:upload"),
        {"org_unit": world.a1.pk, "file": SimpleUploadedFile("ke-hoach.txt", seed_bytes)},
    )
    return Plan.objects.get()
