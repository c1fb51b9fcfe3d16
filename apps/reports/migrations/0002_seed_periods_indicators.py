"""Seed the national reporting periods (Công văn 581/BNV-CCHC) and the indicator catalogue."""

from django.db import migrations

NOTE = "Công văn 581/BNV-CCHC; Nghị định 09/2019/NĐ-CP"
# kind, start (month, day), end, due, required; month 0 = December of the previous year,
# for the monthly kind months are offsets from the report's month.
PERIODS = [
    ("Q1", (0, 15), (3, 14), (3, 20), True),
    ("Q2", (3, 15), (6, 14), (6, 20), False),
    ("H1", (0, 15), (6, 14), (6, 20), True),
    ("Q3", (6, 15), (9, 14), (9, 20), True),
    ("9M", (0, 15), (9, 14), (9, 20), False),
    ("Q4", (9, 15), (12, 14), (12, 20), False),
    ("Y", (0, 15), (12, 14), (12, 20), True),
    ("M", (-1, 15), (0, 14), (0, 20), False),
]


def seed(apps, schema_editor):
    from core.indicators import INDICATORS

    ReportingPeriod = apps.get_model("reports", "ReportingPeriod")
    Indicator = apps.get_model("reports", "Indicator")
    for kind, start, end, due, required in PERIODS:
        ReportingPeriod.objects.get_or_create(
            org_unit=None,
            kind=kind,
            defaults=dict(
                start_month=start[0], start_day=start[1], end_month=end[0], end_day=end[1],
                due_month=due[0], due_day=due[1], required=required, note=NOTE,
            ),
        )
    for position, (code, name, area, unit) in enumerate(INDICATORS):
        Indicator.objects.get_or_create(code=code, defaults=dict(name=name, area=area, unit=unit, position=position))


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
