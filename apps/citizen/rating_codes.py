"""The rating code printed on a dossier's receipt: unforgeable without the server's key.

The code is an HMAC-SHA256 of the dossier's national code (``MaHoSo``) under a key only the
server holds (``CITIZEN_RATING_KEY``, by default ``SECRET_KEY``), cut to 50 bits and written in
Crockford base 32 as ``ABCDE-FGHJK``: short enough to type from paper, far too many to guess
within the rate limit (2^50). The QR code on the receipt carries the same pair in a link.
Nothing is stored: any dossier's code can be printed again, and a changed key invalidates every
printed code at once (to revoke after a leak).
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_SALT = "cchc.citizen.rating"
LENGTH = 10


def _key() -> str:
    return getattr(settings, "CITIZEN_RATING_KEY", "") or settings.SECRET_KEY


def check_code(dossier_code: str) -> str:
    """The rating code of a dossier, as printed (``ABCDE-FGHJK``)."""
    digest = salted_hmac(_SALT, dossier_code, secret=_key(), algorithm="sha256").digest()
    number = int.from_bytes(digest[:8], "big") >> (64 - 5 * LENGTH)
    chars = "".join(_ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(LENGTH)))
    return f"{chars[:5]}-{chars[5:]}"


def normalize(text: str) -> str:
    """What a person typed: upper case, separators dropped, O read as 0 and I/L as 1."""
    raw = re.sub(r"[\s\-_.]", "", (text or "").upper())
    raw = raw.replace("O", "0").replace("I", "1").replace("L", "1")
    return f"{raw[:5]}-{raw[5:]}" if len(raw) == LENGTH else raw


def verify(dossier_code: str, typed: str) -> bool:
    return bool(dossier_code) and constant_time_compare(check_code(dossier_code), normalize(typed))


def rating_path(dossier_code: str) -> str:
    """The public rating page of a dossier, with its code (the QR code's link)."""
    query = urlencode({"ma": dossier_code, "kt": check_code(dossier_code), "qr": 1})
    return f"{reverse('citizen_public:rate')}?{query}"
