"""Background work of citizen voice (``apps.jobs``): e-mail to the citizen after a step.

Sending runs outside the request, so a slow or absent mail server never slows the public page
or a staff step; a failed send is retried with backoff, then shown as a failed job to admins.
"""

from __future__ import annotations

from apps.jobs.registry import job_kind


@job_kind(
    "citizen.mail", label="Gửi thư cho người gửi phản ánh, kiến nghị", unit="thư", timeout=120, attempts=5
)
def send_mail(job, progress) -> None:
    from apps.citizen import mail
    from apps.citizen.models import Petition

    p = Petition.objects.select_related("org_unit").filter(pk=job.params["petition"]).first()
    if p is None:  # deleted meanwhile: nothing to tell
        return
    with progress.complete(message=f"Thư {job.params['event']} cho phản ánh {p.code}", result={}):
        mail.to_citizen(p, job.params["event"], raise_errors=True)
