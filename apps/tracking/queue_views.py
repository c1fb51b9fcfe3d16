"""The reviewers' queue page, and acting from it: approve or accept, or return with a reason.

An action posts one line's form; with HTMX only that line is swapped (done, or the form again with
the error beside the reason box), without it the page comes back the same way. The services ask the
policy and compare the version the reviewer saw, as on the milestone page.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from apps.tracking import forms, queue
from apps.tracking.report_views import REVIEW_STEPS, _existing_report, _milestone, run_review


def _page(request, failed: queue.QueueItem | None = None):
    items = queue.queue_items(request.user)
    if failed is not None:
        items = [failed if i.pk == failed.pk else i for i in items]
    return render(
        request,
        "tracking/queue.html",
        {"queue": items, "queue_total": queue.queue_total(request.user), "limit": queue.QUEUE_LIMIT},
    )


@login_required
def queue_page(request):
    return _page(request)


@login_required
@require_POST
def queue_action(request, pk: int):
    step = request.POST.get("step", "")
    if step not in REVIEW_STEPS:
        raise Http404
    m = _milestone(request, pk)  # 404 outside the user's units, 403 for another agency's task
    report = _existing_report(m)
    form = forms.ReviewForm(request.POST)
    if run_review(request.user, report, step, form):
        if request.htmx:
            # the line says what was done; the count in the heading follows (out-of-band swap)
            context = {"m": m, "done": REVIEW_STEPS[step], "remaining": queue.queue_total(request.user)}
            return render(request, "tracking/_queue_done.html", context)
        messages.success(request, f"{REVIEW_STEPS[step]} ({m.label} — {m.task})")
        return redirect("tracking:queue")
    item = queue.queue_item(request.user, m.pk)  # nothing changed: the line as it still stands
    if item is None:  # no longer waiting for this user (handled meanwhile by someone else)
        error = " ".join(e for errs in form.errors.values() for e in errs)
        if request.htmx:
            return render(request, "tracking/_queue_done.html", {"m": m, "error": error})
        messages.error(request, error)
        return redirect("tracking:queue")
    item.form, item.step = form, step
    if request.htmx:
        return render(request, "tracking/_queue_row.html", {"item": item})
    return _page(request, failed=item)
