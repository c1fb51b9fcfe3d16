"""Task checks: who leads, what is produced, by when, and whether a task is there twice.

A task without a lead cannot be assigned, so it is an error. A missing product or deadline is worth
fixing but trackable, so it is a warning or less. When a whole plan lacks a column (no product
column in 001, no annex at all in 004) one plan-level finding says so instead of one per task: forty
identical findings would bury the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from core.checks.context import CheckContext, task_heading, task_label
from core.checks.finding import ERROR, INFO, WARNING, Finding
from core.checks.registry import check
from core.plandoc.model import AreaAssignment, TaskDraft
from core.similarity import bigrams, dice
from core.text import fold

MOSTLY = 0.8  # share of tasks lacking a field above which the plan lacks the column
DUPLICATE_RATIO = 90.0  # near-identical wording (Dice of bigrams, core.similarity)
DUPLICATE_CONTAINED = 0.95  # or: one task's phrases all in the other ...
DUPLICATE_LENGTH = 0.7  # ... and of comparable length (a short task inside a long one is a sub-task)


@check("missing_tasks", "missing_targets")
def missing_parts(ctx: CheckContext) -> Iterator[Finding]:
    if not ctx.plan.tasks:
        yield ctx.for_plan(
            "missing_tasks",
            ERROR,
            "Không đọc được nhiệm vụ nào của kế hoạch. Kiểm tra phụ lục nhiệm vụ (hoặc mục “Nhiệm vụ, "
            "giải pháp”) và nhập các nhiệm vụ trước khi theo dõi.",
        )
    if not ctx.plan.targets:
        yield ctx.for_plan(
            "missing_targets",
            WARNING,
            "Kế hoạch không có chỉ tiêu nào. Bổ sung các chỉ tiêu cụ thể (tỷ lệ hồ sơ đúng hạn, trực "
            "tuyến, mức độ hài lòng...) để theo dõi kết quả.",
        )


def _area_assignment(ctx: CheckContext, task: TaskDraft) -> AreaAssignment | None:
    for item in ctx.plan.assignments:
        if item.area == task.area and (not item.task_numbers or (task.no or "") in item.task_numbers):
            return item
    return None


@check("missing_lead")
def missing_lead(ctx: CheckContext) -> Iterator[Finding]:
    lacking = [t for t in ctx.plan.tasks if not t.lead]
    if not lacking:
        return
    if len(lacking) == len(ctx.plan.tasks) and len(lacking) > 3 and not ctx.plan.assignments:
        yield ctx.for_plan(
            "missing_lead",
            ERROR,
            f"Không nhiệm vụ nào có cơ quan chủ trì ({len(lacking)} nhiệm vụ). Giao cơ quan chủ trì cho "
            "từng nhiệm vụ, hoặc phân công theo lĩnh vực ở mục “Tổ chức thực hiện”.",
            count=len(lacking),
        )
        return
    for task in lacking:
        assignment = _area_assignment(ctx, task)
        if assignment is not None:
            continue  # the importer fills the lead from "Tổ chức thực hiện"; nothing to fix
        yield ctx.for_task(
            "missing_lead",
            ERROR,
            f"{task_heading(task)} chưa có cơ quan chủ trì. Giao một cơ quan chủ trì để "
            "theo dõi và đôn đốc được nhiệm vụ.",
            task,
        )


@check("missing_deadline")
def missing_deadline(ctx: CheckContext) -> Iterator[Finding]:
    tasks = ctx.plan.tasks
    lacking = [t for t in tasks if not (t.deadline_text or "").strip()]
    if not lacking:
        return
    if len(lacking) >= MOSTLY * len(tasks) and len(tasks) >= 5:
        annex = "phu luc" in fold(ctx.plan.source_text) and not any(t.deadline_text for t in tasks)
        hint = (
            " Văn bản có nhắc tới phụ lục nhiệm vụ nhưng không thấy thời hạn trong tài liệu đã nhập: "
            "kiểm tra xem phụ lục có bị thiếu không."
            if annex
            else ""
        )
        yield ctx.for_plan(
            "missing_deadline",
            WARNING,
            f"{len(lacking)}/{len(tasks)} nhiệm vụ không có thời hạn hoàn thành.{hint} Đặt thời hạn "
            "(hoặc ghi “Thường xuyên”) cho từng nhiệm vụ để hệ thống đôn đốc được.",
            count=len(lacking),
        )
        return
    for task in lacking:
        yield ctx.for_task(
            "missing_deadline",
            WARNING,
            f"{task_heading(task)} không có thời hạn hoàn thành. Đặt thời hạn, hoặc ghi "
            "“Thường xuyên” nếu là nhiệm vụ thường xuyên.",
            task,
        )


@check("missing_product")
def missing_product(ctx: CheckContext) -> Iterator[Finding]:
    tasks = ctx.plan.tasks
    lacking = [t for t in tasks if not t.products]
    if not lacking:
        return
    if len(lacking) >= MOSTLY * len(tasks) and len(tasks) >= 5:
        yield ctx.for_plan(
            "missing_product",
            INFO,
            f"{len(lacking)}/{len(tasks)} nhiệm vụ không nêu sản phẩm, kết quả. Nên nêu sản phẩm (văn "
            "bản, báo cáo...) để có căn cứ đánh giá hoàn thành và tài liệu kiểm chứng.",
            count=len(lacking),
        )
        return
    for task in lacking:
        yield ctx.for_task(
            "missing_product",
            INFO,
            f"{task_heading(task)} không nêu sản phẩm, kết quả. Nêu sản phẩm để có căn cứ đánh giá hoàn thành.",
            task,
        )


@check("unknown_agency")
def unknown_agency(ctx: CheckContext) -> Iterator[Finding]:
    """One finding per distinct printed name, listing the tasks that use it."""
    uses: dict[str, list[tuple[TaskDraft, str]]] = {}
    for task in ctx.plan.tasks:
        for role in ("lead", "coordinating"):
            for printed in getattr(task, role):
                if printed.strip():
                    uses.setdefault(printed.strip(), []).append((task, role))
    for printed, where in uses.items():
        resolution = ctx.resolve(printed)
        if resolution.exact:
            continue
        first = where[0][0]
        tasks = [f"{t.area}/{t.no}" for t, _ in where]
        as_lead = any(role == "lead" for _, role in where)
        if resolution.entry is not None:
            message = (
                f"Tên cơ quan “{printed}” ({len(where)} nhiệm vụ) không đúng tên trong danh mục; hệ thống "
                f"hiểu là “{resolution.entry.name}”. Sửa tên cho đúng, hoặc thêm tên này làm tên gọi khác."
            )
            yield ctx.for_task(
                "unknown_agency", INFO, message, first, tasks=tasks, agency=resolution.entry.key
            )
            continue
        guess = ""
        if resolution.candidates:
            guess = f" Gần nhất: “{resolution.candidates[0][0].name}”."
        message = (
            f"Không nhận ra cơ quan “{printed}” ({len(where)} nhiệm vụ).{guess} Chọn cơ quan đúng trong "
            "danh mục, hoặc thêm cơ quan này vào danh mục của đơn vị."
        )
        yield ctx.for_task("unknown_agency", WARNING if as_lead else INFO, message, first, tasks=tasks)


def _keys(ctx: CheckContext, names: list[str]) -> set[str]:
    keys = set()
    for name in names:
        resolution = ctx.resolve(name)
        keys.add(resolution.entry.key if resolution.entry else fold(name))
    return keys


_ROLE_WORDS = re.compile(r"\s+(?:chủ\s+trì|phụ\s+trách|thực\s+hiện|tham\s+mưu)\b.*$", re.IGNORECASE)


@check("lead_conflict")
def lead_conflict(ctx: CheckContext) -> Iterator[Finding]:
    """Only assignments naming task numbers are compared: an area-wide assignment names the agency
    that coordinates and reports on the area, and other agencies may well lead some of its tasks."""
    for task in ctx.plan.tasks:
        if not task.lead:
            continue
        named = [
            item
            for item in ctx.plan.assignments
            if item.task_numbers and item.area == task.area and (task.no or "") in item.task_numbers
        ]
        if not named:
            continue
        agencies = list(dict.fromkeys(_ROLE_WORDS.sub("", item.agency).strip() for item in named))
        if _keys(ctx, agencies) & _keys(ctx, task.lead):
            continue
        message = (
            f"{task_heading(task)}: phụ lục giao “{'; '.join(task.lead)}” chủ trì, nhưng mục “Tổ chức thực hiện” "
            f"giao “{'; '.join(agencies)}”. Thống nhất một cơ quan chủ trì."
        )
        yield ctx.for_task("lead_conflict", WARNING, message, task, assigned=agencies, span=named[0].span)


def _duplicates(a: str, b: str) -> bool:
    """Same task twice: near-identical, or one is the other plus a sentence.

    Containment matters more than overall likeness: "khảo sát mức độ hài lòng về dịch vụ y tế
    công" and "... giáo dục công lập" share most words yet are two tasks, because each has phrases
    of its own; bigrams (core.similarity) keep those phrases apart.
    """
    ga, gb = bigrams(a), bigrams(b)
    if not ga or not gb or min(len(ga), len(gb)) < DUPLICATE_LENGTH * max(len(ga), len(gb)):
        return False
    contained = len(ga & gb) / min(len(ga), len(gb))
    return contained >= DUPLICATE_CONTAINED or dice(a, b) >= DUPLICATE_RATIO


@check("duplicate_task")
def duplicate_task(ctx: CheckContext) -> Iterator[Finding]:
    texts = [t.content for t in ctx.plan.tasks]
    for j, task in enumerate(ctx.plan.tasks):
        for i in range(j):
            if not _duplicates(texts[i], texts[j]):
                continue
            score = dice(texts[i], texts[j])
            other = ctx.plan.tasks[i]
            message = (
                f"{task_heading(task)} trùng nội dung với {task_label(other)} (giống "
                f"{score:.0f}%). Gộp thành một nhiệm vụ, hoặc sửa cho rõ phần việc khác nhau."
            )
            yield ctx.for_task(
                "duplicate_task", WARNING, message, task, other_area=other.area, other_no=other.no
            )
            break
