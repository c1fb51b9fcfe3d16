"""E-mail to a citizen who gave an address: receipt with the tracking code, a request for more
information, a redirection with its reason, the published answer.

Queued as a background job (``citizen.mail``, apps.jobs) inside the step's transaction and sent
after it commits, outside the request; a mail server that is down never undoes a step and the job
retries; the citizen can always look the petition up with the code.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mass_mail
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


def queue(p, event: str) -> None:
    """Send the message of ``event`` in the background, when the citizen gave an address."""
    if not p.sender_email:
        return
    from apps.jobs.services import submit

    submit(
        "citizen.mail",
        org_unit=p.org_unit,
        subject=p,
        key=f"citizen.mail:{p.pk}:{event}",
        params={"petition": p.pk, "event": event},
    )


def to_citizen(p, event: str, *, raise_errors: bool = False) -> int:
    """Send the message now; the number sent (0 or 1). Errors propagate when asked (the job retries)."""
    if not p.sender_email:
        return 0
    subject, body = compose(p, event)
    if raise_errors:
        return send_mass_mail([(subject, body, None, [p.sender_email])], fail_silently=False)
    return notify.send_emails([(subject, body, None, [p.sender_email])])
