"""The dossier indicators offered to the rest of CCHC through ``core.measures``.

Plan targets, periodic reports and the PAR INDEX ask ``measure("on_time_rate", unit, period)``
without importing this app; each answer carries its numerator, denominator, the sentence saying how
it was computed, and the QĐ 766 points in ``details``.
"""

from __future__ import annotations

from core import measures, qd766
from core.reporting.periods import Period

FORMULAS = {
    "on_time_rate": "hồ sơ đã xử lý xong đúng hạn (NgayKetThucXuLy ≤ NgayHenTra, không quá một lần yêu cầu bổ sung) "
    "và hồ sơ chưa xong có hẹn trả không trước ngày cuối kỳ / hồ sơ tiếp nhận trong kỳ",
    "online_dossier_rate": "hồ sơ nộp trực tuyến (KenhThucHien = 2) / hồ sơ tiếp nhận trong kỳ",
    "online_payment_rate": "hồ sơ thanh toán trực tuyến / hồ sơ tiếp nhận trong kỳ có phí, lệ phí (LePhi > 0)",
    "digitized_result_rate": "hồ sơ có kết quả điện tử (CoKetQuaDienTu = 1) / hồ sơ đã xử lý xong",
    "digitized_dossier_rate": "hồ sơ có thành phần được số hóa (và kết quả điện tử khi đã xong) / hồ sơ tiếp nhận",
    "data_reuse_rate": "hồ sơ sử dụng lại dữ liệu số hóa (DuocTaiSuDung = 1) / hồ sơ tiếp nhận trong kỳ",
    "average_processing_time": "tổng số ngày làm việc giải quyết (trừ thời gian chờ bổ sung) / hồ sơ đã giải quyết xong",
    "online_service_rate": "TTHC có dịch vụ công trực tuyến / TTHC trong danh mục",
    "online_service_usage_rate": "dịch vụ công trực tuyến có hồ sơ nộp trực tuyến trong kỳ / dịch vụ công trực tuyến",
    "online_payment_service_rate": "TTHC có phí có hồ sơ ghi nhận phí trong kỳ / TTHC có phí trong danh mục",
    "online_payment_procedure_rate": "TTHC có phí có giao dịch thanh toán trực tuyến trong kỳ / TTHC có phí",
    "full_online_service_rate": "TTHC có dịch vụ công trực tuyến toàn trình / TTHC trong danh mục",
}
SOURCE = "Hồ sơ TTHC nhập từ hệ thống một cửa"


def _provider(code: str):
    def provide(unit, period: Period) -> measures.Measurement | None:
        from apps.indicators import engine

        evaluation = engine.evaluate_cached(unit, period, catalogue=code in engine.CATALOGUE_CODES)
        result = evaluation.by_code().get(code)
        if result is None or result.value is None:
            return None
        return measures.Measurement(
            code=code,
            value=result.value,
            numerator=result.numerator,
            denominator=result.denominator,
            unit=result.definition.unit,
            formula=FORMULAS.get(code, ""),
            source=SOURCE,
            details={
                "qd766": result.definition.key,
                "points": result.points,
                "max_points": result.max_points,
            },
        )

    return provide


def full_online_service_rate(unit, period: Period) -> measures.Measurement | None:
    from apps.dossiers.models import Procedure
    from apps.orgs.models import OrgUnit

    procedures = Procedure.objects.filter(is_active=True)
    if unit.level == OrgUnit.Level.COMMUNE:
        procedures = procedures.filter(level__in=[Procedure.Level.COMMUNE, Procedure.Level.BOTH])
    total = procedures.count()
    full = procedures.filter(online_level=Procedure.OnlineLevel.FULL).count()
    value = qd766.rate(full, total)
    if value is None:
        return None
    return measures.Measurement(
        "full_online_service_rate", value, full, total, formula=FORMULAS["full_online_service_rate"],
        source="Danh mục TTHC",
    )  # fmt: skip


def register_all() -> None:
    names = {d.code: d.name for s in qd766.SCHEMES for d in s.definitions}
    for code in FORMULAS:
        if code == "full_online_service_rate":
            measures.register(
                code, full_online_service_rate, name="Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình"
            )
            continue
        unit = "ngày làm việc" if code == "average_processing_time" else "%"
        measures.register(code, _provider(code), name=names[code], unit=unit)
