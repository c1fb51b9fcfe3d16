"""The ``cchc`` command: Django's management commands plus the project's own, with plain errors.

Officials and their IT staff run these; a wrong DATABASE_URL or a stopped database should give one
line that says what to fix, not a traceback (set CCHC_TRACEBACK=1 to see it anyway).
"""

from __future__ import annotations

import os
import re
import sys


def _safe_url(url: str) -> str:
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)


def is_read_only(exc: BaseException) -> bool:
    """A write refused because the database (or its disk) is read-only: SQLite or PostgreSQL."""
    text = str(exc).lower()
    return (
        "readonly" in text
        or "read-only" in text
        or "query_only" in text
        or getattr(exc, "errno", None) == 30
        or getattr(getattr(exc, "__cause__", None), "sqlstate", None) == "25006"  # read_only_sql_transaction
    )


def explain(exc: BaseException) -> str | None:
    """A one-line Vietnamese explanation of a start-up failure, or None if it is a real bug."""
    url = _safe_url(os.environ.get("DATABASE_URL", "sqlite (mặc định, var/cchc.sqlite3)"))
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
    text = text.rstrip(". ")  # the messages below add their own full stop
    name = exc.__class__.__name__
    lowered = text.lower()
    if isinstance(exc, ValueError) and ("scheme" in lowered or "database" in lowered or "url" in lowered):
        return f"DATABASE_URL không hợp lệ ({url}): {text}. Ví dụ: postgres://user@127.0.0.1:5432/cchc"
    if is_read_only(exc):
        return f"Không ghi được cơ sở dữ liệu hoặc thư mục dữ liệu (ổ đĩa chỉ đọc?): {text}. Kiểm tra quyền ghi của thư mục var/ hoặc CCHC_VAR_DIR."
    if "unable to open database file" in lowered:
        return f"Không mở được tệp SQLite ({url}). Kiểm tra thư mục tồn tại và có quyền ghi."
    if name == "OperationalError" or "connection" in lowered:
        return f"Không kết nối được cơ sở dữ liệu {url}: {text}. Kiểm tra máy chủ CSDL đang chạy, địa chỉ, tên CSDL và tài khoản trong DATABASE_URL."
    if name == "ImproperlyConfigured":
        return f"Cấu hình chưa đúng: {text}"
    if isinstance(exc, PermissionError):
        return f"Không đủ quyền: {text}"
    return None


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cchc.settings")
    argv = list(sys.argv if argv is None else argv)
    try:
        from django.core.management import execute_from_command_line

        execute_from_command_line(["cchc", *argv[1:]])
    except (SystemExit, KeyboardInterrupt):
        raise
    except Exception as exc:  # noqa: BLE001 - translated to one line, or re-raised when unknown
        message = explain(exc)
        if message is None or os.environ.get("CCHC_TRACEBACK"):
            raise
        print(f"cchc: {message}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
