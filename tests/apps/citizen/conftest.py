"""Helpers for citizen-voice tests: solve the challenge as a person reading the image would."""

from __future__ import annotations

import re

import pytest
from captcha.models import CaptchaStore

from tests.apps.conftest import login, world  # noqa: F401 - the named world

KEY = re.compile(r'name="captcha_0" value="([0-9a-f]+)"')


def challenge(html: str) -> dict:
    """The challenge fields of a rendered form, answered (the answer is read from the database,
    which is what a person reads from the image)."""
    key = KEY.search(html).group(1)
    return {"captcha_0": key, "captcha_1": CaptchaStore.objects.get(hashkey=key).response}


def petition_data(unit, **extra) -> dict:
    data = {
        "org_unit": unit.pk,
        "subject": "procedure",
        "procedure_name": "Cấp giấy phép xây dựng nhà ở riêng lẻ",
        "text": "Thành phần hồ sơ yêu cầu bản sao có chứng thực sổ đỏ dù đã có dữ liệu điện tử, đề nghị bỏ.",
        "sender_name": "Nguyễn Văn Dân",
        "sender_phone": "0912345678",
        "sender_email": "dan@example.vn",
        "sender_address": "thôn 3",
    }
    data.update(extra)
    return data


@pytest.fixture
def public_post(client):
    """POST a public form after loading it (as a browser does), with the challenge answered."""

    def _post(form_url: str, data: dict, post_url: str | None = None, **kwargs):
        page = client.get(form_url)
        return client.post(post_url or form_url, {**data, **challenge(page.content.decode())}, **kwargs)

    return _post


def make_dossier(unit, code: str, *, received=None, due=None, finished=None, supplements=0, procedure=None):
    """A dossier as the one-stop import would store it (apps.dossiers)."""
    from datetime import datetime

    from django.utils import timezone

    from apps.dossiers.models import Dossier, Procedure, Sector

    if procedure is None:
        sector, _ = Sector.objects.get_or_create(code="HT", defaults={"name": "Hộ tịch"})
        procedure, _ = Procedure.objects.get_or_create(
            code="1.001193", defaults={"name": "Đăng ký khai sinh", "sector": sector, "processing_time": 1}
        )
    tz = timezone.get_current_timezone()

    def at(d):
        return datetime.combine(d, datetime.min.time(), tzinfo=tz).replace(hour=9) if d else None

    return Dossier.objects.create(
        code=code,
        procedure=procedure,
        sector=procedure.sector,
        org_unit=unit,
        received_at=at(received),
        due_at=at(due).replace(hour=17) if due else None,
        finished_at=at(finished),
        status=10 if finished else 4,
        supplement_count=supplements,
        as_of=timezone.now(),
    )


@pytest.fixture(autouse=True)
def _forget_dossier_figures():
    """Tests here write dossiers directly (not through the import, which bumps the indicator engine's
    memo); forget what the engine memoised, so a later test reusing a unit id starts clean."""
    yield
    from apps.indicators.engine import bump_version

    bump_version()
