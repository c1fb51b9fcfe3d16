"""Shared fixtures. Pure ``core`` tests need none of Django; app tests use pytest-django."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("CCHC_TESTING", "1")

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "fixtures" / "seeds"
SHARED_DIR = ROOT.parent / "shared"
GOLD_DIR = SHARED_DIR / "gold"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS_DIR


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    """The gold annotations in ../shared; tests that need them skip cleanly when it is absent."""
    if not GOLD_DIR.is_dir():
        pytest.skip("../shared/gold không có trên máy này")
    return GOLD_DIR


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Argon2 stays the production hasher (tested in test_security); tests hash with MD5 for speed."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path_factory):
    """Uploads, scans and generated files of a test never land in the developer's var/media."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")
