"""Build the follow-up benchmark world: a province of 200 communes, each with a 60-task plan.

    .venv/bin/python bench/tracking_data.py [--communes 200] [--dir /tmp/cchc-bench-tracking]

Each commune has 8 agencies (head and staff each), an officer and a leader; its 2025 plan has 60
tasks over the seven areas, each led by one agency with another coordinating, and 13 milestones
per task (monthly reports plus a final one): 200 x 60 x 13 = 156,000 milestones. Progress as of
AS_OF: most past milestones accepted (some late), some waiting, about one in ten never reported.
The database is a throwaway SQLite file in --dir (reused when already built) unless DATABASE_URL
is set, which is then used as given (point it at an empty database).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

AS_OF = date(2025, 11, 25)
DEFAULT_DIR = Path("/tmp/cchc-bench-tracking")
AREAS = ["chi_dao", "the_che", "tthc", "bo_may", "cong_vu", "tai_chinh", "chinh_quyen_so"]
AGENCIES = ["Văn phòng HĐND và UBND", "Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Trung tâm Phục vụ hành chính công",
            "Công an xã", "Ban Chỉ huy Quân sự", "Phòng Tài chính", "Trạm Y tế"]  # fmt: skip
MARKER = "bench-tracking-built"


def setup(directory: Path = DEFAULT_DIR) -> Path:
    """Point Django at the throwaway database (or DATABASE_URL), migrate it, and set it up."""
    directory.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("CCHC_VAR_DIR", str(directory))
    os.environ["CCHC_VAR_DIR"] = str(directory)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cchc.settings")
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return directory


def _months(year: int) -> list[date]:
    from calendar import monthrange

    return [date(year, m, monthrange(year, m)[1]) for m in range(1, 13)]


def build_commune(province, n: int, users: list) -> int:
    from apps.accounts.models import Membership, User
    from apps.orgs.models import Agency, OrgUnit
    from apps.plans.models import Milestone, Plan, Task, TaskAgency

    unit = OrgUnit.objects.create(name=f"xã Thử Nghiệm {n:03d}", level="commune", parent=province)
    agencies = Agency.objects.bulk_create(Agency(org_unit=unit, name=name) for name in AGENCIES)
    people = User.objects.bulk_create(
        [User(username=f"x{n:03d}_{role}_{i}", full_name=f"Cán bộ {n}-{i}", email=f"x{n}{role}{i}@bench.invalid")
         for i in range(len(agencies)) for role in ("head", "staff")]
        + [User(username=f"x{n:03d}_officer"), User(username=f"x{n:03d}_leader")]
    )  # fmt: skip
    rows = [Membership(user=people[2 * i + k], org_unit=unit, agency=a, role=("head", "staff")[k])
            for i, a in enumerate(agencies) for k in (0, 1)]  # fmt: skip
    rows += [Membership(user=people[-2], org_unit=unit, agency=agencies[2], role="officer"),
             Membership(user=people[-1], org_unit=unit, role="leader")]  # fmt: skip
    Membership.objects.bulk_create(rows)
    users.append((people[1], people[-2], unit))
    plan = Plan.objects.create(org_unit=unit, title=f"Kế hoạch CCHC năm 2025 xã {n}", period_start=date(2025, 1, 1),
                               period_end=date(2025, 12, 31), status=Plan.Status.ACTIVE)  # fmt: skip
    tasks = Task.objects.bulk_create(
        Task(plan=plan, position=i, no=str(i + 1), area=AREAS[i % 7], content=f"Nhiệm vụ {i + 1}: triển khai nội dung CCHC số {i + 1}",
             deadline_text="Định kỳ hằng tháng")
        for i in range(60)
    )  # fmt: skip
    links = []
    for i, t in enumerate(tasks):
        links.append(TaskAgency(task=t, role="lead", printed=AGENCIES[i % 8], agency=agencies[i % 8]))
        links.append(
            TaskAgency(
                task=t, role="coordinating", printed=AGENCIES[(i + 3) % 8], agency=agencies[(i + 3) % 8]
            )
        )
    TaskAgency.objects.bulk_create(links)
    milestones, k = [], n * 1000
    for t in tasks:
        for due in [*_months(2025), date(2025, 12, 15)]:
            k += 1
            status = ""
            submitted = None
            if due < AS_OF:
                status = "" if k % 10 == 0 else "submitted" if k % 17 == 0 else "accepted"
                submitted = None if not status else due if k % 6 else date.fromordinal(due.toordinal() + 4)
            milestones.append(Milestone(task=t, label=f"Báo cáo tháng {due.month}", kind="recurring", due=due,
                                        report_status=status, submitted_on=submitted))  # fmt: skip
    Milestone.objects.bulk_create(milestones, batch_size=2000)
    return len(milestones)


def build(communes: int = 200) -> dict:
    from django.db import transaction

    from apps.orgs.models import OrgUnit
    from apps.plans.models import Milestone

    if OrgUnit.objects.filter(name="tỉnh Thử Nghiệm", code=MARKER).exists():
        return {"built": False, "milestones": Milestone.objects.count()}
    started, total, users = time.perf_counter(), 0, []
    with transaction.atomic():
        province = OrgUnit.objects.create(name="tỉnh Thử Nghiệm", level="province", code="building")
        for n in range(communes):
            total += build_commune(province, n, users)
        _province_people(province)
        OrgUnit.objects.filter(pk=province.pk).update(code=MARKER)
    return {"built": True, "milestones": total, "seconds": round(time.perf_counter() - started, 1)}


def _province_people(province) -> None:
    from apps.accounts.models import Membership, User
    from apps.orgs.models import Agency

    snv = Agency.objects.create(org_unit=province, name="Sở Nội vụ")
    officer = User.objects.create(username="tinh_officer")
    Membership.objects.create(user=officer, org_unit=province, agency=snv, role="officer")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communes", type=int, default=200)
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    args = parser.parse_args()
    setup(args.dir)
    result = build(args.communes)
    print(
        f"Dữ liệu: {result['milestones']:,} mốc"
        + (f", tạo trong {result['seconds']} s" if result["built"] else " (đã có sẵn)")
    )


if __name__ == "__main__":
    main()
