"""E-mail to a citizen who gave an address: receipt with the tracking code, a request for more
information, a redirection with its reason, the published answer.

Sent after the step commits (callers use ``transaction.on_commit``), through the same sender as
staff notices (``apps.tracking.notify.send_emails``), which logs and never raises: a mail server
that is down never undoes a step; the citizen can always look the petition up with the code.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from apps.tracking import notify
from core.petitions import REDIRECT_LABELS, RedirectKind

SIGNATURE = "\n\n— {unit} (thư tự động từ hệ thống CCHC, vui lòng không trả lời thư này)."


def lookup_url(p) -> str:
    base = getattr(settings, "CCHC_BASE_URL", "")
    return f"{base}{reverse('citizen_public:lookup')}?ma={p.code}"


def compose(p, event: str) -> tuple[str, str]:
    """(subject, body) of the message for ``event``: receipt, needs_info, redirected, published."""
    link = f"Tra cứu tình trạng: {lookup_url(p)}"
    hello = f"Kính gửi {p.sender_name}," if p.sender_name else "Kính gửi Ông/Bà,"
    if event == "receipt":
        subject = f"Đã tiếp nhận phản ánh, kiến nghị — mã {p.code}"
        text = (
            f"{p.org_unit.name} đã tiếp nhận phản ánh, kiến nghị của Ông/Bà ngày {p.received_on:%d/%m/%Y}.\n"
            f"Mã tra cứu: {p.code} (vui lòng giữ mã này để theo dõi kết quả).\n{link}"
        )
    elif event == "needs_info":
        subject = f"Đề nghị bổ sung thông tin phản ánh {p.code}"
        text = (
            f"Để xử lý phản ánh {p.code}, đề nghị Ông/Bà bổ sung:\n{p.info_request}\n\n"
            f"Ông/Bà bổ sung trực tiếp tại trang tra cứu bằng mã {p.code}.\n{link}"
        )
    elif event == "redirected":
        subject = f"Kết quả phân loại phản ánh {p.code}"
        text = (
            f"Nội dung Ông/Bà gửi (mã {p.code}) là {REDIRECT_LABELS[RedirectKind(p.redirect_kind)].lower()}, "
            f"không thuộc phạm vi phản ánh, kiến nghị về quy định hành chính.\n"
            f"Lý do và hướng dẫn: {p.redirect_reason}\n{link}"
        )
    elif event == "published":
        subject = f"Trả lời phản ánh, kiến nghị {p.code}"
        text = (
            f"{p.org_unit.name} trả lời phản ánh, kiến nghị mã {p.code}:\n\n{p.answer}\n\n"
            f"Ông/Bà có thể cho biết mức độ hài lòng với kết quả tại trang tra cứu.\n{link}"
        )
    else:
        raise ValueError(f"unknown event {event!r}")
    return notify.SUBJECT_PREFIX + subject, f"{hello}\n\n{text}{SIGNATURE.format(unit=p.org_unit.name)}"


def to_citizen(p, event: str) -> int:
    """Send the message when the citizen gave an address; the number of messages sent (0 or 1)."""
    if not p.sender_email:
        return 0
    subject, body = compose(p, event)
    return notify.send_emails([(subject, body, None, [p.sender_email])])
