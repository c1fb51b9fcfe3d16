"""The push API: tokens, the national payload, scope, idempotence, the OpenAPI schema."""

from __future__ import annotations

import json

import pytest

from apps.api import api as api_module
from apps.api import services
from apps.api.models import ApiToken
from apps.dossiers.models import Dossier, DossierImport

ITEM = {
    "MaHoSo": "000.00.20.H56-250701-0001", "MaTTHC": "1.001193", "KenhThucHien": 2,
    "NgayNopHoSo": "20250701075000", "NgayTiepNhan": "20250701080000", "NgayHenTra": "20250702170000",
    "NgayKetThucXuLy": "20250704100000", "TrangThaiHoSo": 10, "NgayTra": "20250704150000",
    "DanhSachLePhi": [{"TenPhiLePhi": "Lệ phí", "Gia": 0}],
    "DanhSachHoSoBoSung": [{"NgayBoSung": "20250701150000", "NgayTiepNhanBoSung": "20250702090000",
                            "NgayHenTraTruoc": "20250702170000", "NgayHenTraMoi": "20250704170000"}],
    "DanhSachGiayToKetQua": [{"TenGiayTo": "Giấy khai sinh", "DuongDanTepTinKetQua": "https://kq.example/1.pdf"}],
    "TaiLieuNop": [{"DuocSoHoa": 1, "DuocTaiSuDung": 0, "DuocLayTuKhoDMQG": 1}],
}  # fmt: skip


@pytest.fixture
def token(world, catalogue):
    _row, secret = services.issue(world.admin_a1, world.a1, "Một cửa xã An Một")
    return secret


def _push(client, items, secret):
    return client.post("/api/v1/ho-so", data=json.dumps({"data": items}), content_type="application/json",
                       HTTP_AUTHORIZATION=f"Bearer {secret}")  # fmt: skip


def test_push_in_the_national_shape(world, client, token):
    response = _push(client, [ITEM], token)
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["created"], body["errors"]) == (1, [])
    d = Dossier.objects.get()
    assert d.org_unit == world.a1 and d.channel == 2 and d.supplement_count == 1
    assert d.due_at.isoformat() == "2025-07-04T10:00:00+00:00"  # moved by the supplement request (17:00 +07)
    assert d.on_time is True and d.has_e_result is True and d.digitized is True and d.reused_data is True
    assert d.fee == 0
    again = _push(client, [ITEM], token).json()
    assert (again["created"], again["unchanged"]) == (0, 1)  # idempotent by MaHoSo
    assert DossierImport.objects.filter(kind="push").count() == 2
    from apps.audit.models import AuditEntry

    events = AuditEntry.objects.filter(action="event", message__contains="API: Một cửa xã An Một")
    assert events.count() == 2 and events.first().actor == world.admin_a1


def test_rows_with_problems_come_back_by_position(world, client, token):
    items = [ITEM, dict(ITEM, MaHoSo="X-2", MaTTHC="9.999"), dict(ITEM, MaHoSo="X-3", DonVi="xã An Hai")]
    body = _push(client, items, token).json()
    assert body["created"] == 1
    problems = {(e["index"], e["field"]) for e in body["errors"]}
    assert problems == {(2, "MaTTHC"), (3, "DonVi")}  # xã An Hai is outside the token's unit
    assert "không có quyền" in next(e["message"] for e in body["errors"] if e["index"] == 3)


def test_a_bad_or_revoked_token_is_refused(world, client, token):
    for header in ({}, {"HTTP_AUTHORIZATION": "Bearer cchc_sai"}, {"HTTP_AUTHORIZATION": "Basic abc"}):
        response = client.post("/api/v1/ho-so", data=json.dumps({"data": [ITEM]}), content_type="application/json",
                               **header)  # fmt: skip
        assert response.status_code == 401 and "Khóa API không hợp lệ" in response.json()["detail"]
    services.revoke(world.admin_a1, ApiToken.objects.get())
    assert _push(client, [ITEM], token).status_code == 401
    assert not Dossier.objects.exists()


def test_malformed_payloads_and_size(world, client, token, monkeypatch):
    response = _push(client, [{"MaTTHC": "1.001193"}], token)
    assert response.status_code == 422 and "MaHoSo" in response.json()["detail"]
    monkeypatch.setattr(api_module, "MAX_ITEMS", 1)
    response = _push(client, [ITEM, dict(ITEM, MaHoSo="2")], token)
    assert response.status_code == 413 and "tối đa 1 hồ sơ" in response.json()["detail"]


def test_pull_indicators_within_scope(world, client, token):
    _push(client, [ITEM], token)
    ok = client.get(f"/api/v1/chi-so?don_vi={world.a1.pk}&ky=2025-Q3", HTTP_AUTHORIZATION=f"Bearer {token}")
    by_code = {i["code"]: i for i in ok.json()["indicators"]}
    assert by_code["on_time_rate"]["value"] == 100.0
    outside = client.get(
        f"/api/v1/chi-so?don_vi={world.a2.pk}&ky=2025-Q3", HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert outside.status_code == 404


def test_openapi_schema_documents_push_and_auth(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/ho-so" in schema["paths"] and "/api/v1/chi-so" in schema["paths"]
    post = schema["paths"]["/api/v1/ho-so"]["post"]
    assert post["security"] and "HoSo" in json.dumps(schema["components"]["schemas"])
    assert "DanhSachHoSoBoSung" in schema["components"]["schemas"]["HoSo"]["properties"]


def test_tokens_are_issued_by_unit_admins_only(world, login):
    assert login(world.officer_a1).get("/api/").status_code == 404
    client = login(world.admin_a1)
    client.post("/api/khoa/", {"don-vi": world.a1.pk, "ten": "Một cửa"})
    token = ApiToken.objects.get()
    page = client.get("/api/").content.decode()
    assert "cchc_" in page and token.key_hash not in page  # the secret shown once, the hash never
    assert "cchc_" not in client.get("/api/").content.decode().split("Các khóa")[0].split("Cấp khóa mới")[0]
    assert login(world.admin_a1).post("/api/khoa/", {"don-vi": world.b1.pk, "ten": "x"}).status_code == 404
    assert login(world.officer_b1).post(f"/api/khoa/{token.pk}/thu-hoi/").status_code == 404
