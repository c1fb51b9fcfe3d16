from __future__ import annotations

import logging

from django.conf import settings
from django.db import DatabaseError, DataError
from django.template.loader import render_to_string

from cchc.cli import is_read_only

log = logging.getLogger("cchc")

READ_ONLY = (
    "Hệ thống tạm thời không ghi được dữ liệu (cơ sở dữ liệu đang ở chế độ chỉ đọc). "
    "Thay đổi của bạn chưa được lưu; vui lòng thử lại sau hoặc báo cho bộ phận kỹ thuật."
)
BAD_DATA = "Dữ liệu gửi lên không hợp lệ (số hoặc ngày vượt quá giới hạn cho phép)."


def error_page(status: int, title: str, message: str):
    """A Vietnamese error page that needs no database (the database may be why we are here)."""
    from django.http import HttpResponse

    html = render_to_string("error.html", {"title": title, "message": message})
    return HttpResponse(html, status=status)


class DatabaseErrorMiddleware:
    """A read-only database becomes a 503 page in Vietnamese, and a number or date past what the
    database holds (a 20-digit id in a URL) a 400, instead of a bare 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DatabaseError) and is_read_only(exception):
            log.error("database is read-only: %s", exception)
            return error_page(503, "Tạm thời không ghi được dữ liệu", READ_ONLY)
        if isinstance(exception, DataError | OverflowError):
            return error_page(400, "Dữ liệu không hợp lệ", BAD_DATA)
        return None


class ContentSecurityPolicyMiddleware:
    """Adds the Content-Security-Policy header: only our own scripts and styles, no inline code."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith("/admin/"):
            response.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        return response


class MeasuresSessionMiddleware:
    """One ``core.measures`` session per request: a page that shows many figures of a unit computes
    each (and each shared load behind them) once, and the next request sees the data afresh."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from core import measures

        with measures.session():
            return self.get_response(request)
