"""What a column header or a field label means: one vocabulary for tables and labelled text.

A plan says who leads a task and by when either in an annex column ("Cơ quan chủ trì", "Thời gian
thực hiện") or in a labelled line under the task ("- Cơ quan chủ trì: …", "Thời hạn ban hành: …",
"a) Nhiệm vụ: … b) Cơ quan thực hiện: …"). The words are the same, so both are read here, by meaning:

    no           TT, STT, Số thứ tự
    content      Nội dung, Nhiệm vụ, Tên nhiệm vụ, Giải pháp, Chỉ tiêu, Tên văn bản, Hoạt động
    lead         Cơ quan/Đơn vị chủ trì, Chủ trì, Cơ quan/Đơn vị thực hiện, Trách nhiệm thực hiện
    coordinating Phối hợp, Cơ quan/Đơn vị phối hợp
    deadline     Thời gian, Thời hạn, Tiến độ, Thời điểm, Mốc hoàn thành
    products     Sản phẩm, Kết quả (dự kiến, đầu ra), Hình thức văn bản
    notes        Ghi chú
    funding      Kinh phí, Nguồn kinh phí, Dự toán (read, never a task field)
"""

from __future__ import annotations

import re

from core.plandoc.extract.textutil import fold

ROLES = ("no", "content", "products", "lead", "coordinating", "deadline", "notes")
_LEAD = re.compile(
    r"(co quan|don vi|bo phan|cong chuc|can bo|nguoi|phong|ca nhan) (thuc hien|trach nhiem|chiu trach nhiem)"
)


def role_of(text: str) -> str | None:
    """The role a header or label names, or None when it names none of them."""
    folded = fold(text).strip(" .:*")
    if not folded:
        return None
    if folded in ("tt", "stt", "so tt", "so thu tu", "thu tu", "muc") or folded.startswith(("stt ", "tt ")):
        return "no"
    if "kinh phi" in folded or folded.startswith(("du toan", "nguon von")):
        return "funding"
    if any(w in folded for w in ("thoi gian", "thoi han", "tien do", "thoi diem", "moc ", "han hoan thanh")):
        return "deadline"
    if "phoi hop" in folded:
        return "coordinating"
    if (
        "chu tri" in folded
        or "phu trach" in folded
        or _LEAD.search(folded)
        or folded.startswith("trach nhiem")
    ):
        return "lead"
    if "soan thao" in folded or "tham muu" in folded:
        return "lead"  # legislative plans: the drafting body does the work
    if any(word in folded for word in ("tham tra", "tham dinh", "y kien")):
        return "coordinating"  # the body that reviews the draft or gives its opinion
    if folded in ("co quan trinh", "don vi trinh"):
        return None  # the body that formally submits; the drafting body is the lead
    if "san pham" in folded or "ket qua" in folded or "hinh thuc van ban" in folded or folded == "ho so":
        return "products"
    if "ghi chu" in folded or "yeu cau" in folded:
        return "notes"
    content_words = ("noi dung", "nhiem vu", "cong viec", "hoat dong", "giai phap", "chi tieu", "ten van ban")
    if any(word in folded for word in content_words) or folded in ("ten de an", "ten du an", "van ban"):
        return "content"
    return None


# A field label as officials print it, at the start of a line or after ";"/"." inside a paragraph.
# The role is decided by ``role_of`` on the label words; this pattern only finds candidates.
_LABEL_WORDS = (
    r"nội dung(?: thực hiện| công việc| chính| cụ thể)?",
    r"nhiệm vụ",
    r"(?:cơ quan|đơn vị|bộ phận)(?: chủ trì| phối hợp| thực hiện| chịu trách nhiệm)(?: thực hiện)?",
    r"chủ trì(?: thực hiện)?",
    r"phối hợp(?: thực hiện)?",
    r"trách nhiệm thực hiện",
    r"thời gian(?: thực hiện| hoàn thành| triển khai)?",
    r"thời hạn(?: thực hiện| hoàn thành| ban hành| trình| báo cáo| gửi)?",
    r"tiến độ(?: thực hiện| hoàn thành)?",
    r"sản phẩm(?: đầu ra| dự kiến| chủ yếu)?",
    r"kết quả(?: dự kiến| đầu ra)?",
    r"(?:nguồn )?kinh phí(?: thực hiện)?",
    r"ghi chú",
)
LABEL = re.compile(r"(?i)(?<![\w])(" + "|".join(_LABEL_WORDS) + r")\s*:\s*")
_LEADING_MARK = re.compile(r"^\s*(?:[-–—+•*]|[a-zđ]\)|\d{1,2}[.)])?\s*")


def leading_label(text: str) -> tuple[str, str] | None:
    """``("lead", "Sở X")`` when ``text`` opens with a field label ("Cơ quan chủ trì: Sở X")."""
    body = _LEADING_MARK.sub("", text, count=1)
    match = LABEL.match(body)
    if not match:
        return None
    role = role_of(match.group(1))
    return (role, body[match.end() :].strip()) if role else None


def inline_fields(text: str) -> list[tuple[str | None, str, int]]:
    """Split a paragraph at the labels it carries: [(role, value, offset)], the text before the
    first label with role None ("Rà soát …; cơ quan chủ trì: Sở Tư pháp; thời hạn: Quý II/2025")."""
    cuts = []
    for match in LABEL.finditer(text):
        before = text[: match.start()].rstrip()
        at_boundary = not before or before[-1] in ".;:-–+•)" or before.endswith((" -", " +"))
        if at_boundary:
            cuts.append(match)
    if not cuts:
        return [(None, text, 0)]
    out: list[tuple[str | None, str, int]] = []
    head = text[: cuts[0].start()].strip(" ;.-–+")
    if head:
        out.append((None, head, 0))
    for index, match in enumerate(cuts):
        end = cuts[index + 1].start() if index + 1 < len(cuts) else len(text)
        value = text[match.end() : end].strip().rstrip(";").strip()
        value = re.sub(r"[\s;.\-–+]+$", "", value) if value.endswith((" -", " +", ";")) else value
        out.append((role_of(match.group(1)), value, match.end()))
    return out
