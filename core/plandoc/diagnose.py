"""Why a plan came out with no task or no target: "never a silent zero".

An official who uploads a document and sees "0 nhiệm vụ" needs to know whether the reader failed or
the document holds no tasks, and what to do next. This module reads the same structure extraction
reads (the outline's top headings, the header rows of the tables) and says, in Vietnamese:

* what kind of document it is, when it plainly is not a plan (a decree, a notice, a report);
* which sections were seen, and whether one of them should have held the tasks or targets;
* which tables were seen whose header row names no known column (and which columns it did name);
* the manual routes: the XLSX task template, and pasting rows from Excel on the review page.

It only reads: ``logical_units``/``build_outline`` for the outline and ``role_of`` for column
meaning, so it says what extraction could see, in extraction's own vocabulary.
"""

from __future__ import annotations

from core.plandoc.document import Document, Table
from core.plandoc.extract.agencies import is_body
from core.plandoc.extract.outline import Node, build_outline, find_targets_sections
from core.plandoc.extract.roles import role_of
from core.plandoc.extract.tasks import header_roles
from core.plandoc.extract.units import Unit, logical_units, parse_marker
from core.plandoc.model import PlanDraft
from core.text import collapse, fold

# Every diagnosis warning opens with one of these, so a page can drop the ones that no longer hold
# (``current_warnings``) once the official has added the missing rows by hand.
NO_TASKS = "Không tìm thấy nhiệm vụ nào"
NO_TARGETS = "Không tìm thấy chỉ tiêu nào"
MANUAL_ROUTE = (
    "Nhập bằng tay: tải tệp mẫu Excel, điền nhiệm vụ, chỉ tiêu rồi tải lên (hoặc lệnh "
    "cchc import-plan TỆP.xlsx); hoặc dán các dòng sao chép từ Excel vào bảng trên trang rà soát bản nháp."
)

# Column meanings in the words of the template, to tell the official which columns were recognised.
ROLE_LABELS = {
    "no": "STT",
    "content": "Nội dung",
    "products": "Sản phẩm",
    "lead": "Cơ quan chủ trì",
    "coordinating": "Cơ quan phối hợp",
    "deadline": "Thời hạn",
    "notes": "Ghi chú",
    "funding": "Kinh phí",
}
TASK_COLUMNS_HINT = "Nội dung/Nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Thời hạn, Sản phẩm, Ghi chú"

# Kinds of document by the heading printed under the letterhead (folded). Plans, directives,
# programmes and the decisions or resolutions that issue them may hold tasks; the others do not
# assign work to be followed up, and an official who uploads one should be told so.
_PLAN_KINDS = ("ke hoach", "chi thi", "chuong trinh", "de an", "quyet dinh", "nghi quyet", "cong dien")
_OTHER_KINDS = {
    "nghi dinh": "Nghị định",
    "thong tu": "Thông tư",
    "luat": "Luật",
    "phap lenh": "Pháp lệnh",
    "thong bao": "Thông báo",
    "bao cao": "Báo cáo",
    "to trinh": "Tờ trình",
    "bien ban": "Biên bản",
    "giay moi": "Giấy mời",
    "huong dan": "Hướng dẫn",
}
_HEAD_UNITS = 40
_MAX_SECTIONS = 10
_MAX_TABLES = 5
_SECTION_CHARS = 90
# Unmarked headings of legal texts: parts ("Chương I", "Phần thứ hai", "Phụ lục") and articles
# ("Điều 3. Giải thích từ ngữ"), the latter shown only when the text numbers nothing else.
_PART_HEADS = ("chuong ", "phan thu", "phu luc")
_ARTICLE_HEADS = ("dieu ", "muc ")
_TASK_WORDS = ("nhiem vu", "giai phap", "noi dung", "to chuc thuc hien", "trach nhiem", "phan cong")


def diagnose(doc: Document, draft: PlanDraft) -> list[str]:
    """Warnings that explain a missing part of ``draft`` read from ``doc`` (empty when none is missing
    and the document is a plan)."""
    units = logical_units(doc)
    root = build_outline(units)
    warnings: list[str] = []
    kind = document_kind(units, draft.title)
    if kind is not None:
        warnings.append(_not_a_plan(kind, bool(draft.tasks)))
    sections = top_sections(root, units)
    if not draft.tasks:
        warnings.append(_no_tasks(sections))
        warnings.extend(_table_warnings(doc))
    if not draft.targets:
        warnings.append(_no_targets(root, sections))
    if not draft.tasks or not draft.targets:
        warnings.append(MANUAL_ROUTE)
    return warnings


def current_warnings(warnings: list[str], has_tasks: bool, has_targets: bool) -> list[str]:
    """``warnings`` without the diagnoses that rows added since have answered."""
    out = []
    for warning in warnings:
        if has_tasks and warning.startswith(NO_TASKS):
            continue
        if has_targets and warning.startswith(NO_TARGETS):
            continue
        if has_tasks and has_targets and warning == MANUAL_ROUTE:
            continue
        out.append(warning)
    return out


# -- what kind of document ------------------------------------------------------------------------


def document_kind(units: list[Unit], title: str | None = None) -> str | None:
    """The printed name of the document's kind when it is not one that assigns tasks ("Nghị định",
    "Thông báo"), else None. Read from the kind heading under the letterhead ("NGHỊ ĐỊNH",
    "THÔNG BÁO Lịch tiếp công dân …"), or from the title's first words."""
    for unit in units[:_HEAD_UNITS]:
        kind = _kind_heading(unit.text)
        if kind is not None:
            return _OTHER_KINDS.get(kind)
    folded_title = fold(title or "")
    for kind, name in _OTHER_KINDS.items():
        if folded_title.startswith(kind + " "):
            return name
    return None


def _kind_heading(text: str) -> str | None:
    folded = fold(text).strip(" :.")
    for kind in (*_PLAN_KINDS, *_OTHER_KINDS):
        if folded == kind:
            return kind
        words = len(kind.split())
        if folded.startswith(kind + " ") and " ".join(text.split()[:words]).isupper():
            return kind
    return None


def _not_a_plan(kind: str, has_tasks: bool) -> str:
    head = (
        f"Văn bản này là {kind}, không phải kế hoạch hay chỉ thị giao nhiệm vụ; hệ thống chỉ theo dõi "
        "nhiệm vụ, chỉ tiêu của kế hoạch."
    )
    if has_tasks:
        return head + " Các nhiệm vụ đọc được dưới đây cần kiểm tra kỹ trước khi xác nhận."
    return head + " Nếu đã chọn nhầm tệp, hãy hủy bản nháp và tải lên tệp kế hoạch."


# -- sections --------------------------------------------------------------------------------------


def top_sections(root: Node, units: list[Unit]) -> list[str]:
    """The outline's top headings as printed ("I. MỤC ĐÍCH, YÊU CẦU"), in document order, with the
    unmarked headings of legal texts ("Chương I", "Phụ lục"; "Điều 1. …" when nothing is numbered)."""
    headings = [node for node in root.children if _is_section(node)]
    if len(headings) < 2:
        # A plan whose parts are "1.", "2." under one unnumbered title: look one level down.
        headings += [child for node in headings for child in node.children if _is_section(child)]
    found = [node.unit for node in headings if node.unit is not None]
    heads = _PART_HEADS if found else _PART_HEADS + _ARTICLE_HEADS
    found += [u for u in units if u.marker is None and fold(u.text[:40]).startswith(heads)]
    found.sort(key=lambda unit: unit.span.start)
    return list(dict.fromkeys(text for text in map(_printed, found) if text))


def _is_section(node: Node) -> bool:
    """A numbered heading whose first line is a title, not a sentence that absorbed what follows."""
    if node.unit is None or node.unit.marker is None or not node.is_heading:
        return False
    first = _first_line(node.unit)
    return len(first) <= 160 and first[-1:] not in ".;"


def _first_line(unit: Unit) -> str:
    return collapse(unit.lines[0].text if unit.lines else unit.text)


def _printed(unit: Unit) -> str:
    text = _first_line(unit)
    return text if len(text) <= _SECTION_CHARS else text[: _SECTION_CHARS - 1].rstrip() + "…"


def _listed(items: list[str], limit: int) -> str:
    shown = "; ".join(f"“{item}”" for item in items[:limit])
    return shown + (f" và {len(items) - limit} phần khác" if len(items) > limit else "")


def _no_tasks(sections: list[str]) -> str:
    if not sections:
        return (
            f"{NO_TASKS}: văn bản không có đề mục đánh số (I., II., 1., 2.) nào để tìm phần nhiệm vụ, "
            "cũng không có bảng nhiệm vụ hay câu giao việc cho cơ quan nào."
        )
    seen = f"{NO_TASKS}. Các phần đã thấy trong văn bản: {_listed(sections, _MAX_SECTIONS)}."
    task_parts = [s for s in sections if _may_hold_tasks(s)]
    if task_parts:
        return (
            f"{seen} Phần {_listed(task_parts, 2)} có thể chứa nhiệm vụ nhưng không đọc được: nhiệm vụ "
            "cần là các mục đánh số (1., 2., a), b)) nêu cơ quan thực hiện, hoặc bảng có cột "
            f"{TASK_COLUMNS_HINT}."
        )
    return f"{seen} Không có phần nhiệm vụ, giải pháp, tổ chức thực hiện hay phụ lục nhiệm vụ."


def _may_hold_tasks(section: str) -> bool:
    """A part titled as tasks or organisation, or one agency's duties ("2. Sở Nội vụ")."""
    body = parse_marker(section)
    title = section[body.end :].strip() if body else section
    return any(word in fold(title) for word in _TASK_WORDS) or is_body(title)


def _no_targets(root: Node, sections: list[str]) -> str:
    found = find_targets_sections(root)
    if found:
        names = [_printed(node.unit) for node in found if node.unit is not None]
        return (
            f"{NO_TARGETS}: có phần {_listed(names, 2)} nhưng không mục nào trong đó nêu một chỉ tiêu "
            "(ví dụ “100% hồ sơ được giải quyết đúng hạn”)."
        )
    return (
        f"{NO_TARGETS}: văn bản không có phần “Mục tiêu” hay “Chỉ tiêu”. Nếu kế hoạch có chỉ tiêu, "
        "hãy nhập thêm bằng tay."
    )


# -- tables -----------------------------------------------------------------------------------------


def _table_warnings(doc: Document) -> list[str]:
    """One warning per table whose header row the task reader could not use."""
    warnings: list[str] = []
    tables = [block for block in doc.blocks if isinstance(block, Table)]
    for number, table in enumerate(tables, start=1):
        if any(header_roles(row.cells) for row in table.rows[:3]):
            continue  # a task header: the rows below it were read (and held no task)
        header = header_cells(table)
        if header is None:
            continue
        roles = [role_of(cell) for cell in header]
        shown = " | ".join(cell or "(trống)" for cell in header)
        where = f"{NO_TASKS} trong bảng {number} (dòng tiêu đề “{shown}”)"
        named = [ROLE_LABELS[r] for r in dict.fromkeys(r for r in roles if r)]
        unknown = [cell for cell, role in zip(header, roles, strict=True) if cell and role is None]
        if not named:
            warnings.append(
                f"{where}: không cột nào được nhận ra là cột của bảng nhiệm vụ ({TASK_COLUMNS_HINT})."
            )
        else:
            missing = "" if "content" in roles else " Thiếu cột nội dung nhiệm vụ (Nội dung/Nhiệm vụ)."
            others = f"; không nhận ra: {', '.join(f'“{c}”' for c in unknown)}" if unknown else ""
            warnings.append(f"{where}: chỉ nhận ra cột {', '.join(named)}{others}.{missing}")
        if len(warnings) == _MAX_TABLES:
            break
    return warnings


def header_cells(table: Table) -> list[str] | None:
    """The header row of a table that could list tasks: the first of its first three rows naming a
    known column, else its first row with text. None for layout tables (the two-column header and
    signature blocks of Word documents) and empty ones."""
    rows = [[collapse(cell.text) for cell in row.cells] for row in table.rows[:3]]
    rows = [row for row in rows if sum(1 for cell in row if cell) >= 2]
    if not rows or max(len(row) for row in rows) < 3:
        return None
    for row in rows:
        if any(role_of(cell) for cell in row if cell):
            return row
    return rows[0]
