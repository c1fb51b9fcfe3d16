"""`cchc pakn list [--org-unit NAME] [--status S] [--json]`: petitions with their due dates."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from apps.citizen.models import Petition
from apps.reports.management.commands.report import find_unit
from core.petitions import STATUS_LABELS, Status


def rows(unit=None, status: str = "") -> list[dict]:
    qs = Petition.objects.select_related("org_unit", "agency").order_by("-received_on", "-id")
    if unit is not None:
        qs = qs.filter(org_unit_id__in=unit.subtree_ids())
    if status:
        qs = qs.filter(status=status)
    return [
        {
            "code": p.code,
            "unit": p.org_unit.name,
            "received": p.received_on.isoformat(),
            "due": p.due_on.isoformat() if p.due_on else None,
            "status": p.status,
            "status_label": STATUS_LABELS[Status(p.status)],
            "agency": p.agency.name if p.agency_id else None,
        }
        for p in qs.iterator(chunk_size=2000)
    ]


class Command(BaseCommand):
    help = "Phản ánh, kiến nghị (PAKN): `cchc pakn list [--org-unit TÊN] [--status TRẠNG_THÁI] [--json]`."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        lst = sub.add_parser(
            "list", help="liệt kê phản ánh: mã, đơn vị, ngày tiếp nhận, hạn, trạng thái, cơ quan"
        )
        lst.add_argument("--org-unit", help='đơn vị (gồm các đơn vị trực thuộc), ví dụ "xã Thường Xuân"')
        lst.add_argument("--status", help="trạng thái: " + ", ".join(s.value for s in Status))
        lst.add_argument("--json", action="store_true", help="in JSON")

    def handle(self, *args, action, org_unit=None, status=None, json=False, **options):
        if status and status not in {s.value for s in Status}:
            raise CommandError(
                f"Trạng thái không hợp lệ: {status!r}. Dùng một trong: {', '.join(s.value for s in Status)}."
            )
        unit = find_unit(org_unit) if org_unit else None
        items = rows(unit, status or "")
        if json:
            self.stdout.write(_dumps(items))
            return
        for r in items:
            due = r["due"] or "—"
            self.stdout.write(
                f"{r['code']}  {r['received']}  hạn {due:10}  {r['status_label']:34}  {r['unit']}  {r['agency'] or ''}"
            )
        self.stdout.write(f"{len(items)} phản ánh.")


def _dumps(payload) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=1)
