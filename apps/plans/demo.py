"""Demo step: the five seed plans, imported into their units and confirmed, communes under the province."""

from __future__ import annotations

import hashlib
from pathlib import Path

from django.conf import settings

from apps.accounts.policy import OPERATOR
from apps.orgs.models import OrgUnit
from apps.plans.models import Plan, SourceDocument
from apps.plans.services import activate_plan, read_plan_document, save_draft
from apps.system.demo import demo_step

SEEDS_DIR = Path(settings.BASE_DIR) / "fixtures" / "seeds"
PROVINCE_SEED = "002_7ac37e54dd30bcb3.txt"
SEED_UNITS = {
    "002_7ac37e54dd30bcb3.txt": "tỉnh Thanh Hóa",
    "000_60e74d9db19c0c48.txt": "xã Thường Xuân",
    "001_2d17fb29c0483998.txt": "xã Ngọc Liên",
    "003_f36111fb650658dc.txt": "xã Anh Sơn",
    "004_53c1f6fe12ac9b9f.txt": "xã Tuệ Tĩnh",
}


def _import_seed(filename: str, unit: OrgUnit) -> Plan:
    data = (SEEDS_DIR / filename).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    existing = Plan.objects.filter(
        org_unit=unit, source__in=SourceDocument.objects.filter(sha256=digest)
    ).first()
    if existing:
        return existing
    plan = save_draft(OPERATOR, unit, read_plan_document(data, filename), data, filename)
    return activate_plan(OPERATOR, plan)


@demo_step(30, "Kế hoạch CCHC mẫu (5 kế hoạch)")
def load_seed_plans() -> None:
    plans = {name: _import_seed(name, OrgUnit.objects.get(name=unit)) for name, unit in SEED_UNITS.items()}
    province = plans[PROVINCE_SEED]
    for plan in plans.values():
        if plan is province or plan.parent_id == province.pk:
            continue
        ancestors = plan.org_unit.ancestors()
        if ancestors and ancestors[-1] == province.org_unit:
            plan.parent = province
            plan.save(update_fields=["parent"])


# A plan typed into the XLSX template by xã Anh Sơn's officer, left as a draft: the review page shows
# each task's cell highlighted in the workbook, why no target was found, and the manual route.
TEMPLATE_DEMO = ("xã Anh Sơn", "ke-hoach-kiem-tra-cchc-2026.xlsx")
TEMPLATE_DEMO_TASKS = [
    (1, "Công tác chỉ đạo, điều hành", "Xây dựng, ban hành Kế hoạch kiểm tra công tác cải cách hành chính năm 2026",
     "Kế hoạch kiểm tra", "Công chức Văn hóa - Xã hội", None, "Quý I/2026"),
    (2, "Công tác chỉ đạo, điều hành", "Kiểm tra việc thực hiện nhiệm vụ cải cách hành chính của các công chức chuyên môn",
     "Biên bản kiểm tra", "Công chức Văn hóa - Xã hội", "Công chức Văn phòng - Thống kê", "Quý II/2026"),
    (3, "Cải cách thủ tục hành chính", "Kiểm tra việc tiếp nhận, giải quyết hồ sơ thủ tục hành chính tại Bộ phận Một cửa",
     "Báo cáo kết quả kiểm tra", "Công chức Văn phòng - Thống kê", "Bộ phận Một cửa", "Quý III/2026"),
    (4, "Cải cách chế độ công vụ", "Kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính của cán bộ, công chức",
     "Thông báo kết luận kiểm tra", "Công chức Văn hóa - Xã hội", None, "Quý III/2026"),
    (5, "Công tác chỉ đạo, điều hành", "Tổng hợp, báo cáo kết quả kiểm tra công tác cải cách hành chính",
     "Báo cáo kết quả", "Công chức Văn hóa - Xã hội", None, "Trước ngày 30/11/2026"),
]  # fmt: skip


def template_demo_bytes() -> bytes:
    """The template filled in as an officer would: tasks and the plan's header, no targets."""
    import io

    from openpyxl import load_workbook

    from core.plandoc.sheets.template import HEADER_SHEET, TASK_SHEET, template_bytes

    wb = load_workbook(io.BytesIO(template_bytes()))
    for no, area, content, product, lead, coordinating, deadline in TEMPLATE_DEMO_TASKS:
        wb[TASK_SHEET].append([no, area, content, product, lead, coordinating, deadline, None])
    header = {
        "Tên kế hoạch": "Kế hoạch kiểm tra công tác cải cách hành chính năm 2026",
        "Cơ quan ban hành": "Ủy ban nhân dân xã Anh Sơn",
        "Từ ngày": "01/01/2026",
        "Đến ngày": "31/12/2026",
    }
    for row in wb[HEADER_SHEET].iter_rows(min_row=2):
        row[1].value = header.get(row[0].value)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


@demo_step(35, "Bản nháp nhập từ tệp mẫu Excel (xã Anh Sơn, kế hoạch kiểm tra CCHC 2026)")
def load_template_draft() -> None:
    unit_name, filename = TEMPLATE_DEMO
    unit = OrgUnit.objects.filter(name=unit_name).first()
    if unit is None or Plan.objects.filter(org_unit=unit, source__filename=filename).exists():
        return
    data = template_demo_bytes()
    save_draft(OPERATOR, unit, read_plan_document(data, filename), data, filename)
