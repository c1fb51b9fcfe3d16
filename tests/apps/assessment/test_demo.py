"""The demo's PAR INDEX: Thanh Hóa's framework with its sources, the 2025 round of its communes
(self-assessed; one appraised twice and decided; one reopened), stable when run again."""

import json

from django.core.management import call_command

from apps.assessment.demo import FRAMEWORK_FILE
from apps.assessment.models import Assessment, Evidence, IndexFramework, Reopening, ScoreChange
from core.scoring.framework import spec_from_dict, validate


def test_the_framework_file_is_valid_data_with_its_sources():
    data = json.loads(FRAMEWORK_FILE.read_text(encoding="utf-8"))
    spec = spec_from_dict(data)
    assert validate(spec) == []
    assert (spec.appraisal_max, spec.survey_max) == (70, 30) and len(spec.leaves()) >= 40
    assert "QĐ 2204/QĐ-UBND" in spec.source and "không phải bộ chỉ số chính thức" in spec.source


def test_demo_round(db, capsys):
    call_command("demo")
    fw = IndexFramework.objects.get(province__name="tỉnh Thanh Hóa", year=2025)
    statuses = dict(Assessment.objects.filter(round__framework=fw).values_list("org_unit__name", "status"))
    assert statuses == {
        "xã Thường Xuân": "decided",
        "xã Ngọc Liên": "explanation",
        "xã Anh Sơn": "appraisal_1",
    }
    assert Reopening.objects.get().assessment.org_unit.name == "xã Anh Sơn"
    assert (
        ScoreChange.objects.filter(stage="appraisal_2").exists()
        and Evidence.objects.filter(kind="plan").exists()
    )
    counts = (ScoreChange.objects.count(), Evidence.objects.count())
    call_command("demo")
    assert (ScoreChange.objects.count(), Evidence.objects.count()) == counts
    call_command("par-index", "results", "--year", "2025", "--province", "tỉnh Thanh Hóa", "--json")
    out = capsys.readouterr().out
    rows = json.loads(out[out.index('{\n  "results"') :])["results"]
    assert len(rows) == 3 and all(r["band"] for r in rows)
