"""``{% load jobs %}{% job_status job %}``: a job's status box, which polls itself until the job ends."""

from django import template

from apps.jobs.selectors import status_context

register = template.Library()


@register.inclusion_tag("jobs/_status.html")
def job_status(job):
    return status_context(job)
