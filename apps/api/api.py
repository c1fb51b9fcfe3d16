"""The REST API (django-ninja, OpenAPI at /api/v1/openapi.json): one-stop systems push dossiers in
the national sync shape, upper levels pull indicators. Authentication: ``Authorization: Bearer
<khóa>`` with a token issued to a unit (``apps.api.models.ApiToken``); a token reaches that unit
and the units under it."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import HttpBearer

from apps.api.models import ApiToken, token_hash
from apps.api.schemas import Error, IndicatorsOut, PushIn, PushOut
from apps.dossiers.jobs import save_outcome
from apps.dossiers.models import DossierImport
from apps.dossiers.pipeline import ImportRequest, import_items
from apps.indicators import engine
from apps.indicators.management.commands.indicators import as_json
from apps.orgs.models import OrgUnit
from core.dossiers.national import to_values
from core.measures import calendar_period
from core.reporting.periods import PeriodError

MAX_ITEMS = 5000

api = NinjaAPI(
    title="CCHC API",
    version="1",
    description="Đẩy hồ sơ TTHC theo cấu trúc đồng bộ quốc gia (HoSoDongBoDVC) và lấy chỉ số QĐ 766. "
    "Xác thực: tiêu đề Authorization: Bearer <khóa API> do quản trị đơn vị cấp.",
    docs_url=None,  # the interactive page loads scripts from a CDN, which the CSP forbids
    urls_namespace="api-v1",
)


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        row = (
            ApiToken.objects.select_related("org_unit")
            .filter(key_hash=token_hash(token or ""), revoked_at__isnull=True)
            .first()
        )
        if row is not None:
            ApiToken.objects.filter(pk=row.pk).update(last_used_at=timezone.now())
        return row


@api.exception_handler(AuthenticationError)
def _unauthorized(request, exc):
    return api.create_response(
        request,
        {"detail": "Khóa API không hợp lệ hoặc đã bị thu hồi (Authorization: Bearer <khóa>)."},
        status=401,
    )


@api.exception_handler(NinjaValidationError)
def _invalid(request, exc):
    problems = [f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}" for e in exc.errors[:20]]
    return api.create_response(
        request, {"detail": "Dữ liệu gửi lên không đúng cấu trúc: " + "; ".join(problems)}, status=422
    )


@api.post("/ho-so", auth=TokenAuth(), response={200: PushOut, 413: Error}, summary="Đẩy hồ sơ TTHC")
def push(request, payload: PushIn):
    """Hồ sơ mới được thêm, hồ sơ đã có (cùng MaHoSo) được cập nhật khi dữ liệu mới hơn; hồ sơ lỗi
    được trả về theo thứ tự trong mảng, các hồ sơ khác vẫn được nhập."""
    token: ApiToken = request.auth
    if len(payload.data) > MAX_ITEMS:
        return 413, {"detail": f"Mỗi lần gửi tối đa {MAX_ITEMS} hồ sơ (đã gửi {len(payload.data)})."}
    unit = token.org_unit
    imp = DossierImport.objects.create(
        kind=DossierImport.Kind.PUSH, org_unit=unit, api_token=str(token)[:120], file_name=f"API: {token.name}"[:300],
        status=DossierImport.Status.RUNNING,
    )  # fmt: skip
    items = [
        (i, to_values(item.dict(exclude_none=True), unit.name), "") for i, item in enumerate(payload.data, 1)
    ]
    request_ = ImportRequest(
        scope=unit.subtree_ids(), import_id=imp.pk, finalize=lambda outcome: save_outcome(imp, outcome)
    )
    outcome = import_items(items, request_)
    errors = [
        {"index": e.row, "MaHoSo": e.code, "field": e.column, "message": e.message}
        for e in imp.row_errors.order_by("row", "id")
    ]
    return 200, {
        "import_id": imp.pk, "received": outcome.rows, "created": outcome.created, "updated": outcome.updated,
        "unchanged": outcome.unchanged, "older": outcome.older, "duplicates": outcome.duplicates, "errors": errors,
    }  # fmt: skip


@api.get("/chi-so", auth=TokenAuth(), response={200: IndicatorsOut, 404: Error}, summary="Chỉ số QĐ 766")
def indicators(request, don_vi: int, ky: str):
    """Chỉ số của một đơn vị (thuộc phạm vi của khóa) trong một kỳ: 2025-Q3, 2025-H1, 2025-Y, 2025-M07."""
    token: ApiToken = request.auth
    unit = OrgUnit.objects.filter(pk=don_vi, pk__in=token.org_unit.subtree_ids()).first()
    if unit is None:
        return 404, {"detail": "Không có đơn vị này trong phạm vi của khóa API."}
    try:
        period = calendar_period(ky)
    except PeriodError as exc:
        return 404, {"detail": str(exc)}
    return 200, as_json(engine.evaluate(unit, period))
