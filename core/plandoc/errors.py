"""Errors a plan document can raise while being read, with a message an official can act on.

The web view shows ``PlanDocError.message`` as is, so it is one Vietnamese sentence telling the
official what is wrong with the file and what to upload instead; ``code`` is the stable key that
code, logs and tests rely on (messages may be reworded, codes may not).
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "empty": "Tệp tải lên trống, không có nội dung.",
    "not_a_plan": "Tệp không có nội dung của một kế hoạch cải cách hành chính.",
    "scanned_pdf": (
        "Tệp PDF là bản quét (ảnh), không có lớp văn bản; cần bản có lớp văn bản "
        "(PDF xuất từ Word) hoặc tệp .docx."
    ),
    # Raised by ``read_document(..., ocr=False)``: the file needs the slow OCR path.
    "needs_ocr": "Tệp là bản quét (ảnh); hệ thống cần nhận dạng chữ (OCR), việc này có thể mất tới một phút.",
    "encrypted": "Tệp được đặt mật khẩu; vui lòng gỡ mật khẩu rồi tải lên lại.",
    "corrupt": "Tệp bị hỏng hoặc không đọc được; vui lòng lưu lại tệp và tải lên lại.",
    "macros": "Tệp có chứa macro (.docm); vui lòng lưu lại dưới dạng .docx không có macro.",
    "too_large": "Tệp quá lớn (vượt giới hạn {limit_mb} MB); vui lòng tải lên tệp nhỏ hơn.",
    "zip_bomb": "Tệp có cấu trúc nén bất thường, hệ thống từ chối để bảo đảm an toàn.",
    "timeout": "Đọc tệp quá thời gian cho phép; vui lòng kiểm tra lại tệp hoặc tách nhỏ tệp.",
    "memory": "Đọc tệp cần quá nhiều bộ nhớ; vui lòng kiểm tra lại tệp hoặc tách nhỏ tệp.",
    "legacy_encoding": (
        "Tệp dùng bảng mã tiếng Việt cũ (TCVN3/VNI) không chuyển được sang Unicode; "
        "vui lòng chuyển mã sang Unicode (ví dụ bằng Unikey) rồi tải lên lại."
    ),
    "legacy_doc": "Tệp Word cũ (.doc) chưa được hỗ trợ; vui lòng lưu lại dưới dạng .docx rồi tải lên.",
    "unsupported_type": (
        "Định dạng tệp không được hỗ trợ; vui lòng tải lên tệp .docx, .doc, .odt, .pdf, .txt "
        "hoặc ảnh quét (.png, .jpg, .tif)."
    ),
    # The programs for scans and old Word files are optional on a server (core.plandoc.tools).
    "ocr_unavailable": (
        "Tệp là bản quét (ảnh), cần nhận dạng chữ (OCR) tiếng Việt, nhưng máy chủ chưa cài công cụ "
        "OCR. Quản trị viên cài bằng một lệnh: {command}"
    ),
    "office_unavailable": (
        "Tệp {kind} cần LibreOffice để chuyển sang .docx, nhưng máy chủ chưa cài. "
        "Quản trị viên cài bằng một lệnh: {command} (hoặc lưu tệp dưới dạng .docx rồi tải lên)."
    ),
    "scan_unreadable": (
        "Bản quét quá mờ hoặc không rõ chữ, không nhận dạng được (độ tin cậy {confidence}%); "
        "vui lòng quét lại rõ hơn (300 dpi, thẳng trang) hoặc tải lên tệp .docx."
    ),
    "too_many_pages": (
        "Bản quét có {pages} trang, vượt giới hạn {limit} trang đọc bằng nhận dạng chữ; "
        "vui lòng tách tệp hoặc tải lên tệp .docx."
    ),
    "conversion_failed": (
        "Không chuyển được tệp {kind} sang .docx (tệp hỏng hoặc có mật khẩu); "
        "vui lòng mở tệp bằng Word và lưu lại dưới dạng .docx."
    ),
}


class PlanDocError(Exception):
    """A document the importer refuses to read, with the reason for the official.

    ``code`` is one of ``MESSAGES``; ``message`` is the Vietnamese sentence to show; ``detail`` is
    technical context for logs only (never shown to officials, may be English).
    """

    def __init__(self, code: str, message: str | None = None, *, detail: str = "", **params: object):
        template = message or MESSAGES.get(code) or MESSAGES["corrupt"]
        try:
            text = template.format(**params) if params else template
        except (KeyError, IndexError):
            text = template
        super().__init__(text)
        self.code = code
        self.message = text
        self.detail = detail

    def __repr__(self) -> str:
        return f"PlanDocError({self.code!r}, {self.message!r})"

    def __reduce__(self):  # picklable across the sandbox's process boundary
        return (_rebuild, (self.code, self.message, self.detail))


def _rebuild(code: str, message: str, detail: str) -> PlanDocError:
    return PlanDocError(code, message, detail=detail)


ROWS_MESSAGE = "Có dòng chưa đúng nên chưa nhập gì; vui lòng sửa các dòng dưới đây rồi nhập lại."


class RowErrors(PlanDocError):
    """Rows of a sheet (or of a paste) that cannot be read, one message each: nothing is imported.

    ``message`` is the one-line summary; ``rows`` are the messages an official fixes the file by
    ("Trang “Nhiệm vụ”, dòng 5: thiếu nội dung nhiệm vụ."), at most ``MAX_LISTED`` plus a count.
    """

    MAX_LISTED = 50

    def __init__(self, rows: list[str]):
        super().__init__("bad_rows", ROWS_MESSAGE, detail=f"{len(rows)} bad rows")
        listed = list(rows[: self.MAX_LISTED])
        if len(rows) > self.MAX_LISTED:
            listed.append(f"… và {len(rows) - self.MAX_LISTED} dòng khác.")
        self.rows = listed

    def __reduce__(self):
        return (_rebuild_rows, (self.rows,))


def _rebuild_rows(rows: list[str]) -> RowErrors:
    error = RowErrors([])
    error.rows = rows
    return error
