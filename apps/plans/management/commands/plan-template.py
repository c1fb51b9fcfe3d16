"""`cchc plan-template [FILE]`: write the XLSX template for typing a plan's tasks and targets by hand."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.plandoc.sheets.template import FILENAME, template_bytes


class Command(BaseCommand):
    help = "Ghi tệp mẫu Excel để nhập nhiệm vụ, chỉ tiêu của kế hoạch bằng tay (đọc lại bằng cchc import-plan TỆP.xlsx)."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=FILENAME, help=f"tệp ghi ra (mặc định {FILENAME})")

    def handle(self, *args, file: str, **options):
        path = Path(file)
        if path.suffix.lower() != ".xlsx":
            raise CommandError("Tên tệp mẫu phải có phần mở rộng .xlsx.")
        if not path.parent.is_dir():
            raise CommandError(f"Không có thư mục {path.parent}.")
        path.write_bytes(template_bytes())
        self.stderr.write(
            f"Đã ghi tệp mẫu {path}: điền trang “Nhiệm vụ”, “Chỉ tiêu”, “Thông tin chung” rồi nhập bằng cchc import-plan {path.name} --json."
        )
