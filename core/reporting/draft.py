"""The first draft of a report's narrative, written from the facts, for the official to rewrite.

The system states what it knows (counts, reported results, targets met or not) and leaves the
judgments to people: where a cause or a proposal needs a person, the draft says so in brackets
instead of inventing one. What is missing (no plan, no reports, no indicator values) is said plainly
in ``missing_statements``, and the document prints it where the facts would have been.
"""

from __future__ import annotations

from core.plandoc.model import AREAS
from core.reporting.data import RESULT_AREAS, Narrative, ReportData, TaskFact
from core.reporting.facts import TaskState, count_sentence, count_tasks
from core.reporting.targets import VERDICT_LABELS, Verdict, number, target_text
from core.text import capitalise_lines

PLACEHOLDER = "[Đề nghị chuyên viên bổ sung]"
MAX_RESULTS = 8  # reported results quoted per area in the draft; the annex lists them all


def _one_line(text: str) -> str:
    """The text on one line, in full: a report sent upward never cuts a task's name or its result
    mid-sentence (the document wraps long lines; the official shortens them if they wish)."""
    return " ".join(text.split())


def _lines(lines: list[str]) -> str:
    """Paragraphs of the draft, each starting with a capital letter whatever part comes first."""
    return capitalise_lines("\n".join(lines))


def area_paragraph(tasks: list[TaskFact], unit: str) -> str:
    """One reform area: its counts, then the results agencies reported."""
    if not tasks:
        return "Kế hoạch không có nhiệm vụ thuộc lĩnh vực này."
    lines = [f"Trong kỳ, {unit} {count_sentence(count_tasks(tasks))}."]
    reported = [t for t in tasks if t.result]
    for t in reported[:MAX_RESULTS]:
        lines.append(f"- {_one_line(t.content)}: {_one_line(t.result)}")
    if len(reported) > MAX_RESULTS:
        lines.append(f"- Và {len(reported) - MAX_RESULTS} nhiệm vụ khác (chi tiết tại Phụ lục).")
    if not reported:
        lines.append("Chưa có cơ quan nào gửi báo cáo kết quả thực hiện các nhiệm vụ của lĩnh vực này.")
    return _lines(lines)


def indicator_lines(data: ReportData, verdicts: set[str]) -> list[str]:
    out = []
    for i in data.indicators:
        if i.verdict in verdicts:
            out.append(
                f"- {i.name}: {number(i.value, i.unit)} (chỉ tiêu {target_text(i.comparator, i.target_value, i.unit)}"
                f", {VERDICT_LABELS[i.verdict].lower()})."
            )
    return out


def draft_narrative(data: ReportData) -> Narrative:
    by_area: dict[str, list[TaskFact]] = {code: [] for code in AREAS}
    for t in data.tasks:
        by_area.setdefault(t.area, []).append(t)
    unit = data.unit_name
    c = count_tasks(data.tasks)
    direction = area_paragraph(by_area.get("chi_dao", []), unit) if data.tasks else ""
    if data.plans:
        direction = f"{unit} ban hành và triển khai: {'; '.join(data.plans)}.\n" + direction
    achievements = [f"Tính đến ngày chốt số liệu, {unit} {count_sentence(c)}."] if data.tasks else []
    achievements += indicator_lines(data, {Verdict.MET})
    overdue = [t for t in data.tasks if t.state == TaskState.OVERDUE]
    limitations = [f"- Còn {len(overdue)} nhiệm vụ quá hạn chưa hoàn thành:"] if overdue else []
    limitations += [
        f"  + {_one_line(t.content)} ({', '.join(t.lead) or 'chưa rõ cơ quan chủ trì'})" for t in overdue[:10]
    ]
    limitations += indicator_lines(data, {Verdict.NOT_MET})
    limitations += [f"- {m}" for m in data.missing]
    upcoming = [
        t for t in data.tasks if t.state in (TaskState.IN_PROGRESS, TaskState.NOT_STARTED, TaskState.OVERDUE)
    ]
    next_tasks = (
        ["Tiếp tục triển khai các nhiệm vụ còn lại của kế hoạch, trong đó tập trung:"] if upcoming else []
    )
    next_tasks += [f"- {_one_line(t.content)}" for t in upcoming[:10]]
    return Narrative(
        direction=capitalise_lines(direction) or PLACEHOLDER,
        areas={code: area_paragraph(by_area.get(code, []), unit) for code in RESULT_AREAS},
        achievements=_lines(achievements) or PLACEHOLDER,
        limitations=_lines(limitations) or PLACEHOLDER,
        causes=PLACEHOLDER,
        next_tasks=_lines(next_tasks) or PLACEHOLDER,
        proposals=PLACEHOLDER,
    )


def missing_statements(
    *, has_plan: bool, n_tasks: int, n_reported: int, n_indicators: int, n_values: int, period_label: str
) -> list[str]:
    """What the system cannot say, in plain words (the report prints these instead of failing)."""
    out = []
    if not has_plan:
        out.append(
            "Đơn vị chưa có kế hoạch CCHC đang thực hiện trên hệ thống trong kỳ này: "
            "chưa có số liệu về nhiệm vụ."
        )
    elif not n_tasks:
        out.append("Kế hoạch CCHC của đơn vị chưa có nhiệm vụ nào trên hệ thống.")
    elif not n_reported:
        out.append(
            f"Chưa có cơ quan nào gửi báo cáo tiến độ cho {n_tasks} nhiệm vụ của kế hoạch tính đến ngày "
            "chốt số liệu: tình trạng nhiệm vụ chỉ dựa vào thời hạn."
        )
    elif n_reported < n_tasks:
        out.append(f"{n_tasks - n_reported}/{n_tasks} nhiệm vụ chưa có báo cáo tiến độ nào.")
    if n_indicators and not n_values:
        out.append(f"Chưa nhập số liệu chỉ số nào cho kỳ {period_label}: chưa đánh giá được các chỉ tiêu.")
    elif n_values < n_indicators:
        out.append(f"{n_indicators - n_values}/{n_indicators} chỉ tiêu chưa có số liệu kỳ {period_label}.")
    return out
