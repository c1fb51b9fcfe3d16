"""`cchc dossiers import FILE [--mapping NAME] [--dry-run] [--json]` and the catalogue commands.

    cchc dossiers import hoso-2025.csv             import a CSV/XLSX export (canonical template)
    cchc dossiers import export.xlsx --mapping "Một cửa tỉnh"   with a remembered column mapping
    cchc dossiers import hoso.csv --dry-run --json  check only; counts and row errors as JSON
    cchc dossiers procedures danh-muc.xlsx          import the procedure catalogue
    cchc dossiers template mau.xlsx                  write the canonical template (.csv or .xlsx)
    cchc dossiers rollups                            recompute every roll-up from the dossiers

The command line acts as the operator: it may import for every unit. A refused file ends with exit
status 1 and one Vietnamese sentence; row errors are reported and the other rows imported.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from apps.dossiers import catalogue, exports
from apps.dossiers.jobs import save_outcome, summary
from apps.dossiers.models import ColumnMapping, DossierImport
from apps.dossiers.pipeline import ImportRequest, SourceError, import_file
from apps.dossiers.pipeline.apply import refresh_all_rollups

ERRORS_SHOWN = 100


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


class Command(BaseCommand):
    help = "Nhập hồ sơ TTHC (CSV/XLSX), danh mục thủ tục; xuất mẫu nhập; tính lại số liệu tổng hợp."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="nhập tệp hồ sơ")
        imp.add_argument("file")
        imp.add_argument("--mapping", help="tên nguồn dữ liệu đã khai báo ánh xạ cột")
        imp.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi hồ sơ")
        imp.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
        proc = sub.add_parser("procedures", help="nhập danh mục TTHC từ tệp .xlsx")
        proc.add_argument("file")
        tpl = sub.add_parser("template", help="ghi tệp mẫu nhập hồ sơ (.csv hoặc .xlsx)")
        tpl.add_argument("out")
        sub.add_parser("rollups", help="tính lại toàn bộ số liệu tổng hợp từ hồ sơ")

    def handle(self, *args, action, **options):
        return getattr(self, f"_{action}")(**options)

    def _template(self, out, **options):
        data = exports.template_xlsx() if out.lower().endswith(".xlsx") else exports.template_csv()
        Path(out).write_bytes(data)
        self.stdout.write(f"Đã ghi mẫu nhập hồ sơ: {out}")

    def _procedures(self, file, **options):
        from apps.accounts.models import User

        operator = User.objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
        if operator is None:
            raise CommandError("Cần một tài khoản quản trị hệ thống để ghi nhật ký thay đổi danh mục.")
        try:
            result = catalogue.import_catalogue(operator, Path(file).read_bytes())
        except (OSError, ValidationError) as exc:
            raise CommandError(getattr(exc, "messages", [str(exc)])[0]) from exc
        if result.errors:
            raise CommandError("Không nhập danh mục:\n" + "\n".join(result.errors[:50]))
        self.stdout.write(f"Đã nhập danh mục: {result.created} thủ tục mới, {result.updated} cập nhật, "
                          f"{result.sectors_created} lĩnh vực mới.")  # fmt: skip

    def _rollups(self, **options):
        with transaction.atomic():
            n = refresh_all_rollups(connection)
        self.stdout.write(f"Đã tính lại số liệu tổng hợp của {n} nhóm (đơn vị, thủ tục, tháng).")

    def _import(self, file, mapping=None, dry_run=False, json=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Không có tệp {file}.")
        source = None
        if mapping:
            source = ColumnMapping.objects.filter(name=mapping).first()
            if source is None:
                names = ", ".join(ColumnMapping.objects.values_list("name", flat=True)) or "chưa có"
                raise CommandError(f"Không có nguồn dữ liệu tên “{mapping}” (đã khai báo: {names}).")
        imp = DossierImport.objects.create(
            file_name=path.name, size=path.stat().st_size, sha256=_sha256(path), mapping=source, dry_run=dry_run,
            status=DossierImport.Status.RUNNING, message="Nhập từ dòng lệnh",
        )  # fmt: skip
        request = ImportRequest(
            dry_run=dry_run,
            mapping=source.columns if source else None,
            import_id=imp.pk,
            finalize=lambda outcome: save_outcome(imp, outcome),
        )
        try:
            outcome = import_file(path, request, self._progress(json))
        except SourceError as exc:
            DossierImport.objects.filter(pk=imp.pk).update(
                status=DossierImport.Status.FAILED, message=str(exc)[:1000]
            )
            raise CommandError(str(exc)) from exc
        imp.refresh_from_db()
        if json:
            self._print_json(imp, outcome)
        else:
            self.stdout.write(summary(imp, outcome))
            for e in imp.row_errors.order_by("row", "id")[:ERRORS_SHOWN]:
                self.stdout.write(
                    f"  dòng {e.row} {e.code}: {e.column + ': ' if e.column else ''}{e.message}"
                )

    def _progress(self, quiet: bool):
        last = {"phase": None}

        def report(phase: str, done: int, total: int) -> None:
            if quiet or not sys.stderr.isatty() or phase == last["phase"]:
                return
            last["phase"] = phase
            self.stderr.write(f"… {phase}")

        return report

    def _print_json(self, imp: DossierImport, outcome) -> None:
        errors = [
            {"row": e.row, "code": e.code, "column": e.column, "message": e.message}
            for e in imp.row_errors.order_by("row", "id")[:ERRORS_SHOWN]
        ]
        data = {
            "import_id": imp.pk, "file": imp.file_name, "dry_run": imp.dry_run, "rows": outcome.rows,
            "created": outcome.created, "updated": outcome.updated, "unchanged": outcome.unchanged,
            "older": outcome.older, "duplicates": outcome.duplicates, "errors": outcome.errors,
            "error_rows": errors, "message": imp.message,
        }  # fmt: skip
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
