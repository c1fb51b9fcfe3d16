"""Uploaded files on S3-compatible object storage (django-storages), against a real S3 server process
(moto's server, started here on a free port): evidence, signed report scans and plan documents are
written to the bucket, never to MEDIA_ROOT, served back through the permission-checked views, and an
evidence file deleted with its record is deleted from the bucket."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.plans.models import Plan
from apps.reports import services as report_services
from apps.reports.models import PeriodicReport
from apps.reports.selectors import period_for
from apps.tracking import services as tracking_services
from apps.tracking.models import Evidence
from tests.apps.plans.conftest import seed_bytes  # noqa: F401 - the fixture
from tests.apps.reports.conftest import pdf_upload, q3  # noqa: F401 - the fixture
from tests.apps.tracking.conftest import plan_a1  # noqa: F401 - the fixture

BUCKET = "cchc-thu-nghiem"
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
KEYS = {
    "aws_access_key_id": "cchc-test",
    "aws_secret_access_key": "cchc-test-secret",
    "region_name": "us-east-1",
}


@pytest.fixture(scope="module")
def s3_server():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    client = boto3.client("s3", endpoint_url=url, **KEYS)
    deadline = time.monotonic() + 30
    while True:
        try:
            client.list_buckets()
            break
        except Exception:  # noqa: BLE001 - not listening yet
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise
            time.sleep(0.2)
    yield url, client
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def bucket(s3_server, settings, tmp_path):
    url, client = s3_server
    client.create_bucket(Bucket=BUCKET)
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": url,
                "region_name": KEYS["region_name"],
                "access_key": KEYS["aws_access_key_id"],
                "secret_key": KEYS["aws_secret_access_key"],
                "location": "cchc",
                "default_acl": "private",
                "file_overwrite": False,
            },
        },
    }
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def keys(client) -> list[str]:
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []))


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_evidence_goes_to_the_bucket_and_back(
    world,
    plan_a1,  # noqa: F811
    bucket,
    login,
    settings,
    django_capture_on_commit_callbacks,
):
    client = login(world.staff_a1)
    fields = {"text": "Đã ban hành quyết định", "percent": 100, "progress": "done", "reason": ""}
    report = tracking_services.save_report(world.staff_a1, plan_a1.m_nov, fields)
    r = client.post(
        reverse("tracking:evidence_add", args=[plan_a1.m_nov.pk]),
        {"file": SimpleUploadedFile("Quyết định.pdf", PDF)},
    )
    assert r.status_code == 302
    evidence = Evidence.objects.get(report=report)
    [key] = keys(bucket)
    assert key == f"cchc/{evidence.file.name}" and key.startswith("cchc/evidence/") and key.endswith(".pdf")
    assert bucket.get_object(Bucket=BUCKET, Key=key)["Body"].read() == PDF
    assert not Path(settings.MEDIA_ROOT).exists()  # nothing on the local disk
    download = client.get(reverse("tracking:evidence_file", args=[evidence.pk]))
    assert download.status_code == 200 and body(download) == PDF
    assert (
        login(world.officer_b1).get(reverse("tracking:evidence_file", args=[evidence.pk])).status_code == 404
    )
    with django_capture_on_commit_callbacks(execute=True):
        tracking_services.delete_evidence(world.staff_a1, evidence)
    assert keys(bucket) == []


def test_signed_scan_goes_to_the_bucket_and_back(world, q3, bucket, login, settings):  # noqa: F811
    draft = report_services.open_report(world.officer_a1, world.a1, period_for(world.a1, "2025-Q3"))
    r = login(world.leader_a1).post(reverse("reports:sign", args=[draft.pk]), {"scan": pdf_upload()})
    assert r.status_code == 302
    draft = PeriodicReport.objects.get(pk=draft.pk)
    assert draft.status == "signed" and keys(bucket) == [f"cchc/{draft.signed_scan.name}"]
    assert draft.signed_scan.name.startswith("reports/signed/") and not Path(settings.MEDIA_ROOT).exists()
    stored = bucket.get_object(Bucket=BUCKET, Key=keys(bucket)[0])["Body"].read()
    scan = login(world.viewer_a1).get(reverse("reports:scan", args=[draft.pk]))
    assert scan.status_code == 200 and body(scan) == stored and stored.startswith(b"%PDF")


def test_plan_document_goes_to_the_bucket_and_back(world, bucket, login, settings, seed_bytes):  # noqa: F811
    client = login(world.officer_a1)
    r = client.post(
        reverse("plans:upload"),
        {"org_unit": world.a1.pk, "file": SimpleUploadedFile("ke-hoach.txt", seed_bytes)},
    )
    assert r.status_code == 302
    plan = Plan.objects.get()
    assert keys(bucket) == [f"cchc/{plan.source.file.name}"] and not Path(settings.MEDIA_ROOT).exists()
    document = client.get(reverse("plans:document", args=[plan.pk]))
    assert document.status_code == 200 and body(document) == seed_bytes
    assert login(world.officer_b1).get(reverse("plans:document", args=[plan.pk])).status_code == 404
