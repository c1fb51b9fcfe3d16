"""Frameworks: import from XLSX (all or nothing), the template, export, copy, delete, the command line."""

import io
from dataclasses import replace

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from apps.assessment import frameworks
from apps.assessment.models import Criterion, IndexFramework
from cchc import clock
from core.scoring.xlsx import CRITERIA_SHEET, read_framework, write_framework
from tests.apps.assessment.conftest import spec


def workbook(s=None) -> bytes:
    return write_framework(s or spec())


def test_import_saves_the_tree_with_parents_and_a_new_version_each_time(world):
    out = frameworks.import_framework(world.officer_a, world.a, workbook(), year=2025, level="commune")
    assert out.errors == [] and out.framework is not None
    fw = out.framework
    assert (fw.version, fw.total_max, fw.appraisal_max, fw.survey_max) == (1, 10, 6, 4)
    c = fw.criteria.get(code="1.2")
    assert (c.parent.code, c.kind, c.measure, c.is_leaf, c.part) == (
        "1",
        "rate",
        "task_on_time_rate",
        True,
        "appraisal",
    )
    assert fw.criteria.get(code="2.1").part == "survey" and not fw.criteria.get(code="2").is_leaf
    again = frameworks.import_framework(world.officer_a, world.a, workbook(), year=2025, level="commune")
    assert again.framework.version == 2
    assert any("petition" not in w for w in again.warnings) or again.warnings == []


@pytest.mark.parametrize(
    "change, message",
    [
        (
            lambda s: replace(
                s, criteria=[replace(c, max_points=3) if c.code == "1.2" else c for c in s.criteria]
            ),
            "cộng lại 7",
        ),
        (
            lambda s: replace(
                s, criteria=[replace(c, max_points=None) if c.code == "1.3" else c for c in s.criteria]
            ),
            "chưa có điểm tối đa",
        ),
        (lambda s: replace(s, total_max=12), "phải bằng tổng điểm tối đa"),
    ],
)
def test_a_bad_framework_is_refused_with_a_reason_and_nothing_saved(world, change, message):
    out = frameworks.import_framework(
        world.officer_a, world.a, write_framework(change(spec())), year=2025, level="commune"
    )
    assert out.framework is None and any(message in e for e in out.errors), out.errors
    assert not IndexFramework.objects.exists() and not Criterion.objects.exists()


def test_only_the_province_manages_its_frameworks(world):
    with pytest.raises(PermissionDenied):
        frameworks.save_framework(world.officer_a1, world.a, spec())
    with pytest.raises(PermissionDenied):
        frameworks.save_framework(world.officer_b1, world.a, spec())
    with pytest.raises(ValidationError, match="không phải cấp tỉnh"):
        frameworks.save_framework(None, world.a1, spec())


def test_import_page_shows_every_error_and_the_template_downloads(world, login):
    client = login(world.officer_a)
    template = client.get(reverse("assessment:framework_template"))
    assert template.status_code == 200
    data, year = b"".join(template.streaming_content), clock.today().year
    assert read_framework(data, year=year, level="commune", province="tỉnh ...").errors == []
    bad = replace(
        spec(), criteria=[replace(c, max_points=None) if c.code == "1.3" else c for c in spec().criteria]
    )
    response = client.post(
        reverse("assessment:framework_import"),
        {
            "file": SimpleUploadedFile("bo.xlsx", write_framework(bad)),
            "year": 2025,
            "level": "commune",
            "province": world.a.pk,
        },
    )
    assert response.status_code == 400 and "chưa có điểm tối đa" in response.content.decode()
    response = client.post(
        reverse("assessment:framework_import"),
        {
            "file": SimpleUploadedFile("bo.xlsx", workbook()),
            "year": 2025,
            "level": "commune",
            "province": world.a.pk,
        },
    )
    fw = IndexFramework.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "assessment:framework", args=[fw.pk]
    )
    assert login(world.officer_a1).get(reverse("assessment:framework_import")).status_code == 403


def test_export_reads_back_to_the_same_framework(world, login):
    fw = frameworks.save_framework(world.officer_a, world.a, spec())
    response = login(world.officer_a1).get(reverse("assessment:framework_export", args=[fw.pk]))
    data = b"".join(response.streaming_content)
    back = read_framework(data, year=2025, level="commune", province="tỉnh An")
    assert back.errors == []
    assert [replace(c, row=None) for c in back.spec.criteria] == spec().criteria
    assert load_workbook(io.BytesIO(data))[CRITERIA_SHEET]["A3"].value == "1.1"
    assert (
        login(world.officer_b1).get(reverse("assessment:framework_export", args=[fw.pk])).status_code == 404
    )


def test_copy_and_delete(world, par, login):
    client = login(world.officer_a)
    response = client.post(reverse("assessment:framework_copy", args=[par.framework.pk]), {"year": 2026})
    copy = IndexFramework.objects.get(year=2026)
    assert response["Location"] == reverse("assessment:framework", args=[copy.pk])
    assert copy.copied_from == par.framework and copy.criteria.count() == par.framework.criteria.count()
    with pytest.raises(ValidationError, match="đã được dùng"):
        frameworks.delete_framework(world.officer_a, par.framework)
    client.post(reverse("assessment:framework_delete", args=[copy.pk]))
    assert not IndexFramework.objects.filter(year=2026).exists()
    assert IndexFramework.objects.filter(pk=par.framework.pk).exists()


def test_command_line_import(world, tmp_path, capsys):
    path = tmp_path / "bo-chi-so.xlsx"
    path.write_bytes(workbook())
    call_command(
        "par-index",
        "import-framework",
        str(path),
        "--year",
        "2025",
        "--level",
        "commune",
        "--province",
        "tỉnh An",
    )
    assert "Đã nhập" in capsys.readouterr().out
    assert IndexFramework.objects.get().criteria.filter(is_leaf=True).count() == 6
    bad = tmp_path / "sai.xlsx"
    bad.write_bytes(write_framework(replace(spec(), total_max=11)))
    with pytest.raises(CommandError, match="không lưu gì"):
        call_command(
            "par-index", "import-framework", str(bad), "--year", "2025", "--level", "xa", "--province", "An"
        )
    assert "phải bằng tổng điểm tối đa" in capsys.readouterr().err
    assert IndexFramework.objects.count() == 1
    with pytest.raises(CommandError, match="Không tìm thấy tỉnh"):
        call_command(
            "par-index",
            "import-framework",
            str(path),
            "--year",
            "2025",
            "--level",
            "commune",
            "--province",
            "tỉnh Không Có",
        )
    with pytest.raises(CommandError, match="Cấp"):
        call_command(
            "par-index",
            "import-framework",
            str(path),
            "--year",
            "2025",
            "--level",
            "huyện",
            "--province",
            "tỉnh An",
        )
    with pytest.raises(CommandError, match="chưa có đợt đánh giá"):
        call_command("par-index", "results", "--year", "2024", "--province", "tỉnh An", "--json")
