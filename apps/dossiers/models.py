"""The one-stop dossier register: procedure catalogue, dossiers, their imports and roll-ups.

A ``Dossier`` (hồ sơ TTHC) carries what the QĐ 766 indicators need, one field per field of the
national sync payload (the national name is in each verbose name and in
``core.dossiers.fields``). ``code`` is the national ``MaHoSo``: importing the same code again
updates the dossier, never duplicates it.

Dossiers arrive by the million (a province's year), so the table is shaped for bulk writes: its
references are checked set-based by the importer, not by per-row foreign-key triggers
(``db_constraint=False``; deletion rules still apply through Django), and it has two indexes, the
code and (unit, receipt time). Figures are read from ``DossierRollup``, kept current by the import.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.dossiers.fields import Channel, Status
from core.dossiers.timeliness import DAY, HOUR, WORKING_DAY


class Sector(models.Model):
    """Lĩnh vực TTHC (hộ tịch, đất đai, ...): not the reform ``Area``."""

    code = models.CharField(_("mã lĩnh vực (MaLinhVuc)"), max_length=40, unique=True)
    name = models.CharField(_("tên lĩnh vực"), max_length=300)

    class Meta:
        verbose_name = _("lĩnh vực TTHC")
        verbose_name_plural = _("lĩnh vực TTHC")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Procedure(models.Model):
    """Thủ tục hành chính of the catalogue, with what the indicators need to judge its dossiers."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("Cấp tỉnh")
        COMMUNE = "commune", _("Cấp xã")
        BOTH = "both", _("Cấp tỉnh và cấp xã")

    class TimeUnit(models.TextChoices):
        WORKING_DAY = WORKING_DAY, _("ngày làm việc")
        DAY = DAY, _("ngày")
        HOUR = HOUR, _("giờ làm việc")

    class OnlineLevel(models.TextChoices):
        NONE = "none", _("Không có dịch vụ công trực tuyến")
        PARTIAL = "partial", _("Dịch vụ công trực tuyến một phần")
        FULL = "full", _("Dịch vụ công trực tuyến toàn trình")

    code = models.CharField(_("mã TTHC (MaTTHC)"), max_length=40, unique=True)
    name = models.CharField(_("tên thủ tục (TenTTHC)"), max_length=500)
    sector = models.ForeignKey(
        Sector, verbose_name=_("lĩnh vực"), on_delete=models.PROTECT, related_name="procedures"
    )
    level = models.CharField(_("cấp thực hiện"), max_length=10, choices=Level.choices, default=Level.COMMUNE)
    processing_time = models.DecimalField(
        _("thời hạn giải quyết"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    time_unit = models.CharField(
        _("đơn vị thời hạn"), max_length=16, choices=TimeUnit.choices, default=TimeUnit.WORKING_DAY
    )
    has_fee = models.BooleanField(_("có phí, lệ phí"), default=False)
    online_level = models.CharField(
        _("mức độ dịch vụ công trực tuyến"),
        max_length=10,
        choices=OnlineLevel.choices,
        default=OnlineLevel.NONE,
    )
    is_active = models.BooleanField(_("đang áp dụng"), default=True)

    class Meta:
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = _("thủ tục hành chính")
        ordering = ["sector__name", "name"]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    @property
    def processing_time_text(self) -> str:
        if self.processing_time is None:
            return "—"
        return f"{self.processing_time.normalize():f} {self.get_time_unit_display()}"


class CodeField(models.CharField):
    """An identifier from another system, compared byte by byte: on PostgreSQL its column has the
    "C" collation, so the unique index that every imported dossier goes through compares bytes, not
    the locale's rules for Vietnamese text (SQLite compares bytes already)."""

    def db_parameters(self, connection):
        params = super().db_parameters(connection)
        if connection.vendor == "postgresql":
            params["collation"] = "C"
        return params


def _fk(model, verbose: str, **kwargs):
    """A reference of the dossier table: checked by the importer, not by a per-row trigger."""
    kwargs.setdefault("on_delete", models.PROTECT)
    return models.ForeignKey(
        model, verbose_name=verbose, db_constraint=False, db_index=False, related_name="+", **kwargs
    )


class Dossier(models.Model):
    """Hồ sơ TTHC: one dossier of a one-stop centre, as the national sync payload describes it.

    Times are stored as instants (the exports give Vietnamese local time). ``on_time`` and
    ``processing_days`` are derived by the importer from the rules of ``core.dossiers.timeliness``:
    ``on_time`` is set for finished dossiers only (an open dossier's verdict depends on the period).
    """

    code = CodeField(_("mã hồ sơ (MaHoSo)"), max_length=60)  # unique: see Meta.constraints
    procedure = _fk(Procedure, _("thủ tục (MaTTHC)"))
    sector = _fk(Sector, _("lĩnh vực (MaLinhVuc)"))
    org_unit = _fk("orgs.OrgUnit", _("đơn vị tiếp nhận (DonVi)"))
    agency = _fk(
        "orgs.Agency", _("cơ quan xử lý (DonViXuLy)"), null=True, blank=True, on_delete=models.SET_NULL
    )
    agency_name = models.CharField(_("cơ quan xử lý ghi trong tệp"), max_length=200, blank=True)
    channel = models.PositiveSmallIntegerField(
        _("kênh thực hiện (KenhThucHien)"), choices=list(Channel.LABELS.items()), default=Channel.DIRECT
    )
    submitted_at = models.DateTimeField(_("ngày nộp (NgayNopHoSo)"), null=True, blank=True)
    received_at = models.DateTimeField(_("ngày tiếp nhận (NgayTiepNhan)"), null=True, blank=True)
    due_at = models.DateTimeField(_("ngày hẹn trả (NgayHenTra)"), null=True, blank=True)
    due_computed = models.BooleanField(_("hẹn trả tính theo thời hạn thủ tục"), default=False)
    finished_at = models.DateTimeField(_("ngày kết thúc xử lý (NgayKetThucXuLy)"), null=True, blank=True)
    returned_at = models.DateTimeField(_("ngày trả kết quả (NgayTra)"), null=True, blank=True)
    status = models.PositiveSmallIntegerField(
        _("trạng thái (TrangThaiHoSo)"), choices=list(Status.LABELS.items()), default=Status.PROCESSING
    )
    fee = models.BigIntegerField(_("phí, lệ phí (LePhi)"), null=True, blank=True)
    paid_online = models.PositiveSmallIntegerField(
        _("thanh toán trực tuyến (DuocThanhToanTrucTuyen)"),
        null=True,
        blank=True,
        choices=[(0, _("Không")), (1, _("Qua Cổng DVCQG")), (2, _("Qua cổng thanh toán của tỉnh"))],
    )
    supplement_count = models.PositiveSmallIntegerField(_("số lần yêu cầu bổ sung (SoLanBoSung)"), default=0)
    supplement_requested_at = models.DateTimeField(_("ngày yêu cầu bổ sung"), null=True, blank=True)
    supplement_completed_at = models.DateTimeField(_("ngày hoàn thành bổ sung"), null=True, blank=True)
    has_e_result = models.BooleanField(_("có kết quả điện tử (CoKetQuaDienTu)"), null=True, blank=True)
    digitized = models.BooleanField(
        _("thành phần hồ sơ được số hóa (HoSoCoThanhPhanSoHoa)"), null=True, blank=True
    )
    reused_data = models.BooleanField(_("sử dụng lại dữ liệu số hóa (DuocTaiSuDung)"), null=True, blank=True)
    apology_at = models.DateTimeField(_("ngày gửi phiếu xin lỗi"), null=True, blank=True)
    on_time = models.BooleanField(_("giải quyết đúng hạn"), null=True, blank=True)
    processing_days = models.IntegerField(_("thời gian giải quyết (ngày làm việc)"), null=True, blank=True)
    as_of = models.DateTimeField(
        _("thời điểm dữ liệu"), help_text=_("Mốc mới nhất trong hồ sơ: quyết định bản nào mới hơn.")
    )
    source_import = models.ForeignKey(
        "DossierImport",
        verbose_name=_("lần nhập gần nhất"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )

    class Meta:
        verbose_name = _("hồ sơ TTHC")
        verbose_name_plural = _("hồ sơ TTHC")
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["org_unit", "received_at"], name="dossier_unit_received")]
        # A constraint, not ``unique=True``: on PostgreSQL the field option adds a second index for
        # LIKE queries that nothing here runs, and every imported dossier paid for it.
        constraints = [models.UniqueConstraint(fields=["code"], name="dossier_code_unique")]

    def __str__(self) -> str:
        return self.code

    @property
    def finished(self) -> bool:
        return self.finished_at is not None


class DossierRollup(models.Model):
    """Sums of the dossiers of one unit, sector, procedure and month of receipt, kept current by
    every import (recomputed for the keys it touched). ``open_until`` separates dossiers whose
    on-time verdict depends on the period: unfinished ones, counted on time for a period whose end
    is not after their appointment day; it is null for all others."""

    org_unit = _fk("orgs.OrgUnit", _("đơn vị"))
    sector = _fk(Sector, _("lĩnh vực"))
    procedure = _fk(Procedure, _("thủ tục"))
    month = models.DateField(_("tháng tiếp nhận"))
    open_until = models.DateField(null=True)
    received = models.IntegerField(default=0)
    online = models.IntegerField(default=0)
    post = models.IntegerField(default=0)
    fee_due = models.IntegerField(default=0)
    paid_online = models.IntegerField(default=0)
    finished = models.IntegerField(default=0)
    on_time = models.IntegerField(default=0)  # finished on time
    open = models.IntegerField(default=0)  # unfinished, at most one supplement, with an appointment
    completed = models.IntegerField(default=0)  # status Đã xử lý xong / Đã trả kết quả
    completed_days = models.BigIntegerField(default=0)
    e_result = models.IntegerField(default=0)
    e_result_known = models.IntegerField(default=0)
    digitized = models.IntegerField(default=0)
    digitized_known = models.IntegerField(default=0)
    reused = models.IntegerField(default=0)
    reused_known = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("tổng hợp hồ sơ theo tháng")
        verbose_name_plural = _("tổng hợp hồ sơ theo tháng")
        indexes = [
            models.Index(fields=["org_unit", "month"], name="rollup_unit_month"),
            models.Index(fields=["month"], name="rollup_month"),
        ]

    def __str__(self) -> str:
        return f"{self.org_unit_id}/{self.procedure_id} {self.month:%m/%Y}: {self.received}"


class ColumnMapping(models.Model):
    """How one source's export names the canonical columns, remembered for its next file."""

    name = models.CharField(_("tên nguồn dữ liệu"), max_length=120, unique=True)
    columns = models.JSONField(
        _("cột tương ứng"), default=dict, help_text=_("Tên cột chuẩn → tên cột trong tệp")
    )
    header_key = models.CharField(max_length=2000, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("ánh xạ cột nguồn dữ liệu")
        verbose_name_plural = _("ánh xạ cột nguồn dữ liệu")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class DossierImport(models.Model):
    """One import of a file or a push: progress while it runs, counts and row errors after."""

    class Status(models.TextChoices):
        MAPPING = "mapping", _("Chờ khai báo cột")
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang nhập")
        DONE = "done", _("Hoàn tất")
        FAILED = "failed", _("Không nhập được")

    class Kind(models.TextChoices):
        FILE = "file", _("Tệp CSV/XLSX")
        PUSH = "push", _("Đẩy qua API")

    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.FILE)
    org_unit = models.ForeignKey(
        "orgs.OrgUnit",
        verbose_name=_("đơn vị nhập"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Đơn vị của người nhập (hoặc của khóa API); hồ sơ có thể thuộc các đơn vị cấp dưới."),
    )
    file = models.FileField(upload_to="dossier-imports/%Y/%m/", max_length=300, blank=True)
    file_name = models.CharField(_("tên tệp"), max_length=300, blank=True)
    size = models.BigIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    mapping = models.ForeignKey(
        ColumnMapping, verbose_name=_("nguồn dữ liệu"), null=True, blank=True, on_delete=models.SET_NULL
    )
    dry_run = models.BooleanField(_("chạy thử"), default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    phase = models.CharField(max_length=120, blank=True)
    total = models.IntegerField(default=0)
    done = models.IntegerField(default=0)
    rows = models.IntegerField(_("số dòng"), default=0)
    created = models.IntegerField(_("thêm mới"), default=0)
    updated = models.IntegerField(_("cập nhật"), default=0)
    unchanged = models.IntegerField(_("không đổi"), default=0)
    older = models.IntegerField(_("cũ hơn dữ liệu đã có"), default=0)
    duplicates = models.IntegerField(_("dòng lặp lại"), default=0)
    errors = models.IntegerField(_("dòng lỗi"), default=0)
    message = models.CharField(max_length=1000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    api_token = models.CharField(_("khóa API"), max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("lần nhập hồ sơ")
        verbose_name_plural = _("lần nhập hồ sơ")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"], name="dossier_import_status")]

    def __str__(self) -> str:
        return f"Nhập hồ sơ {self.file_name or self.get_kind_display()} ({self.created_at:%d/%m/%Y %H:%M})"

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


class ImportRowError(models.Model):
    """One problem of one row of an import, in Vietnamese, for the downloadable report."""

    dossier_import = models.ForeignKey(DossierImport, on_delete=models.CASCADE, related_name="row_errors")
    row = models.IntegerField(_("dòng"))
    code = models.CharField(_("mã hồ sơ"), max_length=200, blank=True)
    column = models.CharField(_("cột"), max_length=60, blank=True)
    message = models.CharField(_("lỗi"), max_length=500)

    class Meta:
        verbose_name = _("lỗi dòng khi nhập")
        verbose_name_plural = _("lỗi dòng khi nhập")
        ordering = ["dossier_import", "row", "id"]

    def __str__(self) -> str:
        return f"Dòng {self.row}: {self.message}"
